package io.vpcportal.diagram.internal;

import io.vpcportal.diagram.SharedPaths.Served;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * What a diagram shows, before any geometry: the VPC's zones, subnets, route tables, gateways and endpoints, the
 * services reached and how traffic to each flows. Elements a request would add are {@code planned}.
 * {@code served}: the shared endpoints this VPC serves to spoke VPCs as a hub (empty for most VPCs).
 */
public record NetworkModel(String vpcId, String vpcName, String cidr, String accountId, String region, boolean stale,
        String view, List<String> zones, List<SubnetNode> subnets, List<RouteTableNode> routeTables,
        String internetGatewayId, List<NatNode> natGateways, List<EndpointNode> endpoints, List<ServiceNode> services,
        List<PathNode> paths, RequestTotal requestTotal, List<Served> served) {

    public record SubnetNode(String id, String name, String cidr, String zone, boolean isPublic, String routeTableId,
            List<EniNode> enis) {
    }

    /** An interface endpoint's network interface in one subnet. */
    public record EniNode(String endpointId, String serviceLabel, String securityGroups, boolean planned) {
    }

    public record RouteTableNode(String id, String name, boolean main, boolean isPublic, List<String> subnetIds) {
    }

    /** A NAT gateway; {@code traffic} what the ledger measured through it, or null. */
    public record NatNode(String id, String name, String subnetId, Traffic traffic) {
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
     * How traffic reaches one service: from an endpoint, from the internet gateway after NAT, or through a hub VPC's
     * shared endpoint over a Transit Gateway.
     *
     * @param sourceId         the endpoint id, the internet gateway id, or the hub VPC's id
     * @param traffic          measured (the ledger) or estimated (a request's expected GB priced) a month; null:
     *                         unknown
     * @param transitGatewayId on a hub path, the Transit Gateway to the hub (null when not known); else null
     */
    public record PathNode(String serviceKey, Via via, String sourceId, Traffic traffic, boolean planned,
            String transitGatewayId) {

        public PathNode(String serviceKey, Via via, String sourceId, Traffic traffic, boolean planned) {
            this(serviceKey, via, sourceId, traffic, planned, null);
        }

        public String id() {
            return "path:" + serviceKey + ":" + via.name().toLowerCase(Locale.ROOT)
                    + (via == Via.ENDPOINT || via == Via.HUB ? ":" + sourceId : "");
        }
    }

    /**
     * A month of traffic and what it costs, in USD. Measured: the ledger's last 30 days. Estimated: a request's
     * expected GB priced like the cost panel.
     *
     * @param gb             GB per month; null when only the request's total is known (shown once, not per path)
     * @param endpointCost   what the endpoint costs a month (null on NAT paths)
     * @param avoidedNatCost the NAT processing charge the endpoint avoids (null on NAT paths)
     * @param natCost        the NAT processing charge still paid (NAT paths and NAT gateways; null on endpoints)
     * @param basis          where the figures come from, for tooltips and the text description
     */
    public record Traffic(boolean measured, BigDecimal gb, BigDecimal endpointCost, BigDecimal avoidedNatCost,
            BigDecimal natCost, String basis) {
    }

    /**
     * A request's single expected-GB figure, shown once: its endpoints' estimates share it evenly (as the cost
     * panel does) until each item has its own figure.
     */
    public record RequestTotal(BigDecimal gb, int endpoints) {
    }

    public enum Via {
        ENDPOINT("through endpoint"), NAT("through NAT + internet"), INTERNET("through internet gateway"),
        HUB("via hub over the Transit Gateway");

        private final String label;

        Via(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
