package io.vpcportal.inventory.internal;

import io.vpcportal.inventory.PrivateHostedZone;
import io.vpcportal.inventory.CoverageAdvisor;
import io.vpcportal.inventory.DriftReport;
import io.vpcportal.inventory.EndpointDetails;
import io.vpcportal.inventory.EndpointSummary;
import io.vpcportal.inventory.Recommendation;
import io.vpcportal.inventory.VpcCoverage;
import io.vpcportal.inventory.VpcCoverage.RouteTableView;
import io.vpcportal.inventory.internal.Drift.Actual;
import io.vpcportal.policy.PolicyManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** One endpoint with its drift, and one VPC with its coverage, read from the inventory tables. */
@Component
public class EndpointReads {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointReads.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> GATEWAYS = Map.of("s3", "s3-gateway", "dynamodb", "dynamodb-gateway");

    private final JdbcTemplate jdbc;
    private final Baselines baselines;
    private final PolicyManagement policies;

    private final List<CoverageAdvisor> advisors;

    EndpointReads(JdbcTemplate jdbc, Baselines baselines, PolicyManagement policies,
            ObjectProvider<CoverageAdvisor> advisors) {
        this.jdbc = jdbc;
        this.baselines = baselines;
        this.policies = policies;
        this.advisors = advisors.orderedStream().toList();
    }

    public Optional<EndpointDetails> endpoint(String id) {
        return jdbc.query("select * from inventory_endpoint where vpc_endpoint_id = ?", (rs, n) -> {
            EndpointSummary summary = InventoryQueries.summary(rs, n);
            Actual actual = new Actual(rs.getString("endpoint_type"), rs.getString("state"),
                    rs.getTimestamp("gone_at") != null, rs.getString("policy"),
                    Baselines.list(rs.getArray("route_table_ids")), Baselines.list(rs.getArray("subnet_ids")),
                    Baselines.list(rs.getArray("security_group_ids")), rs.getBoolean("private_dns"),
                    Baselines.tags(rs.getString("tags")));
            DriftReport drift = summary.managed()
                    ? baselines.find(summary.id()).map(a -> Drift.compare(a, actual, policies)).orElse(null) : null;
            return new EndpointDetails(summary, actual.privateDns(), actual.policy(), actual.routeTableIds(),
                    actual.subnetIds(), actual.securityGroupIds(), Baselines.list(rs.getArray("network_interface_ids")),
                    JSON.readValue(rs.getString("dns_entries"), new TypeReference<List<String>>() { }),
                    actual.tags(),
                    SyncRuns.instant(rs, "created_in_aws"), SyncRuns.instant(rs, "first_seen_at"),
                    rs.getInt("missed_syncs"), drift);
        }, id).stream().findFirst();
    }

    /** The VPC's account, or empty when the inventory has never seen it. */
    public Optional<String> accountOfVpc(String vpcId) {
        return jdbc.queryForList("select account_id from inventory_resource where resource_type = 'VPC' and "
                + "resource_id = ? union select account_id from inventory_endpoint where vpc_id = ? limit 1",
                String.class, vpcId, vpcId).stream().findFirst();
    }

    public VpcCoverage vpc(String vpcId) {
        record Row(String account, String region, String id, String type, String name, String state, String data,
                boolean stale) {
        }
        List<Row> rows = jdbc.query("select account_id, region, resource_id, resource_type, name, state, data, stale "
                + "from inventory_resource where vpc_id = ? order by resource_type, resource_id", (rs, n) -> new Row(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getBoolean(8)), vpcId);
        List<EndpointSummary> endpoints = jdbc.query("select " + InventoryQueries.SUMMARY_COLUMNS
                + " from inventory_endpoint where vpc_id = ? and gone_at is null order by service_name, vpc_endpoint_id",
                InventoryQueries::summary, vpcId);
        Row vpc = rows.stream().filter(r -> r.type().equals("VPC")).findFirst().orElse(null);
        String account = vpc != null ? vpc.account() : endpoints.isEmpty() ? null : endpoints.get(0).accountId();
        String region = vpc != null ? vpc.region() : endpoints.isEmpty() ? null : endpoints.get(0).region();
        List<String> nats = rows.stream().filter(r -> r.type().equals("NAT_GATEWAY"))
                .filter(r -> r.state() == null || r.state().equals("available") || r.state().equals("pending"))
                .map(Row::id).toList();
        List<RouteTableView> tables = rows.stream().filter(r -> r.type().equals("ROUTE_TABLE")).map(r -> {
            Map<String, List<String>> a = JSON.readValue(r.data(), new TypeReference<Map<String, List<String>>>() { });
            return new RouteTableView(r.id(), r.name(), a.getOrDefault("main", List.of("false")).contains("true"),
                    a.getOrDefault("subnets", List.of()), a.getOrDefault("routes", List.of()));
        }).toList();
        boolean stale = rows.stream().anyMatch(Row::stale) || endpoints.stream().anyMatch(EndpointSummary::stale);
        List<Recommendation> recommendations = new ArrayList<>(recommendations(account, region, vpcId, nats, endpoints));
        recommendations.addAll(privateDnsOff(account, region, vpcId, jdbc.query("""
                select vpc_endpoint_id, service_name, service_dns_name from inventory_endpoint e
                where vpc_id = ? and gone_at is null and endpoint_type = 'Interface' and not private_dns
                  and service_dns_name is not null
                  and exists (select 1 from inventory_zone_account z where z.account_id = e.account_id)
                order by service_name, vpc_endpoint_id""", (rs, n) -> new DnsOff(rs.getString(1), rs.getString(2),
                rs.getString(3)), vpcId), jdbc.queryForList("select distinct zone_name from inventory_hosted_zone "
                + "where vpc_id = ?", String.class, vpcId)));
        VpcCoverage coverage = new VpcCoverage(vpcId, account, region, vpc == null ? null : vpc.name(), stale, nats,
                endpoints, tables, List.copyOf(recommendations));
        return advised(coverage);
    }

