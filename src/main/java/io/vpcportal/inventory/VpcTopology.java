package io.vpcportal.inventory;

import java.util.List;

/**
 * A VPC's network as the inventory last saw it, for drawing: subnets with their zones, route tables with their
 * routes, NAT gateways in their subnets, security groups, and the live endpoints with where they sit.
 *
 * @param stale its region could not be read at the last sync
 */
public record VpcTopology(String vpcId, String accountId, String region, String name, String cidr, boolean stale,
        List<Subnet> subnets, List<VpcCoverage.RouteTableView> routeTables, List<NatGateway> natGateways,
        List<SecurityGroup> securityGroups, List<Endpoint> endpoints) {

    public record Subnet(String id, String name, String cidr, String zone) {
    }

    public record NatGateway(String id, String name, String subnetId, String state) {
    }

    public record SecurityGroup(String id, String name) {
    }

    /** A live endpoint (not gone); {@code requestId} null when unmanaged. */
    public record Endpoint(String id, String serviceName, String endpointType, String state, String requestId,
            List<String> routeTableIds, List<String> subnetIds, List<String> securityGroupIds) {
    }
}
