package io.vpcportal.inventory.internal;

import io.vpcportal.inventory.VpcTopology;
import io.vpcportal.inventory.VpcCoverage.RouteTableView;
import io.vpcportal.inventory.VpcTopology.Endpoint;
import io.vpcportal.inventory.VpcTopology.NatGateway;
import io.vpcportal.inventory.VpcTopology.SecurityGroup;
import io.vpcportal.inventory.VpcTopology.Subnet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** One VPC's resources and endpoints from the inventory tables, as {@link VpcTopology}. */
@Component
public class TopologyReads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    TopologyReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public VpcTopology read(String vpcId) {
        record Row(String account, String region, String id, String type, String name, String state,
                Map<String, List<String>> data, boolean stale) {

            String first(String key) {
                List<String> values = data.getOrDefault(key, List.of());
                return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
            }
        }
        List<Row> rows = jdbc.query("select account_id, region, resource_id, resource_type, name, state, data, stale "
                + "from inventory_resource where vpc_id = ? order by resource_type, resource_id", (rs, n) -> new Row(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                JSON.readValue(rs.getString(7), new TypeReference<Map<String, List<String>>>() { }), rs.getBoolean(8)),
                vpcId);
        List<Endpoint> endpoints = jdbc.query("select vpc_endpoint_id, service_name, endpoint_type, state, request_id, "
                + "route_table_ids, subnet_ids, security_group_ids from inventory_endpoint "
                + "where vpc_id = ? and gone_at is null order by service_name, vpc_endpoint_id", (rs, n) -> new Endpoint(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Baselines.list(rs.getArray(6)), Baselines.list(rs.getArray(7)), Baselines.list(rs.getArray(8))), vpcId);
        Row vpc = rows.stream().filter(r -> r.type().equals("VPC")).findFirst().orElse(null);
        List<Subnet> subnets = rows.stream().filter(r -> r.type().equals("SUBNET"))
                .map(r -> new Subnet(r.id(), r.name(), r.first("cidr"), r.first("zone"))).toList();
        List<RouteTableView> tables = rows.stream().filter(r -> r.type().equals("ROUTE_TABLE"))
                .map(r -> new RouteTableView(r.id(), r.name(), "true".equals(r.first("main")),
                        r.data().getOrDefault("subnets", List.of()), r.data().getOrDefault("routes", List.of())))
                .toList();
        List<NatGateway> nats = rows.stream().filter(r -> r.type().equals("NAT_GATEWAY"))
                .filter(r -> r.state() == null || r.state().equals("available") || r.state().equals("pending"))
                .map(r -> new NatGateway(r.id(), r.name(), r.first("subnet"), r.state())).toList();
        List<SecurityGroup> groups = rows.stream().filter(r -> r.type().equals("SECURITY_GROUP"))
                .map(r -> new SecurityGroup(r.id(), r.name())).toList();
        boolean stale = rows.stream().anyMatch(Row::stale);
        return new VpcTopology(vpcId, vpc == null ? null : vpc.account(), vpc == null ? null : vpc.region(),
                vpc == null ? null : vpc.name(), vpc == null ? null : vpc.first("cidr"), stale, subnets, tables, nats,
                groups, endpoints);
    }
}
