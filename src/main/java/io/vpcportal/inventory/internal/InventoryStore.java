package io.vpcportal.inventory.internal;

import io.vpcportal.inventory.PrivateHostedZone;
import io.vpcportal.inventory.RegionSnapshot;
import io.vpcportal.platform.CanonicalJsonWriter;
import io.vpcportal.inventory.RegionSnapshot.ObservedEndpoint;
import io.vpcportal.inventory.RegionSnapshot.ObservedResource;
import io.vpcportal.platform.Digests;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes one account and region's snapshot in bulk: JDBC batches of {@code INSERT … ON CONFLICT DO UPDATE …
 * WHERE} something changed, so an unchanged row is not written at all (no new tuple, {@code updated_at} kept).
 * Rows missing from a successful snapshot count a missed sync; at two in a row an endpoint is gone and another
 * resource is removed. A failed region only marks its rows stale.
 */
@Component
public class InventoryStore {

    private static final int BATCH = 500;

    private static final String UPSERT_ENDPOINT = """
            insert into inventory_endpoint (vpc_endpoint_id, account_id, region, vpc_id, service_name, endpoint_type,
                state, private_dns, policy, route_table_ids, subnet_ids, security_group_ids, network_interface_ids,
                dns_entries, tags, created_in_aws, content_hash, request_id, request_position, gone_at, first_seen_at,
                updated_at, service_dns_name)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (vpc_endpoint_id) do update set account_id = excluded.account_id, region = excluded.region,
                vpc_id = excluded.vpc_id, service_name = excluded.service_name, endpoint_type = excluded.endpoint_type,
                state = excluded.state, private_dns = excluded.private_dns, policy = excluded.policy,
                route_table_ids = excluded.route_table_ids, subnet_ids = excluded.subnet_ids,
                security_group_ids = excluded.security_group_ids, network_interface_ids = excluded.network_interface_ids,
                dns_entries = excluded.dns_entries, tags = excluded.tags, created_in_aws = excluded.created_in_aws,
                service_dns_name = excluded.service_dns_name,
                content_hash = excluded.content_hash,
                request_id = coalesce(excluded.request_id, inventory_endpoint.request_id),
                request_position = case when excluded.request_id is null then inventory_endpoint.request_position
                                        else excluded.request_position end,
                stale = false, missed_syncs = 0,
                gone_at = case when excluded.gone_at is null then null
                               else coalesce(inventory_endpoint.gone_at, excluded.gone_at) end,
                updated_at = excluded.updated_at
            where inventory_endpoint.content_hash <> excluded.content_hash or inventory_endpoint.stale
                or inventory_endpoint.missed_syncs <> 0
                or (inventory_endpoint.gone_at is null) <> (excluded.gone_at is null)
                or (excluded.request_id is not null and (excluded.request_id, excluded.request_position)
                    is distinct from (inventory_endpoint.request_id, inventory_endpoint.request_position))
            """;

    private static final String UPSERT_RESOURCE = """
            insert into inventory_resource (account_id, region, resource_id, resource_type, vpc_id, name, state, data,
                content_hash, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (account_id, region, resource_id) do update set resource_type = excluded.resource_type,
                vpc_id = excluded.vpc_id, name = excluded.name, state = excluded.state, data = excluded.data,
                content_hash = excluded.content_hash, stale = false, missed_syncs = 0, updated_at = excluded.updated_at
            where inventory_resource.content_hash <> excluded.content_hash or inventory_resource.stale
                or inventory_resource.missed_syncs <> 0
            """;

    private final JdbcTemplate jdbc;

    InventoryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An adopted endpoint is now item 0 of {@code requestId}, matching its approved state. */
    public void linkAdopted(String endpointId, UUID requestId) {
        jdbc.update("update inventory_endpoint set request_id = ?, request_position = 0, drift = false, "
                + "drift_summary = null where vpc_endpoint_id = ?", requestId, endpointId);
    }

    /** The endpoint matches its approved state (an admin accepted its actual state). */
    public void clearDrift(String endpointId) {
        jdbc.update("update inventory_endpoint set drift = false, drift_summary = null where vpc_endpoint_id = ?",
                endpointId);
    }

