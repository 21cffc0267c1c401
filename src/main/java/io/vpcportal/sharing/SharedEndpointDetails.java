package io.vpcportal.sharing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A shared (hub) interface endpoint request as the sharing module keeps it: the request (its status, approvals and
 * the endpoint item live in the request module) plus what only a hub has.
 *
 * @param zoneNames        the names the hub's private hosted zones answer for (one zone per name, apex and {@code *.})
 * @param transitGatewayId the Transit Gateway the hub and its spokes share, as the inventory saw it at request time
 * @param zoneIds          zone name to the id of the zone provisioning created (empty before provisioning)
 */
public record SharedEndpointDetails(UUID requestId, String hubAccountId, String region, String hubVpcId,
        String serviceName, List<String> zoneNames, String transitGatewayId, List<HubSpoke> spokes,
        Map<String, String> zoneIds) {
}
