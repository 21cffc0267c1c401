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

    /**
     * The ledger of a period as one derived table with the columns the sums read: the months the period covers
     * whole from a monthly rollup (kept by {@link Ledger}), the days of a month it covers only in part from
     * {@code savings_ledger_day}. A month counts as covered whole when every ledger day of it lies in the period (this
     * month so far, up to today, is). A rollup row stands for its days: "day" is the month's first day, which is all
     * the month group reads of it. {@link #PERIOD} has one row per resource and month ({@code savings_ledger_month}),
     * {@link #PERIOD_GROUPS} one per month, region, account, kind, team and service
     * ({@code savings_ledger_month_group}), for the sums that do not look at resources.
     */
    private static final String PERIOD_TEMPLATE = """
            (select month as day, %s as resource_id, kind, team_id, account_id, region, service, bytes, endpoint_cost,
                    avoided_nat_cost, net_saving, nat_cost
             from %s where month between :monthsFrom and :monthsTo
             union all
             select day, resource_id, kind, team_id, account_id, region, service, bytes, endpoint_cost,
                    avoided_nat_cost, net_saving, nat_cost
             from savings_ledger_day where day between :headFrom and :headTo or day between :tailFrom and :tailTo
            ) ledger""";
    private static final String PERIOD = PERIOD_TEMPLATE.formatted("resource_id", "savings_ledger_month");
    private static final String PERIOD_GROUPS = PERIOD_TEMPLATE.formatted("cast(null as varchar)",
            "savings_ledger_month_group");

    private final JdbcClient jdbc;

    LedgerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The parts of a period that {@link #PERIOD} reads: whole months, and up to two runs of single days. */
    record Period(LocalDate monthsFrom, LocalDate monthsTo, LocalDate headFrom, LocalDate headTo, LocalDate tailFrom,
            LocalDate tailTo) {

        private static final LocalDate NONE_FROM = LocalDate.of(9999, 1, 2);
        private static final LocalDate NONE_TO = LocalDate.of(9999, 1, 1);

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql) {
            return sql.param("monthsFrom", Date.valueOf(monthsFrom)).param("monthsTo", Date.valueOf(monthsTo))
                    .param("headFrom", Date.valueOf(headFrom)).param("headTo", Date.valueOf(headTo))
                    .param("tailFrom", Date.valueOf(tailFrom)).param("tailTo", Date.valueOf(tailTo));
        }
    }

    /** Splits {@code from}..{@code to} (inclusive) into the whole months the rollup answers and the days around them. */
    Period period(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return new Period(Period.NONE_FROM, Period.NONE_TO, Period.NONE_FROM, Period.NONE_TO, Period.NONE_FROM,
                    Period.NONE_TO);
        }
        LocalDate first = from.withDayOfMonth(1);
        LocalDate last = to.withDayOfMonth(1);
        boolean firstWhole = coveredWhole(first, from, to);
        boolean lastWhole = first.equals(last) ? firstWhole : coveredWhole(last, from, to);
        LocalDate monthsFrom = firstWhole ? first : first.plusMonths(1);
        LocalDate monthsTo = lastWhole ? last : last.minusMonths(1);
        LocalDate none = Period.NONE_FROM;
        LocalDate noneTo = Period.NONE_TO;
        if (first.equals(last)) {
            return firstWhole ? new Period(first, first, none, noneTo, none, noneTo)
                    : new Period(none, noneTo, from, to, none, noneTo);
        }
        return new Period(monthsFrom, monthsTo, firstWhole ? none : from, firstWhole ? noneTo : first.plusMonths(1).minusDays(1),
                lastWhole ? none : last, lastWhole ? noneTo : to);
    }

    /** Whether every ledger day of {@code month} lies between {@code from} and {@code to} (two index look-ups). */
    private boolean coveredWhole(LocalDate month, LocalDate from, LocalDate to) {
        LocalDate next = month.plusMonths(1);
        if (!from.isAfter(month) && !to.isBefore(next.minusDays(1))) {
            return true;
        }
        return jdbc.sql("""
                select coalesce(min(day) >= :from and max(day) <= :to, true) from savings_ledger_day
                where day >= :month and day < :next""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .param("month", Date.valueOf(month)).param("next", Date.valueOf(next))
                .query(Boolean.class).single();
    }

    /** Totals per group between two days (inclusive), largest net saving first. */
    public List<SavingsGroup> groups(String groupBy, LocalDate from, LocalDate to) {
        String key = GROUPS.get(groupBy);
        if (key == null) {
            throw new IllegalArgumentException("unknown group " + groupBy);
        }
        String order = groupBy.equals("month") ? "key" : "net desc, key";
        String source = groupBy.equals("endpoint") ? PERIOD : PERIOD_GROUPS;
        return period(from, to).bind(jdbc.sql("select " + key + " as key, " + SUMS + " from " + source
                + " group by 1 order by " + order)).query((rs, n) -> group(rs)).list();
    }

    /** Totals over the period, as one group named "total". */
    public SavingsGroup total(LocalDate from, LocalDate to) {
        return period(from, to).bind(jdbc.sql("select 'total' as key, " + SUMS + " from " + PERIOD_GROUPS))
                .query((rs, n) -> group(rs)).single();
    }

    /** Endpoints by net saving, of the kinds given, with their service in the key ("vpce-… · service"). */
    public List<SavingsGroup> endpoints(LocalDate from, LocalDate to, boolean costingMoreThanSaving, int limit) {
        return period(from, to).bind(jdbc.sql("select resource_id || ' · ' || max(service) || ' · ' || max(team_id) as key, "
                + SUMS + " from " + PERIOD + """
                 where kind in ('INTERFACE', 'GATEWAY_LOAD_BALANCER', 'GATEWAY')
                group by resource_id having (:below = false or sum(net_saving) < 0)
                order by net """ + " " + (costingMoreThanSaving ? "asc" : "desc") + ", resource_id limit :limit"))
                .param("below", costingMoreThanSaving).param("limit", limit)
                .query((rs, n) -> group(rs)).list();
    }

    /** NAT gateways and VPCs by the NAT charges they still pay (MISSED: avoidable with a free gateway endpoint). */
    public List<SavingsGroup> natTraffic(LocalDate from, LocalDate to, LedgerKind kind, int limit) {
        return period(from, to).bind(jdbc.sql("select resource_id || ' · ' || max(account_id) || ' · ' || max(region) as key, "
                + SUMS + ", sum(bytes) as all_bytes from " + PERIOD + """
                 where kind = :kind
                group by resource_id order by sum(nat_cost) desc, resource_id limit :limit"""))
                .param("kind", kind.name())
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
