package io.vpcportal.catalog.web;

import io.vpcportal.catalog.PolicyChoice;
import io.vpcportal.catalog.TemplateChange;
import io.vpcportal.catalog.TemplateField;
import io.vpcportal.platform.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.TreeSet;

/** JSON body of {@code PUT /api/v1/templates/{key}}: the next version of a template. */
record TemplatePayload(
        @NotBlank(message = "must not be blank") @Size(max = 100) String name,
        @NotBlank(message = "must not be blank") @Size(max = 2000) String description,
        @NotBlank(message = "must not be blank") @Size(max = 40) String category,
        @Size(max = 40) List<@NotNull(message = "must not hold null") @Size(max = 20) String> regions,
        @NotBlank(message = "must not be blank") String defaultPolicy,
        Boolean retired,
        @NotNull(message = "must list the form fields") @Size(max = 10) List<@NotNull(message = "must not hold null") @Valid Field> fields) {

    record Field(@NotBlank @Size(max = 40) String name, @NotBlank @Size(max = 100) String label, Boolean required,
            @Size(max = 200) String defaultValue, @Size(max = 500) String help) {
    }

    /**
     * The edit; its default policy by the key the forms use ("organization") or by the name a template read from the
     * API states ("ORGANIZATION"), so that a template read and written back as it was is accepted.
     */
    TemplateChange toChange() {
        PolicyChoice policy = PolicyChoice.fromKeyOrName(defaultPolicy).orElseThrow(() ->
                new InvalidInputException("defaultPolicy", "must be one of full-access, organization, s3-buckets, "
                        + "dynamodb-tables, read-only, custom"));
        return new TemplateChange(name, description, category, regions == null ? null : new TreeSet<>(regions), policy,
                Boolean.TRUE.equals(retired), fields.stream().map(f -> new TemplateField(f.name(), f.label(), Boolean.TRUE.equals(f.required()), f.defaultValue(),
                        f.help())).toList());
    }
}
