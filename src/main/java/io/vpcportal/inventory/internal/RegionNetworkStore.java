package io.vpcportal.inventory.internal;

import io.vpcportal.inventory.RegionNetworks.NetworkEndpoint;
import io.vpcportal.inventory.RegionNetworks.VpcNetwork;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads a region's VPCs, subnets, route tables, live endpoints and zone associations from the inventory tables. */
@Repository
public class RegionNetworkStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, List<String>>> DATA = new TypeReference<>() { };
    private static final Set<String> GONE = Set.of("deleted", "deleting", "failed", "rejected", "expired");

    private final JdbcTemplate jdbc;

    RegionNetworkStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public SortedSet<String> regions() {
        return new TreeSet<>(jdbc.queryForList("select distinct region from inventory_resource where resource_type = 'VPC'",
                String.class));
    }

    public Optional<String> regionOf(String vpcId) {
        return jdbc.queryForList("select region from inventory_resource where resource_type = 'VPC' and resource_id = ?",
                String.class, vpcId).stream().findFirst();
    }

    /**
     * The region's VPCs ({@code onlyVpc} null: all of them) in {@code visibleAccounts} (null: every account).
     */
    public List<VpcNetwork> vpcs(String region, String onlyVpc, List<String> visibleAccounts) {
        Map<String, String> zoneOfSubnet = new HashMap<>();
        Map<String, SortedSet<String>> zonesOfVpc = new HashMap<>();
        Map<String, SortedSet<String>> gatewaysOfVpc = new HashMap<>();
        jdbc.query("select resource_type, resource_id, vpc_id, data from inventory_resource where region = ? "
                + "and resource_type in ('SUBNET', 'ROUTE_TABLE')", rs -> {
                    Map<String, List<String>> data = JSON.readValue(rs.getString(4), DATA);
                    String vpc = rs.getString(3);
                    if (rs.getString(1).equals("SUBNET")) {
                        String zone = data.getOrDefault("zone", List.of("")).get(0);
                        if (!zone.isBlank()) {
                            zoneOfSubnet.put(rs.getString(2), zone);
                            zonesOfVpc.computeIfAbsent(vpc, v -> new TreeSet<>()).add(zone);
                        }
                    } else {
                        for (String route : data.getOrDefault("routes", List.of())) {
                            String target = route.substring(route.indexOf("->") + 2).strip();
                            if (target.startsWith("tgw-")) {
                                gatewaysOfVpc.computeIfAbsent(vpc, v -> new TreeSet<>()).add(target);
                            }
                        }
                    }
                }, region);
        Map<String, List<NetworkEndpoint>> endpointsOfVpc = new HashMap<>();
        jdbc.query("select vpc_endpoint_id, vpc_id, service_name, endpoint_type, private_dns, policy, subnet_ids, state "
                + "from inventory_endpoint where region = ? and gone_at is null order by service_name, vpc_endpoint_id",
                rs -> {
                    if (GONE.contains(rs.getString(8).toLowerCase(Locale.ROOT))) {
                        return;
                    }
                    SortedSet<String> zones = new TreeSet<>();
                    for (String subnet : list(rs.getArray(7))) {
                        String zone = zoneOfSubnet.get(subnet);
                        zones.add(zone == null ? "subnet " + subnet : zone);
                    }
                    endpointsOfVpc.computeIfAbsent(rs.getString(2), v -> new ArrayList<>()).add(new NetworkEndpoint(
                            rs.getString(1), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6),
                            List.copyOf(zones)));
                }, region);
        Map<String, SortedSet<String>> hostedZonesOfVpc = new HashMap<>();
        jdbc.query("select vpc_id, zone_name from inventory_hosted_zone where vpc_region = ?", rs -> {
            hostedZonesOfVpc.computeIfAbsent(rs.getString(1), v -> new TreeSet<>()).add(rs.getString(2));
        }, region);
        List<Object> params = new ArrayList<>(List.of(region));
        String where = "";
        if (onlyVpc != null) {
            where += " and resource_id = ?";
            params.add(onlyVpc);
        }
        if (visibleAccounts != null) {
            where += " and account_id = any (?)";
            params.add(visibleAccounts.toArray(String[]::new));
        }
        Map<String, VpcNetwork> vpcs = new TreeMap<>();
        jdbc.query("select account_id, resource_id, name, data, stale from inventory_resource where region = ? "
                + "and resource_type = 'VPC'" + where + " order by account_id, resource_id", rs -> {
                    Map<String, List<String>> data = JSON.readValue(rs.getString(4), DATA);
                    String vpc = rs.getString(2);
                    List<String> hub = data.get("hub");
                    vpcs.put(rs.getString(1) + "/" + vpc, new VpcNetwork(vpc, rs.getString(1), region, rs.getString(3),
                            hub == null || hub.isEmpty() ? null : hub.get(0),
                            List.copyOf(zonesOfVpc.getOrDefault(vpc, new TreeSet<>())),
                            List.copyOf(gatewaysOfVpc.getOrDefault(vpc, new TreeSet<>())),
                            List.copyOf(endpointsOfVpc.getOrDefault(vpc, List.of())),
                            List.copyOf(hostedZonesOfVpc.getOrDefault(vpc, new TreeSet<>())), rs.getBoolean(5)));
                }, params.toArray());
        return List.copyOf(vpcs.values());
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
