package io.vpcportal.catalog;

import java.util.Set;

/**
 * One field a template's request form asks for. {@code name} is one of the request item's properties
 * ({@code routeTableIds}, {@code subnetIds}, {@code securityGroupIds}, {@code privateDns},
 * {@code policyChoice}, {@code bucketNames}, {@code tableNames}, {@code serviceRegion}).
 */
public record TemplateField(String name, String label, boolean required, String defaultValue, String help) {

    public static final Set<String> NAMES = Set.of("routeTableIds", "subnetIds",
            "securityGroupIds", "privateDns", "policyChoice", "bucketNames", "tableNames", "serviceRegion");
}