    private VpcCoverage advised(VpcCoverage coverage) {
        List<Recommendation> list = coverage.recommendations();
        for (CoverageAdvisor advisor : advisors) {
            try {
                list = List.copyOf(advisor.advise(coverage, list));
            } catch (RuntimeException e) {
                LOG.warn("Coverage advisor {} failed for {}; showing the VPC without it", advisor.getClass()
                        .getSimpleName(), coverage.vpcId(), e);
            }
        }
        return new VpcCoverage(coverage.vpcId(), coverage.accountId(), coverage.region(), coverage.name(),
                coverage.stale(), coverage.natGatewayIds(), coverage.endpoints(), coverage.routeTables(), list);
    }

    public static List<Recommendation> recommendations(String account, String region, String vpcId, List<String> nats,
            List<EndpointSummary> endpoints) {
        List<Recommendation> out = new ArrayList<>();
        List<EndpointSummary> live = endpoints.stream().filter(e -> e.goneAt() == null && !broken(e.state())).toList();
        if (!nats.isEmpty() && region != null) {
            for (var gateway : new TreeMap<>(GATEWAYS).entrySet()) {
                String service = "com.amazonaws." + region + "." + gateway.getKey();
                boolean present = live.stream().anyMatch(e -> e.serviceName().equals(service)
                        && e.endpointType().equalsIgnoreCase("Gateway"));
                if (!present) {
                    String label = gateway.getKey().equals("s3") ? "S3" : "DynamoDB";
                    out.add(new Recommendation("MISSING_" + label.toUpperCase(Locale.ROOT) + "_GATEWAY",
                            account, region, vpcId, "NAT gateway " + String.join(", ", nats) + " carries traffic to "
                            + label + " that a free " + label + " gateway endpoint would carry",
                            gateway.getValue(), requestLink(gateway.getValue(), account, region, vpcId, nats.get(0))));
                }
            }
        }
        Map<String, Long> perService = live.stream().collect(Collectors.groupingBy(e -> e.serviceName() + " ("
                + e.endpointType() + ")", TreeMap::new, Collectors.counting()));
        perService.forEach((service, count) -> {
            if (count > 1) {
                out.add(new Recommendation("DUPLICATE_ENDPOINTS", account, region, vpcId, count + " endpoints for "
                        + service + " in one VPC: " + live.stream().filter(e -> service.startsWith(e.serviceName() + " ("))
                        .map(EndpointSummary::id).collect(Collectors.joining(", ")), null, null));
            }
        });
        return out;
    }

    /** An interface endpoint with private DNS off, and the name private DNS would answer for its service. */
    public record DnsOff(String endpointId, String serviceName, String dnsName) {
    }

    /**
     * Interface endpoints with private DNS off in a VPC where no private hosted zone answers their service's
     * name: clients resolve the public name and never use the endpoint. Only for accounts whose zones were read.
     */
    public static List<Recommendation> privateDnsOff(String account, String region, String vpcId, List<DnsOff> endpoints,
            List<String> zones) {
        return endpoints.stream().filter(e -> zones.stream().noneMatch(z -> PrivateHostedZone.answers(z, e.dnsName())))
                .map(e -> new Recommendation("PRIVATE_DNS_OFF", account, region, vpcId, "Interface endpoint "
                        + e.endpointId() + " (" + e.serviceName() + ") has private DNS off and no private hosted zone "
                        + "in this VPC answers " + e.dnsName() + ": clients resolve the public name and reach the "
                        + "service through a NAT gateway (paying its data charge) instead of the endpoint. Turn private "
                        + "DNS on, or associate a private hosted zone for the name with the VPC", null, null))
                .toList();
    }

    static String requestLink(String template, String account, String region, String vpcId, String nat) {
        return UriComponentsBuilder.fromPath("/requests/new").queryParam("template", template)
                .queryParam("account", account).queryParam("region", region).queryParam("vpc", vpcId)
                .queryParam("nat", nat).build().toUriString();
    }

    /** Every VPC with a recommendation, for the coverage page; {@code visibleAccounts} null: all. */
    public List<Recommendation> coverage(List<String> visibleAccounts) {
        List<Object> params = new ArrayList<>();
        String visible = "";
        if (visibleAccounts != null) {
            visible = " and v.account_id = any (?)";
            params.add(visibleAccounts.toArray(String[]::new));
        }
        List<String> vpcs = jdbc.queryForList("select v.vpc_id from inventory_resource v where v.resource_type = "
                + "'NAT_GATEWAY' and coalesce(v.state, 'available') in ('available', 'pending')" + visible
                + " union select v.vpc_id from inventory_endpoint v where v.gone_at is null" + visible
                + " group by v.vpc_id, v.service_name, v.endpoint_type having count(*) > 1"
                + " union select v.vpc_id from inventory_endpoint v where v.gone_at is null and v.endpoint_type = "
                + "'Interface' and not v.private_dns and v.service_dns_name is not null" + visible,
                String.class, visibleAccounts == null ? new Object[0]
                        : new Object[] {params.get(0), params.get(0), params.get(0)});
        return vpcs.stream().sorted().limit(500).flatMap(v -> vpc(v).recommendations().stream()).toList();
    }

    private static boolean broken(String state) {
        String s = state == null ? "" : state.toLowerCase(Locale.ROOT);
        return s.equals("deleted") || s.equals("deleting") || s.equals("failed") || s.equals("rejected")
                || s.equals("expired");
    }
}
