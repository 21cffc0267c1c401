package io.vpcportal.request.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a new request, its items with their tags and its first timeline entries with plain JDBC in the caller's
 * transaction: three statements (four with tags), the items and entries batched, where the ORM's persist and cascade
 * cost about a quarter of a create's CPU (bench/README.md, "A leaner create"). Only for requests that
 * do not exist yet; every later change goes through the entity, which reads these rows back like any others
 * ({@code version} starts at 0, as the ORM would start it). {@code NewRequestRowsTests} compares what
 * this writes with what the entity reads.
 */
@Component
class NewRequestRows {

    private static final String REQUEST = """
            insert into endpoint_request (id, requester_id, requester_name, team_id, account_id, region, vpc_id, title,
                justification, expected_monthly_gb, nat_gateway_id, nat_gateway_removed, status, idempotency_key,
                payload_hash, created_at, updated_at, submitted_at, version, kind, change_of, change_position,
                adopts_endpoint_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""";

    private static final String ITEM = """
            insert into endpoint_request_item (id, request_id, position, template_key, template_version, endpoint_type,
                service_name, service_region, route_table_ids, subnet_ids, security_group_ids, private_dns,
                policy_choice, bucket_names, table_names, custom_policy, expected_monthly_gb)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String TAG = "insert into endpoint_request_item_tag (item_id, tag_key, tag_value) values (?, ?, ?)";

    private static final String TIMELINE = """
            insert into request_timeline_entry (request_id, occurred_at, actor, kind, from_status, to_status, message)
            values (?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;

    NewRequestRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts {@code r} with everything it holds; a duplicate idempotency key or adoption fails as the ORM would. */
    void insert(EndpointRequest r) {
        UUID id = r.id().value();
        jdbc.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement(REQUEST)) {
                ps.setObject(1, id);
                ps.setObject(2, r.requester().value());
                ps.setString(3, r.requesterName());
                ps.setString(4, r.team().value());
                ps.setString(5, r.accountId());
                ps.setString(6, r.region());
                ps.setString(7, r.vpcId());
                ps.setString(8, r.title());
                ps.setString(9, r.justification());
                ps.setBigDecimal(10, r.expectedMonthlyGb());
                ps.setString(11, r.natGatewayId());
                ps.setBoolean(12, r.natGatewayRemoved());
                ps.setString(13, r.status().name());
                ps.setString(14, r.idempotencyKey());
                ps.setString(15, r.payloadHash());
                setInstant(ps, 16, r.createdAt());
                setInstant(ps, 17, r.updatedAt());
                setInstant(ps, 18, r.submittedAt());
                ps.setString(19, r.kind().name());
                ps.setObject(20, r.changeOf() == null ? null : r.changeOf().value(), Types.OTHER);
                if (r.changePosition() == null) {
                    ps.setNull(21, Types.INTEGER);
                } else {
                    ps.setInt(21, r.changePosition());
                }
                ps.setString(22, r.adoptsEndpoint());
                ps.executeUpdate();
            }
            List<EndpointRequestItem> items = r.items();
            List<Object[]> tags = new ArrayList<>();
            if (!items.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(ITEM)) {
                    for (EndpointRequestItem i : items) {
                        ps.setObject(1, i.id());
                        ps.setObject(2, id);
                        ps.setInt(3, i.position());
                        ps.setString(4, i.templateKey());
                        ps.setInt(5, i.templateVersion());
                        ps.setString(6, i.endpointType().name());
                        ps.setString(7, i.serviceName());
                        ps.setString(8, i.serviceRegion());
                        ps.setArray(9, varchars(c, i.routeTableIds()));
                        ps.setArray(10, varchars(c, i.subnetIds()));
                        ps.setArray(11, varchars(c, i.securityGroupIds()));
                        ps.setBoolean(12, i.privateDns());
                        ps.setString(13, i.policyChoice().key());
                        ps.setArray(14, varchars(c, i.bucketNames()));
                        ps.setArray(15, varchars(c, i.tableNames()));
                        ps.setString(16, i.customPolicy());
                        ps.setBigDecimal(17, i.expectedMonthlyGb());
                        ps.addBatch();
                        for (Map.Entry<String, String> tag : i.tags().entrySet()) {
                            tags.add(new Object[] {i.id(), tag.getKey(), tag.getValue()});
                        }
                    }
                    ps.executeBatch();
                }
            }
            if (!tags.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(TAG)) {
                    for (Object[] tag : tags) {
                        ps.setObject(1, tag[0]);
                        ps.setString(2, (String) tag[1]);
                        ps.setString(3, (String) tag[2]);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(TIMELINE)) {
                for (TimelineEntry t : r.timeline()) {
                    ps.setObject(1, id);
                    setInstant(ps, 2, t.occurredAt());
                    ps.setString(3, t.actor());
                    ps.setString(4, t.kind());
                    ps.setString(5, t.fromStatus() == null ? null : t.fromStatus().name());
                    ps.setString(6, t.toStatus() == null ? null : t.toStatus().name());
                    ps.setString(7, t.message());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static void setInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
        ps.setObject(index, at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static Array varchars(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("varchar", values.toArray());
    }
}
