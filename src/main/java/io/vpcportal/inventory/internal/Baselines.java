package io.vpcportal.inventory.internal;

import io.vpcportal.platform.CanonicalJsonWriter;
import io.vpcportal.inventory.internal.Drift.Approved;
import io.vpcportal.provisioning.ProvisioningDetails.PlannedCall;
import io.vpcportal.provisioning.ProvisioningManagement;
import io.vpcportal.request.ChangeApplied;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestQueries;
import io.vpcportal.request.RequestStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What was approved for each managed endpoint. Taken from the request (and the policy its provisioning plan
 * sent) the first time a sync sees the endpoint; replaced when an admin accepts the actual state or adopts it, and
 * when an approved change (a reconcile included) reaches AWS.
 */
@Component
public class Baselines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final RequestQueries requests;
    private final ProvisioningManagement provisioning;

    Baselines(JdbcTemplate jdbc, RequestQueries requests, ProvisioningManagement provisioning) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.provisioning = provisioning;
    }

    /**
     * Baselines for the managed endpoints of a region that have none yet (only new ones: no per-row reads), and
     * the approved tags of baselines from a request recorded before tags were compared.
     */
    public void ensure(String accountId, String region, Instant now) {
        record Missing(String endpointId, UUID requestId, int position, boolean tagsOnly) {
        }
        List<Missing> missing = jdbc.query("""
                select e.vpc_endpoint_id, e.request_id, e.request_position, b.vpc_endpoint_id is not null
                from inventory_endpoint e left join inventory_baseline b on b.vpc_endpoint_id = e.vpc_endpoint_id
                where e.account_id = ? and e.region = ? and e.request_id is not null
                  and (b.vpc_endpoint_id is null or (b.tags is null and b.source = 'REQUEST'))""",
                (rs, n) -> new Missing(rs.getString(1), rs.getObject(2, UUID.class), rs.getInt(3), rs.getBoolean(4)),
                accountId, region);
        for (Missing m : missing) {
            if (m.tagsOnly()) {
                provisioning.tagsOf(m.requestId(), m.position()).ifPresent(tags -> jdbc.update(
                        "update inventory_baseline set tags = ? where vpc_endpoint_id = ? and tags is null",
                        json(tags), m.endpointId()));
                continue;
            }
            // only an ACTIVE request's settings are what was approved for a live endpoint: while it is still being
            // provisioned, or is being decommissioned, its stored plan is not the one that created the endpoint
            requests.find(new EndpointRequestId(m.requestId())).filter(r -> r.status() == RequestStatus.ACTIVE)
                    .flatMap(r -> r.items().stream()
                    .filter(i -> i.position() == m.position()).findFirst())
                    .ifPresent(item -> record(m.endpointId(), m.requestId(), m.position(), new Approved("REQUEST",
                            approvedPolicy(m.requestId(), m.position(), item).orElse(null), item.routeTableIds(),
                            item.subnetIds(), item.securityGroupIds(), item.privateDns(),
                            provisioning.tagsOf(m.requestId(), m.position()).orElse(null), "portal", now)));
        }
    }

    /** The policy provisioning sent with CreateVpcEndpoint, as its stored plan says; else the item's own. */
    private Optional<String> approvedPolicy(UUID requestId, int position, RequestDetails.ItemDetails item) {
        Optional<String> planned = sentPolicy(requestId, "ec2:CreateVpcEndpoint", position);
        return planned.isPresent() ? planned : Optional.ofNullable(item.customPolicy());
    }

    /** The PolicyDocument of {@code action} for item {@code position} in the request's stored plan, if it sent one. */
    private Optional<String> sentPolicy(UUID requestId, String action, int position) {
        return provisioning.progress(requestId).flatMap(p -> p.plan().stream()
                .filter(c -> action.equals(c.action()) && Integer.valueOf(position).equals(c.position()))
                .map(PlannedCall::parameters).findFirst())
                .map(parameters -> JSON.readTree(parameters).path("PolicyDocument"))
                .filter(JsonNode::isString).map(JsonNode::asString)
                .filter(policy -> !policy.startsWith("("));
    }

    /**
     * An approved change reached AWS: the endpoint's approved state is now the request's item (which took the
     * change) with the policy the change's plan sent, or the policy approved before when the change left it alone.
     * Without this a day-2 change would show as drift at the next sync (and a reconcile would undo it).
     */
    @EventListener
    void on(ChangeApplied applied) {
        UUID requestId = applied.requestId().value();
        Optional<Approved> before = find(applied.vpcEndpointId());
        if (before.isEmpty()) {
            return; // first seen at the next sync, from the request as it is now
        }
        requests.find(applied.requestId()).flatMap(r -> r.items().stream()
                .filter(i -> i.position() == applied.position()).findFirst())
                .ifPresent(item -> record(applied.vpcEndpointId(), requestId, applied.position(), new Approved("REQUEST",
                        sentPolicy(applied.changeId().value(), "ec2:ModifyVpcEndpoint", 0).orElse(before.get().policy()),
                        item.routeTableIds(), item.subnetIds(), item.securityGroupIds(), item.privateDns(),
                        provisioning.tagsOf(requestId, applied.position()).orElse(before.get().tags()), "portal",
                        Instant.now().truncatedTo(ChronoUnit.MICROS))));
    }

    public void record(String endpointId, UUID requestId, int position, Approved a) {
        jdbc.update("""
                insert into inventory_baseline (vpc_endpoint_id, request_id, request_position, source, policy,
                    route_table_ids, subnet_ids, security_group_ids, private_dns, tags, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?::varchar[], ?::varchar[], ?::varchar[], ?, ?, ?, ?)
                on conflict (vpc_endpoint_id) do update set request_id = excluded.request_id,
                    request_position = excluded.request_position, source = excluded.source, policy = excluded.policy,
                    route_table_ids = excluded.route_table_ids, subnet_ids = excluded.subnet_ids,
                    security_group_ids = excluded.security_group_ids, private_dns = excluded.private_dns,
                    tags = excluded.tags, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""",
                endpointId, requestId, position, a.source(), a.policy(), literal(a.routeTableIds()),
                literal(a.subnetIds()), literal(a.securityGroupIds()), a.privateDns(),
                a.tags() == null ? null : json(Drift.ownTags(a.tags())), a.recordedBy(),
                Timestamp.from(a.recordedAt()));
    }

    /** The position in its request of the item whose approved state the endpoint's baseline is. */
    public int position(String endpointId) {
        return jdbc.queryForObject("select request_position from inventory_baseline where vpc_endpoint_id = ?",
                Integer.class, endpointId);
    }

    public Optional<Approved> find(String endpointId) {
        return jdbc.query("""
                select source, policy, route_table_ids, subnet_ids, security_group_ids, private_dns, tags, recorded_by,
                    recorded_at from inventory_baseline where vpc_endpoint_id = ?""", Baselines::approved, endpointId)
                .stream().findFirst();
    }

    static Approved approved(ResultSet rs, int n) throws SQLException {
        return new Approved(rs.getString("source"), rs.getString("policy"), list(rs.getArray("route_table_ids")),
                list(rs.getArray("subnet_ids")), list(rs.getArray("security_group_ids")), rs.getBoolean("private_dns"),
                tags(rs.getString("tags")), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }

    /** A tags column (a JSON object) as a map; null stays null. */
    static SortedMap<String, String> tags(String json) {
        return json == null ? null : JSON.readValue(json, new TypeReference<TreeMap<String, String>>() { });
    }

    static String json(Map<String, String> tags) {
        return CanonicalJsonWriter.write(new TreeMap<>(tags));
    }

    static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    /** A PostgreSQL array literal of EC2 ids (which never hold commas, quotes or braces). */
    static String literal(List<String> ids) {
        return "{" + String.join(",", ids) + "}";
    }
}
