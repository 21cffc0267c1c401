package io.vpcportal.catalog;

import java.util.SortedSet;

/** A template as the catalog lists it. */
public record TemplateSummary(String key, int version, String name, String description, String category,
        EndpointType endpointType, boolean partner, String provider, SortedSet<String> regions) {
}
