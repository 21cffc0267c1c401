package io.vpcportal.provisioning;

import java.util.List;
import java.util.SortedMap;

/**
 * Everything CreateVpcEndpoint receives, normalised (sorted lists and tags) so that a retry sends the same
 * bytes with the same client token.
 */
public record EndpointSpec(String vpcId, String serviceName, String serviceRegion, String endpointType,
        List<String> routeTableIds, List<String> subnetIds, List<String> securityGroupIds, boolean privateDns,
        String policyDocument, String clientToken, SortedMap<String, String> tags) {

    /** The same spec sent with another client token (the one a create of an earlier attempt was sent with). */
    public EndpointSpec withClientToken(String token) {
        return new EndpointSpec(vpcId, serviceName, serviceRegion, endpointType, routeTableIds, subnetIds,
                securityGroupIds, privateDns, policyDocument, token, tags);
    }
}
