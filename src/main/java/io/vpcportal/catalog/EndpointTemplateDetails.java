package io.vpcportal.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * One version of an endpoint template, as requests and pages use it.
 *
 * @param regionalServices for partner services: region to service name (they differ per region)
 * @param privateDnsNames  for partner services: region to the private DNS name the provider documents
 */
public record EndpointTemplateDetails(String key, int version, String name, String description, String category,
        EndpointType endpointType, String serviceNamePattern, SortedSet<String> regions, boolean partner,
        String provider, boolean crossRegionSupported, PolicyChoice defaultPolicy, String documentationUrl,
        List<TemplateField> fields, Map<String, String> regionalServices, Map<String, String> privateDnsNames,
        boolean retired, Instant createdAt, String createdBy) {

    public boolean availableIn(String region) {
        return regions.contains(region);
    }

    /** The service name to ask EC2 for in {@code region}, if the service exists there. */
    public Optional<String> serviceNameIn(String region) {
        if (!availableIn(region)) {
            return Optional.empty();
        }
        return partner ? Optional.ofNullable(regionalServices.get(region))
                : Optional.of(serviceNamePattern.replace("{region}", region));
    }

    public Optional<TemplateField> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    public boolean hasField(String fieldName) {
        return field(fieldName).isPresent();
    }
}
