package io.vpcportal.request;

import io.vpcportal.catalog.EndpointType;
import java.util.List;

/**
 * An endpoint that exists in AWS without the portal having made it, as it is now: adopting it makes it an
 * ACTIVE request with one item carrying these settings and its current policy (as a custom policy).
 */
public record AdoptedEndpoint(String vpcEndpointId, String team, String accountId, String region, String vpcId,
        String templateKey, int templateVersion, EndpointType endpointType, String serviceName,
        List<String> routeTableIds, List<String> subnetIds, List<String> securityGroupIds, boolean privateDns,
        String policy) {
}
