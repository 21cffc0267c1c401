package io.vpcportal.sharing;

import java.util.List;

/**
 * What a requester asks for to build a hub, from the form or the API, before any rule has been checked. Property
 * names are the API's, so that a message points at the same field everywhere.
 *
 * @param templateKey the catalog template of the interface service to share (such as {@code ssm})
 * @param subnetIds   the hub VPC's subnets for the endpoint, one per Availability Zone
 */
public record SharedEndpointDraft(String team, String hubAccountId, String region, String hubVpcId,
        String templateKey, List<String> subnetIds, List<String> securityGroupIds, String title, String justification,
        List<HubSpoke> spokes) {

    public SharedEndpointDraft {
        subnetIds = subnetIds == null ? List.of() : subnetIds;
        securityGroupIds = securityGroupIds == null ? List.of() : securityGroupIds;
        spokes = spokes == null ? List.of() : spokes;
    }
}
