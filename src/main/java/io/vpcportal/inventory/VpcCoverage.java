package io.vpcportal.inventory;

import java.util.List;

/**
 * A VPC as the inventory knows it: its endpoints, NAT gateways and route tables, and what it misses.
 *
 * @param stale its region could not be read at the last sync
 */
public record VpcCoverage(String vpcId, String accountId, String region, String name, boolean stale,
        List<String> natGatewayIds, List<EndpointSummary> endpoints, List<RouteTableView> routeTables,
        List<Recommendation> recommendations) {

    public record RouteTableView(String id, String name, boolean main, List<String> subnetIds, List<String> routes) {
    }
}
