package io.vpcportal.inventory.internal;

import io.vpcportal.inventory.EndpointFilter;
import io.vpcportal.inventory.EndpointPage;
import io.vpcportal.inventory.EndpointSummary;
import io.vpcportal.platform.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The inventory list with keyset pagination: each sort order is a column plus the endpoint id, both in an index,
 * and the cursor carries the last row's values, so page 1,000 of 100,000 rows costs what page 1 does.
 */
@Component
public class InventoryQueries {

    public static final int MAX_LIMIT = 500;
    static final String SUMMARY_COLUMNS = "vpc_endpoint_id, account_id, region, vpc_id, service_name, endpoint_type, "
            + "state, request_id, drift, drift_summary, stale, gone_at, updated_at";
    private static final Map<String, String> SORTS = Map.of("id", "vpc_endpoint_id", "service", "service_name",
            "vpc", "vpc_id", "account", "account_id", "state", "state", "updated", "updated_at");

    private final JdbcTemplate jdbc;

    InventoryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code visibleAccounts} null: every account. */
    public EndpointPage page(EndpointFilter filter, List<String> visibleAccounts, String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        String sortKey = filter.sort() == null || filter.sort().isBlank() ? "id" : filter.sort();
        String column = SORTS.get(sortKey);
        if (column == null) {
            throw new InvalidInputException("sort", "must be one of "
                    + String.join(", ", new TreeSet<>(SORTS.keySet())));
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + SUMMARY_COLUMNS + " from inventory_endpoint where true");
        where(sql, params, filter, visibleAccounts);
        if (cursor != null && !cursor.isBlank()) {
            Cursor after = Cursor.parse(cursor, sortKey, filter.descending());
            if (column.equals("vpc_endpoint_id")) {
                sql.append(filter.descending() ? " and vpc_endpoint_id < ?" : " and vpc_endpoint_id > ?");
                params.add(after.id());
            } else {
                sql.append(" and (").append(column).append(", vpc_endpoint_id) ")
                        .append(filter.descending() ? "<" : ">").append(" (?, ?)");
                params.add(column.equals("updated_at") ? Timestamp.from(Instant.parse(after.value())) : after.value());
                params.add(after.id());
            }
        }
        String direction = filter.descending() ? " desc" : " asc";
        sql.append(" order by ").append(column.equals("vpc_endpoint_id") ? "" : column + direction + ", ")
                .append("vpc_endpoint_id").append(direction).append(" limit ?");
        params.add(limit + 1);
        List<EndpointSummary> rows = jdbc.query(sql.toString(), InventoryQueries::summary, params.toArray());
        boolean more = rows.size() > limit;
        List<EndpointSummary> page = more ? rows.subList(0, limit) : rows;
        String next = more ? Cursor.of(page.get(page.size() - 1), sortKey, filter.descending()).encode() : null;
        return new EndpointPage(List.copyOf(page), next);
    }

    static void where(StringBuilder sql, List<Object> params, EndpointFilter f, List<String> visibleAccounts) {
        if (visibleAccounts != null) {
            sql.append(" and account_id = any (?)");
            params.add(visibleAccounts.toArray(String[]::new));
        }
        eq(sql, params, "account_id", f.account());
        eq(sql, params, "region", f.region());
        eq(sql, params, "vpc_id", f.vpc());
        eq(sql, params, "service_name", f.service());
        eq(sql, params, "endpoint_type", f.type());
        eq(sql, params, "state", f.state());
        if (f.managed() != null) {
            sql.append(f.managed() ? " and request_id is not null" : " and request_id is null");
        }
        if (f.drift() != null) {
            sql.append(f.drift() ? " and drift" : " and not drift");
        }
        if (!f.includeGone()) {
            sql.append(" and gone_at is null");
        }
    }

    private static void eq(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(value.strip());
        }
    }

    static EndpointSummary summary(ResultSet rs, int n) throws SQLException {
        return new EndpointSummary(rs.getString("vpc_endpoint_id"), rs.getString("account_id"), rs.getString("region"),
                rs.getString("vpc_id"), rs.getString("service_name"), rs.getString("endpoint_type"),
                rs.getString("state"), rs.getObject("request_id", UUID.class), rs.getBoolean("drift"),
                rs.getString("drift_summary"), rs.getBoolean("stale"), SyncRuns.instant(rs, "gone_at"),
                SyncRuns.instant(rs, "updated_at"));
    }

    /** The last row of a page in the order it was listed; refused with another order. */
    public record Cursor(String sort, boolean descending, String value, String id) {

        public static Cursor of(EndpointSummary e, String sort, boolean descending) {
            String value = switch (sort) {
                case "service" -> e.serviceName();
                case "vpc" -> e.vpcId();
                case "account" -> e.accountId();
                case "state" -> e.state();
                case "updated" -> e.updatedAt().toString();
                default -> e.id();
            };
            return new Cursor(sort, descending, value, e.id());
        }

        public String encode() {
            String raw = sort + "\n" + (descending ? "d" : "a") + "\n" + value + "\n" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        public static Cursor parse(String text, String sort, boolean descending) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\n", -1);
                if (parts.length != 4 || !parts[0].equals(sort) || !parts[1].equals(descending ? "d" : "a")) {
                    throw new IllegalArgumentException("another order");
                }
                if (sort.equals("updated")) {
                    Instant.parse(parts[2]);
                }
                return new Cursor(parts[0], descending, parts[2], parts[3]);
            } catch (RuntimeException e) {
                throw new InvalidInputException("cursor", "is not a cursor this API returned for this order");
            }
        }
    }
}
