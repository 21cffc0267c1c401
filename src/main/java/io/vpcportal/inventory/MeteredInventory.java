package io.vpcportal.inventory;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What exists now, for modules that measure it (savings): the endpoints the last syncs saw and that are not gone
 * or broken, managed or not, and the NAT gateways that are available. A system read: no caller's visibility applies.
 */
@Component
public class MeteredInventory {

    /**
     * An endpoint that exists now.
     *
     * @param endpointType       {@code Interface}, {@code Gateway} or {@code GatewayLoadBalancer}
     * @param requestId          its request when the portal manages it; null for an unmanaged endpoint
     * @param networkInterfaces  ENIs of an interface or GWLB endpoint (one per subnet); 0 for a gateway endpoint
     */
    public record CurrentEndpoint(String id, String accountId, String region, String vpcId, String serviceName,
            String endpointType, UUID requestId, int networkInterfaces) {
    }

    /** A NAT gateway that is available (or still pending) in a VPC. */
    public record CurrentNatGateway(String id, String accountId, String region, String vpcId) {
    }

    private final JdbcTemplate jdbc;

    MeteredInventory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every endpoint not gone and not deleted, failed, rejected or expired, by account, region and id. */
    public List<CurrentEndpoint> endpoints() {
        return jdbc.query("select vpc_endpoint_id, account_id, region, vpc_id, service_name, endpoint_type, request_id, "
                + "greatest(cardinality(network_interface_ids), cardinality(subnet_ids)) as enis "
                + "from inventory_endpoint where gone_at is null and lower(state) not in "
                + "('deleted', 'deleting', 'failed', 'rejected', 'expired') order by account_id, region, vpc_endpoint_id",
                (rs, n) -> new CurrentEndpoint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class),
                        rs.getString(6).equalsIgnoreCase("Gateway") ? 0 : Math.max(1, rs.getInt(8))));
    }

    /** Every NAT gateway whose state is available or pending (or not known), by account, region and id. */
    public List<CurrentNatGateway> natGateways() {
        return jdbc.query("select resource_id, account_id, region, vpc_id from inventory_resource "
                + "where resource_type = 'NAT_GATEWAY' and coalesce(state, 'available') in ('available', 'pending') "
                + "and vpc_id is not null order by account_id, region, resource_id",
                (rs, n) -> new CurrentNatGateway(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }
}
