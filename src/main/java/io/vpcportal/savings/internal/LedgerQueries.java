package io.vpcportal.savings.internal;

import io.vpcportal.savings.LedgerKind;
import io.vpcportal.savings.LedgerRow;
import io.vpcportal.savings.MeasuredTraffic;
import io.vpcportal.savings.SavingsGroup;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the ledger for the dashboard, the API and the CSV export; each uses one of the ledger's indexes. */
@Repository
public class LedgerQueries {

    /** Group keys the API accepts, and the SQL expression of each. */
    public static final Map<String, String> GROUPS = Map.of(
            "team", "team_id", "account", "account_id", "region", "region", "service", "service",
            "month", "to_char(day, 'YYYY-MM')", "endpoint", "resource_id");

    private static final String SUMS = """
            coalesce(sum(bytes) filter (where kind in ('INTERFACE', 'GATEWAY_LOAD_BALANCER', 'GATEWAY')), 0) as bytes,
            coalesce(sum(endpoint_cost), 0) as endpoint_cost, coalesce(sum(avoided_nat_cost), 0) as avoided,
            coalesce(sum(net_saving), 0) as net, coalesce(sum(nat_cost) filter (where kind = 'NAT'), 0) as nat,
            coalesce(sum(nat_cost) filter (where kind = 'MISSED'), 0) as missed""";

    private final JdbcClient jdbc;

    LedgerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Totals per group between two days (inclusive), largest net saving first. */
    public List<SavingsGroup> groups(String groupBy, LocalDate from, LocalDate to) {
        String key = GROUPS.get(groupBy);
        if (key == null) {
            throw new IllegalArgumentException("unknown group " + groupBy);
        }
        String order = groupBy.equals("month") ? "key" : "net desc, key";
        return jdbc.sql("select " + key + " as key, " + SUMS + " from savings_ledger_day where day between :from and :to group by 1 order by " + order)
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> group(rs)).list();
    }

    /** Totals over the period, as one group named "total". */
    public SavingsGroup total(LocalDate from, LocalDate to) {
        return jdbc.sql("select 'total' as key, " + SUMS + " from savings_ledger_day where day between :from and :to")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> group(rs)).single();
    }

    /** Endpoints by net saving, of the kinds given, with their service in the key ("vpce-… · service"). */
    public List<SavingsGroup> endpoints(LocalDate from, LocalDate to, boolean costingMoreThanSaving, int limit) {
        return jdbc.sql("select resource_id || ' · ' || max(service) || ' · ' || max(team_id) as key, " + SUMS + " " + """
                from savings_ledger_day
                where day between :from and :to and kind in ('INTERFACE', 'GATEWAY_LOAD_BALANCER', 'GATEWAY')
                group by resource_id having (:below = false or sum(net_saving) < 0)
                order by net """ + " " + (costingMoreThanSaving ? "asc" : "desc") + ", resource_id limit :limit")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .param("below", costingMoreThanSaving).param("limit", limit)
                .query((rs, n) -> group(rs)).list();
    }

    /** NAT gateways and VPCs by the NAT charges they still pay (MISSED: avoidable with a free gateway endpoint). */
    public List<SavingsGroup> natTraffic(LocalDate from, LocalDate to, LedgerKind kind, int limit) {
        return jdbc.sql("select resource_id || ' · ' || max(account_id) || ' · ' || max(region) as key, " + SUMS + """
                , sum(bytes) as all_bytes from savings_ledger_day where day between :from and :to and kind = :kind
                group by resource_id order by sum(nat_cost) desc, resource_id limit :limit""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).param("kind", kind.name())
                .param("limit", limit)
                .query((rs, n) -> new SavingsGroup(rs.getString("key"), rs.getLong("all_bytes"),
                        rs.getBigDecimal("endpoint_cost"), rs.getBigDecimal("avoided"), rs.getBigDecimal("net"),
                        rs.getBigDecimal("nat"), rs.getBigDecimal("missed"))).list();
    }

    /**
     * Totals of the given resources of one account between two days (inclusive), one row per resource that has
     * rows: a single query on the (resource, day) index, whatever the number of resources.
     */
    public List<MeasuredTraffic> traffic(String accountId, Collection<String> resourceIds, LocalDate from,
            LocalDate to) {
        if (resourceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select resource_id, max(kind) as kind, count(*) as days, sum(bytes) as bytes,
                       sum(endpoint_cost) as endpoint_cost, sum(avoided_nat_cost) as avoided, sum(nat_cost) as nat
                from savings_ledger_day
                where resource_id in (:ids) and day between :from and :to and account_id = :account
                group by resource_id order by resource_id""")
                .param("ids", List.copyOf(resourceIds)).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .param("account", accountId)
                .query((rs, n) -> new MeasuredTraffic(rs.getString("resource_id"), LedgerKind.valueOf(rs.getString("kind")),
                        rs.getInt("days"), rs.getLong("bytes"), rs.getBigDecimal("endpoint_cost"),
                        rs.getBigDecimal("avoided"), rs.getBigDecimal("nat"))).list();
    }

    /** Every row of the period in (day, resource) order, streamed (the CSV export). */
    public void rows(LocalDate from, LocalDate to, Consumer<LedgerRow> sink) {
        jdbc.sql("select * from savings_ledger_day where day between :from and :to order by day, resource_id")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((ResultSet rs) -> {
                    sink.accept(row(rs));
                });
    }

    public List<LedgerRow> rowsOf(String resourceId) {
        return jdbc.sql("select * from savings_ledger_day where resource_id = :id order by day")
                .param("id", resourceId).query((rs, n) -> row(rs)).list();
    }

    /**
     * The NAT charge missed ({@link LedgerKind#MISSED} rows) of one VPC and service ({@code vpc-…/S3}) in a period;
     * null when no such row exists (nothing measured: no flow logs, or no traffic).
     */
    public java.math.BigDecimal missed(String accountId, String resourceId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select sum(nat_cost) from savings_ledger_day
                where resource_id = :id and account_id = :account and kind = 'MISSED' and day between :from and :to""")
                .param("id", resourceId).param("account", accountId).param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to)).query((rs, n) -> java.util.Optional.ofNullable(rs.getBigDecimal(1)))
                .single().orElse(null);
    }

    /** A resource's most recent {@code days} rows, newest first. */
    public List<LedgerRow> latest(String accountId, String resourceId, int days) {
        return jdbc.sql("select * from savings_ledger_day where resource_id = :id and account_id = :account "
                + "order by day desc limit :days").param("id", resourceId).param("account", accountId)
                .param("days", days).query((rs, n) -> row(rs)).list();
    }

    public LocalDate firstDay() {
        List<java.sql.Date> first = jdbc.sql("select min(day) from savings_ledger_day").query((rs, n) -> rs.getDate(1)).list();
        return first.isEmpty() || first.get(0) == null ? null : first.get(0).toLocalDate();
    }

    static LedgerRow row(ResultSet rs) throws SQLException {
        return new LedgerRow(rs.getDate("day").toLocalDate(), rs.getString("resource_id"),
                LedgerKind.valueOf(rs.getString("kind")), rs.getString("team_id"), rs.getString("account_id"),
                rs.getString("region"), rs.getString("vpc_id"), rs.getString("service"), rs.getInt("enis"),
                rs.getLong("bytes"), rs.getBigDecimal("endpoint_cost"), rs.getBigDecimal("avoided_nat_cost"),
                rs.getBigDecimal("net_saving"), rs.getBigDecimal("nat_cost"));
    }

    private static SavingsGroup group(ResultSet rs) throws SQLException {
        return new SavingsGroup(rs.getString("key"), rs.getLong("bytes"), rs.getBigDecimal("endpoint_cost"),
                rs.getBigDecimal("avoided"), rs.getBigDecimal("net"), rs.getBigDecimal("nat"),
                rs.getBigDecimal("missed"));
    }
}
