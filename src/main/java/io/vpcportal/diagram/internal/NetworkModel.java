package io.vpcportal.diagram.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a diagram shows, before any geometry: the VPC's zones, subnets, route tables, gateways and endpoints, the
 * services reached and how traffic to each flows. Elements a request would add are {@code planned}.
 */
public record NetworkModel(String vpcId, String vpcName, String cidr, String accountId, String region, boolean stale,
        String view, List<String> zones, List<SubnetNode> subnets, List<RouteTableNode> routeTables,
        String internetGatewayId, List<NatNode> natGateways, List<EndpointNode> endpoints, List<ServiceNode> services,
        List<PathNode> paths) {

    public record SubnetNode(String id, String name, String cidr, String zone, boolean isPublic, String routeTableId,
            List<EniNode> enis) {
    }

    /** An interface endpoint's network interface in one subnet. */
    public record EniNode(String endpointId, String serviceLabel, String securityGroups, boolean planned) {
    }

    public record RouteTableNode(String id, String name, boolean main, boolean isPublic, List<String> subnetIds) {
    }

    public record NatNode(String id, String name, String subnetId) {
    }

    public record EndpointNode(String id, Kind kind, String serviceKey, String serviceName, String state,
            List<String> routeTableIds, List<String> subnetIds, String securityGroups, boolean planned) {

        public enum Kind {
            GATEWAY, INTERFACE, OTHER
        }
    }

    public record ServiceNode(String key, String label, String serviceName, boolean partner) {
    }

    /**
     * How traffic reaches one service: from an endpoint, or from the internet gateway after NAT.
     *
     * @param sourceId    the endpoint id, or the internet gateway id
     * @param monthlyGb   the request's estimate where the path carries a request's traffic; null otherwise
     */
    public record PathNode(String serviceKey, Via via, String sourceId, BigDecimal monthlyGb, boolean planned) {

        public String id() {
            return "path:" + serviceKey + ":" + via.name().toLowerCase(java.util.Locale.ROOT)
                    + (via == Via.ENDPOINT ? ":" + sourceId : "");
        }
    }

    public enum Via {
        ENDPOINT("through endpoint"), NAT("through NAT + internet"), INTERNET("through internet gateway");

        private final String label;

        Via(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