    /** What applying a snapshot changed. */
    public record Applied(int rowsWritten, int endpointsGone) {
    }

    @Transactional
    public Applied apply(String accountId, String region, RegionSnapshot snapshot, Instant now) {
        Timestamp at = Timestamp.from(now);
        int written = 0;
        for (List<ObservedEndpoint> batch : batches(snapshot.endpoints())) {
            written += sum(jdbc.batchUpdate(UPSERT_ENDPOINT, batch, batch.size(), endpointSetter(accountId, region, at)));
        }
        for (List<ObservedResource> batch : batches(snapshot.resources())) {
            written += sum(jdbc.batchUpdate(UPSERT_RESOURCE, batch, batch.size(), resourceSetter(accountId, region, at)));
        }
        String[] seenEndpoints = snapshot.endpoints().stream().map(ObservedEndpoint::id).toArray(String[]::new);
        List<Boolean> missed = jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    update inventory_endpoint set missed_syncs = missed_syncs + 1, updated_at = ?,
                        gone_at = case when missed_syncs + 1 >= 2 then ? else gone_at end
                    where account_id = ? and region = ? and gone_at is null and vpc_endpoint_id <> all (?)
                    returning gone_at is not null""");
            ps.setTimestamp(1, at);
            ps.setTimestamp(2, at);
            ps.setString(3, accountId);
            ps.setString(4, region);
            ps.setArray(5, con.createArrayOf("varchar", seenEndpoints));
            return ps;
        }, (rs, n) -> rs.getBoolean(1));
        written += missed.size();
        int gone = (int) missed.stream().filter(Boolean::booleanValue).count();
        String[] seenResources = snapshot.resources().stream().map(ObservedResource::id).toArray(String[]::new);
        written += jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    update inventory_resource set missed_syncs = missed_syncs + 1, updated_at = ?
                    where account_id = ? and region = ? and resource_id <> all (?)""");
            ps.setTimestamp(1, at);
            ps.setString(2, accountId);
            ps.setString(3, region);
            ps.setArray(4, con.createArrayOf("varchar", seenResources));
            return ps;
        });
        written += jdbc.update("delete from inventory_resource where account_id = ? and region = ? and missed_syncs >= 2",
                accountId, region);
        return new Applied(written, gone);
    }

    /**
     * An account's private hosted zones as Route 53 listed them: rows that changed are replaced, so an unchanged
     * re-read writes nothing. Returns the rows written.
     */
    @Transactional
    int applyZones(String accountId, List<PrivateHostedZone> zones, Instant now) {
        record Row(String zoneId, String name, String vpcId, String region) {
        }
        Set<Row> wanted = new HashSet<>();
        zones.forEach(z -> z.vpcs().forEach(v -> wanted.add(new Row(z.id(), clip(z.name(), 255), v.vpcId(),
                v.region() == null ? "" : v.region()))));
        Set<Row> stored = new HashSet<>(jdbc.query("select zone_id, zone_name, vpc_id, vpc_region "
                + "from inventory_hosted_zone where account_id = ?", (rs, n) -> new Row(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4)), accountId));
        int written = 0;
        for (Row gone : stored) {
            if (!wanted.contains(gone)) {
                written += jdbc.update("delete from inventory_hosted_zone where account_id = ? and zone_id = ? and vpc_id = ?",
                        accountId, gone.zoneId(), gone.vpcId());
            }
        }
        for (Row row : wanted) {
            if (!stored.contains(row)) {
                written += jdbc.update("""
                        insert into inventory_hosted_zone (account_id, zone_id, zone_name, vpc_id, vpc_region, updated_at)
                        values (?, ?, ?, ?, ?, ?) on conflict (account_id, zone_id, vpc_id) do update
                        set zone_name = excluded.zone_name, vpc_region = excluded.vpc_region,
                            updated_at = excluded.updated_at""", accountId, row.zoneId(), row.name(), row.vpcId(),
                        row.region(), Timestamp.from(now));
            }
        }
        written += jdbc.update("insert into inventory_zone_account (account_id, read_at) values (?, ?) "
                + "on conflict (account_id) do nothing", accountId, Timestamp.from(now));
        return written;
    }

    /** The region could not be read: keep every row, mark those not yet stale. Returns the rows written. */
    @Transactional
    int markStale(String accountId, String region, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.update("update inventory_endpoint set stale = true, updated_at = ? where account_id = ? "
                + "and region = ? and not stale and gone_at is null", at, accountId, region)
                + jdbc.update("update inventory_resource set stale = true, updated_at = ? where account_id = ? "
                + "and region = ? and not stale", at, accountId, region);
    }

    private static ParameterizedPreparedStatementSetter<ObservedEndpoint> endpointSetter(String accountId,
            String region, Timestamp at) {
        return (ps, e) -> {
            Connection con = ps.getConnection();
            ps.setString(1, e.id());
            ps.setString(2, accountId);
            ps.setString(3, region);
            ps.setString(4, e.vpcId());
            ps.setString(5, e.serviceName());
            ps.setString(6, e.endpointType());
            ps.setString(7, e.state());
            ps.setBoolean(8, e.privateDns());
            ps.setString(9, e.policy());
            ps.setArray(10, array(con, e.routeTableIds()));
            ps.setArray(11, array(con, e.subnetIds()));
            ps.setArray(12, array(con, e.securityGroupIds()));
            ps.setArray(13, array(con, e.networkInterfaceIds()));
            ps.setString(14, CanonicalJsonWriter.write(e.dnsEntries()));
            ps.setString(15, CanonicalJsonWriter.write(e.tags()));
            ps.setTimestamp(16, e.createdAt() == null ? null : Timestamp.from(e.createdAt()));
            ps.setString(17, hash(e));
            RequestTag link = RequestTag.of(e.tags());
            if (link == null) {
                ps.setNull(18, Types.OTHER);
                ps.setNull(19, Types.INTEGER);
            } else {
                ps.setObject(18, link.requestId());
                ps.setInt(19, link.position());
            }
            ps.setTimestamp(20, "deleted".equalsIgnoreCase(e.state()) ? at : null);
            ps.setTimestamp(21, at);
            ps.setTimestamp(22, at);
            ps.setString(23, clip(e.servicePrivateDnsName(), 255));
        };
    }

    private static ParameterizedPreparedStatementSetter<ObservedResource> resourceSetter(String accountId,
            String region, Timestamp at) {
        return (ps, r) -> {
            String data = CanonicalJsonWriter.write(r.attributes());
            ps.setString(1, accountId);
            ps.setString(2, region);
            ps.setString(3, r.id());
            ps.setString(4, r.type().name());
            ps.setString(5, r.vpcId());
            ps.setString(6, clip(r.name(), 255));
            ps.setString(7, r.state());
            ps.setString(8, data);
            ps.setString(9, Digests.sha256Hex(r.type() + "|" + r.vpcId() + "|" + r.name() + "|" + r.state() + "|" + data));
            ps.setTimestamp(10, at);
        };
    }

    static String hash(ObservedEndpoint e) {
        return Digests.sha256Hex(CanonicalJsonWriter.write(e));
    }

    private static Array array(Connection con, List<String> values) throws SQLException {
        return con.createArrayOf("varchar", values.toArray());
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static int sum(int[][] counts) {
        int total = 0;
        for (int[] batch : counts) {
            for (int c : batch) {
                total += Math.max(c, 0);
            }
        }
        return total;
    }

    private static <T> List<List<T>> batches(List<T> items) {
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < items.size(); i += BATCH) {
            batches.add(items.subList(i, Math.min(items.size(), i + BATCH)));
        }
        return batches;
    }

    /** The request and item an endpoint was created for, from the portal's {@code portal:request-item} tag. */
    record RequestTag(UUID requestId, int position) {

        static final String ITEM_TAG = "portal:request-item";

        static RequestTag of(Map<String, String> tags) {
            String value = tags.get(ITEM_TAG);
            if (value == null) {
                return null;
            }
            int slash = value.lastIndexOf('/');
            try {
                return new RequestTag(UUID.fromString(value.substring(0, slash)),
                        Integer.parseInt(value.substring(slash + 1)));
            } catch (RuntimeException e) {
                return null; // a tag someone else wrote by hand: not a link
            }
        }
    }
}
