package io.vpcportal.request;

import io.vpcportal.catalog.EndpointType;
import java.util.List;
import java.util.Map;

/**
 * An endpoint that exists in AWS without the portal having made it, as it is now: adopting it makes it an
 * ACTIVE request with one item carrying these settings, its current policy (as a custom policy) and its own
 * tags (neither {@code aws:} nor {@code portal:} ones), so that a later change keeps them.
 */
public record AdoptedEndpoint(String vpcEndpointId, String team, String accountId, String region, String vpcId,
        String templateKey, int templateVersion, EndpointType endpointType, String serviceName,
        List<String> routeTableIds, List<String> subnetIds, List<String> securityGroupIds, boolean privateDns,
        String policy, Map<String, String> tags) {

    public AdoptedEndpoint {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
