package io.vpcportal.catalog;

/** An admin saved a new version of a template; {@code before} and {@code after} are the two versions. */
public record TemplateVersionCreated(String key, int version, String by, EndpointTemplateDetails before,
        EndpointTemplateDetails after) {
}
