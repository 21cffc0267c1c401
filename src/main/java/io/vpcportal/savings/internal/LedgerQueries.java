package io.vpcportal.savings.internal;

import io.vpcportal.savings.EndpointRankings;
import io.vpcportal.savings.LedgerKind;
import io.vpcportal.savings.LedgerRow;
import io.vpcportal.savings.MeasuredTraffic;
import io.vpcportal.savings.SavingsGroup;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.vpcportal.savings.SavingsScope;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads of the ledger for the dashboard, the API and the CSV export; each uses one of the ledger's indexes. Over 300
 * lines because the period's decomposition (whole years, months, runs of days) and the statements that read it belong
 * together: each statement's SQL is written against the derived tables defined here.
 */
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
            coalesce(sum(nat_cost) filter (where kind = 'MISSED'), 0) as missed,
            case when bool_and(kind in ('NAT', 'MISSED')) then 'NAT_GATEWAY' else 'SERVICE' end as kind_of_service""";

    /**
     * The ledger of a period as one derived table with the columns the sums read: the months the period covers
     * whole from a monthly rollup (kept by {@link Ledger}), the days of a month it covers only in part as a run of days
     * from the month-to-date sums ({@code savings_ledger_month_to_date_group}: the sums at the run's last day minus
     * those at the day before its first, when that day is in the same month), so no period reads more than a few rows
     * per group and month whatever its first and last day. A month counts as covered whole when every ledger day of it
     * lies in the period (this month so far, up to today, is). A row stands for its days: "day" is the month's first
     * day, which is all the month group reads of it; a run without daily rows is left out, as the daily rows would
     * leave it out. {@link #PERIOD_GROUPS} has one row per month, region, account, kind, team and service, for the
     * sums that do not look at resources.
     */
    private static final String PERIOD_GROUPS = """
            (select month as day, cast(null as varchar) as resource_id, kind, team_id, account_id, region, service,
                    days, bytes, endpoint_cost, avoided_nat_cost, net_saving, nat_cost
             from savings_ledger_month_group where month between :monthsFrom and :monthsTo
             union all
             select date_trunc('month', day)::date, cast(null as varchar), kind, team_id, account_id, region, service,
                    sum(days), sum(bytes), sum(endpoint_cost), sum(avoided_nat_cost), sum(net_saving), sum(nat_cost)
             from (select day, kind, team_id, account_id, region, service, days, bytes, endpoint_cost,
                          avoided_nat_cost, net_saving, nat_cost
                   from savings_ledger_month_to_date_group where day in (:runsTo)
                   union all
                   select day, kind, team_id, account_id, region, service, -days, -bytes, -endpoint_cost,
                          -avoided_nat_cost, -net_saving, -nat_cost
                   from savings_ledger_month_to_date_group where day in (:runsBefore)) runs
             group by 1, kind, team_id, account_id, region, service
             having sum(days) > 0
            ) ledger""";

    /**
     * The same period per resource, for the reads that group by resource: the years it covers whole (every ledger day
     * of the year in the period: this year so far is) from the yearly rollup {@code savings_ledger_year}, the other
     * whole months as runs of months inside one year from the year-to-month sums ({@code savings_ledger_year_to_month}:
     * the sums at the run's last month minus those at the month before its first, unless it starts a year), the runs
     * of days from {@code savings_ledger_month_to_date} as above. A resource reads at most the years plus eight rows,
     * whatever the period. There is no "day" column: nothing that groups by resource reads it.
     */
    private static final String PERIOD = """
            (select resource_id, kind, team_id, account_id, region, service, days, bytes, endpoint_cost,
                    avoided_nat_cost, net_saving, nat_cost
             from savings_ledger_year where year between :yearsFrom and :yearsTo
             union all
             select resource_id, kind, team_id, account_id, region, service, sum(days), sum(bytes), sum(endpoint_cost),
                    sum(avoided_nat_cost), sum(net_saving), sum(nat_cost)
             from (select resource_id, kind, team_id, account_id, region, service, days, bytes, endpoint_cost,
                          avoided_nat_cost, net_saving, nat_cost
                   from savings_ledger_year_to_month where month in (:monthRunsTo)
                   union all
                   select resource_id, kind, team_id, account_id, region, service, -days, -bytes, -endpoint_cost,
                          -avoided_nat_cost, -net_saving, -nat_cost
                   from savings_ledger_year_to_month where month in (:monthRunsBefore)
                   union all
                   select resource_id, kind, team_id, account_id, region, service, days, bytes, endpoint_cost,
                          avoided_nat_cost, net_saving, nat_cost
                   from savings_ledger_month where month in (:singleMonths)
                   union all
                   select resource_id, kind, team_id, account_id, region, service, days, bytes, endpoint_cost,
                          avoided_nat_cost, net_saving, nat_cost
                   from savings_ledger_month_to_date where day in (:runsTo)
                   union all
                   select resource_id, kind, team_id, account_id, region, service, -days, -bytes, -endpoint_cost,
                          -avoided_nat_cost, -net_saving, -nat_cost
                   from savings_ledger_month_to_date where day in (:runsBefore)) runs
             group by resource_id, kind, team_id, account_id, region, service
             having sum(days) > 0
            ) ledger""";

    private final JdbcClient jdbc;
    private final TransactionTemplate reads;
    private final String workMem;

    LedgerQueries(JdbcClient jdbc, PlatformTransactionManager transactions, LedgerQuerySettings settings) {
        this.jdbc = jdbc;
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
        this.workMem = settings.workMemOrNull();
    }

    /**
     * {@code read} in a read-only transaction whose {@code work_mem} is the configured one (SET LOCAL: it ends with
     * the transaction, so no other use of the pooled connection sees it); for the reads that sum per resource.
     */
    private <T> T withWorkMem(Supplier<T> read) {
        if (workMem == null) {
            return read.get();
        }
        return reads.execute(status -> {
            jdbc.sql("select set_config('work_mem', :workMem, true)").param("workMem", workMem)
                    .query(String.class).single();
            return read.get();
        });
    }

    /**
     * {@code source} (one of the period subqueries, named "ledger") limited to the scope's accounts; PostgreSQL pushes
     * the condition into each branch of the union, so every branch still reads its index.
     */
    private static String scoped(String source, SavingsScope scope) {
        if (scope.everyAccount()) {
            return source;
        }
        return "(select * from " + source.substring(0, source.lastIndexOf(") ledger")) + ") unscoped"
                + (scope.accountIds().isEmpty() ? " where false" : " where unscoped.account_id in (:scopeAccounts)")
                + ") ledger";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, SavingsScope scope) {
        return scope.everyAccount() || scope.accountIds().isEmpty() ? statement
                : statement.param("scopeAccounts", List.copyOf(scope.accountIds()));
    }

    /**
     * The parts of a period: whole months ({@link #PERIOD_GROUPS}), and up to two runs of days, each inside one month
     * (the head: from the period's first day, the tail: up to its last day); for the
     * per-resource reads ({@link #PERIOD}) the same whole months as whole years and up to two runs of months.
     */
    record Period(LocalDate monthsFrom, LocalDate monthsTo, LocalDate headFrom, LocalDate headTo, LocalDate tailFrom,
            LocalDate tailTo, LocalDate yearsFrom, LocalDate yearsTo, LocalDate monthsBeforeFrom,
            LocalDate monthsBeforeTo, LocalDate monthsAfterFrom, LocalDate monthsAfterTo) {

        private static final LocalDate NONE_FROM = LocalDate.of(9999, 1, 2);
        private static final LocalDate NONE_TO = LocalDate.of(9999, 1, 1);

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql) {
            return sql.param("monthsFrom", Date.valueOf(monthsFrom)).param("monthsTo", Date.valueOf(monthsTo))
                    .param("runsTo", List.of(Date.valueOf(runTo(headFrom, headTo)), Date.valueOf(runTo(tailFrom, tailTo))))
                    .param("runsBefore", List.of(Date.valueOf(dayBefore(headFrom, headTo)),
                            Date.valueOf(dayBefore(tailFrom, tailTo))))
                    .param("yearsFrom", Date.valueOf(yearsFrom)).param("yearsTo", Date.valueOf(yearsTo))
                    .param("monthRunsTo", monthRuns(true)).param("monthRunsBefore", monthRuns(false))
                    .param("singleMonths", singleMonths());
        }

        /**
         * The runs of whole months that are one month long: read from the monthly rollup (one row per resource)
         * rather than as the difference of two year-to-month sums (two rows per resource).
         */
        private List<Date> singleMonths() {
            List<Date> months = new ArrayList<>(List.of(Date.valueOf(NONE_TO)));
            for (LocalDate[] part : monthRunParts()) {
                if (part[0].equals(part[1])) {
                    months.add(Date.valueOf(part[0]));
                }
            }
            return months;
        }

        /** The runs of whole months around the whole years, cut at year ends: {first month, last month} each. */
        private List<LocalDate[]> monthRunParts() {
            List<LocalDate[]> parts = new ArrayList<>();
            for (LocalDate[] run : List.of(new LocalDate[] {monthsBeforeFrom, monthsBeforeTo},
                    new LocalDate[] {monthsAfterFrom, monthsAfterTo})) {
                for (LocalDate m = run[0]; !m.isAfter(run[1]); m = m.withDayOfYear(1).plusYears(1)) {
                    LocalDate december = m.withMonth(12);
                    parts.add(new LocalDate[] {m, run[1].isBefore(december) ? run[1] : december});
                }
            }
            return parts;
        }

        /**
         * The months whose year-to-month sums the runs of whole months around the whole years add ({@code ends}) or
         * subtract: a run is cut at year ends (one without whole years spans two years at most), each part adds its
         * last month and subtracts the month before its first, unless that one is in the year before. A part of one
         * month is read from the monthly rollup instead ({@link #singleMonths}).
         */
        private List<Date> monthRuns(boolean ends) {
            List<Date> months = new ArrayList<>(List.of(Date.valueOf(NONE_TO)));
            for (LocalDate[] part : monthRunParts()) {
                if (part[0].equals(part[1])) {
                    continue; // one month: from the monthly rollup (singleMonths)
                }
                if (ends) {
                    months.add(Date.valueOf(part[1]));
                } else if (part[0].getMonthValue() > 1) {
                    months.add(Date.valueOf(part[0].minusMonths(1)));
                }
            }
            return months;
        }

        /** The day whose month-to-date sums a run of days ends on (a day without rows when there is no run). */
        private static LocalDate runTo(LocalDate from, LocalDate to) {
            return from.isAfter(to) ? NONE_TO : to;
        }

        /** The day whose month-to-date sums a run subtracts: the one before it, unless it starts a month. */
        private static LocalDate dayBefore(LocalDate from, LocalDate to) {
            return from.isAfter(to) || from.getDayOfMonth() == 1 ? NONE_TO : from.minusDays(1);
        }
    }

    /** Splits {@code from}..{@code to} (inclusive) into the whole years and months the rollups answer and the days around them. */
    Period period(LocalDate from, LocalDate to) {
        LocalDate none = Period.NONE_FROM;
        LocalDate noneTo = Period.NONE_TO;
        if (from.isAfter(to)) {
            return new Period(none, noneTo, none, noneTo, none, noneTo, none, noneTo, none, noneTo, none, noneTo);
        }
        LocalDate first = from.withDayOfMonth(1);
        LocalDate last = to.withDayOfMonth(1);
        boolean firstWhole = coveredWhole(first, first.plusMonths(1), from, to);
        boolean lastWhole = first.equals(last) ? firstWhole : coveredWhole(last, last.plusMonths(1), from, to);
        if (first.equals(last)) {
            return firstWhole ? withYears(first, first, none, noneTo, none, noneTo, from, to)
                    : new Period(none, noneTo, from, to, none, noneTo, none, noneTo, none, noneTo, none, noneTo);
        }
        LocalDate monthsFrom = firstWhole ? first : first.plusMonths(1);
        LocalDate monthsTo = lastWhole ? last : last.minusMonths(1);
        return withYears(monthsFrom, monthsTo, firstWhole ? none : from,
                firstWhole ? noneTo : first.plusMonths(1).minusDays(1), lastWhole ? none : last, lastWhole ? noneTo : to,
                from, to);
    }

    /**
     * The whole months {@code monthsFrom}..{@code monthsTo} as whole years (those whose ledger days all lie between
     * {@code from} and {@code to}: every year strictly inside, and the first and last one after a look-up each) and
     * the months before and after them.
     */
    private Period withYears(LocalDate monthsFrom, LocalDate monthsTo, LocalDate headFrom, LocalDate headTo,
            LocalDate tailFrom, LocalDate tailTo, LocalDate from, LocalDate to) {
        LocalDate none = Period.NONE_FROM;
        LocalDate noneTo = Period.NONE_TO;
        if (monthsFrom.isAfter(monthsTo)) {
            return new Period(monthsFrom, monthsTo, headFrom, headTo, tailFrom, tailTo, none, noneTo, none, noneTo,
                    none, noneTo);
        }
        LocalDate firstYear = monthsFrom.withDayOfYear(1);
        LocalDate lastYear = monthsTo.withDayOfYear(1);
        LocalDate yearsFrom = coveredWhole(firstYear, firstYear.plusYears(1), from, to) ? firstYear : firstYear.plusYears(1);
        LocalDate yearsTo = lastYear.equals(firstYear) ? (yearsFrom.equals(firstYear) ? lastYear : lastYear.minusYears(1))
                : coveredWhole(lastYear, lastYear.plusYears(1), from, to) ? lastYear : lastYear.minusYears(1);
        if (yearsFrom.isAfter(yearsTo)) {
            return new Period(monthsFrom, monthsTo, headFrom, headTo, tailFrom, tailTo, none, noneTo, monthsFrom,
                    monthsTo, none, noneTo);
        }
        // a whole year's ledger months all lie in monthsFrom..monthsTo: the months around the years are the rest
        LocalDate beforeTo = yearsFrom.minusMonths(1);
        LocalDate afterFrom = yearsTo.plusYears(1);
        return new Period(monthsFrom, monthsTo, headFrom, headTo, tailFrom, tailTo, yearsFrom, yearsTo,
                monthsFrom.isAfter(beforeTo) ? none : monthsFrom, monthsFrom.isAfter(beforeTo) ? noneTo : beforeTo,
                afterFrom.isAfter(monthsTo) ? none : afterFrom, afterFrom.isAfter(monthsTo) ? noneTo : monthsTo);
    }

    /**
     * Whether every ledger day from {@code start} (inclusive) to {@code next} (exclusive) lies between {@code from}
     * and {@code to} (two index look-ups unless the period covers the whole span).
     */
    private boolean coveredWhole(LocalDate start, LocalDate next, LocalDate from, LocalDate to) {
        if (!from.isAfter(start) && !to.isBefore(next.minusDays(1))) {
            return true;
        }
        return jdbc.sql("""
                select coalesce(min(day) >= :from and max(day) <= :to, true) from savings_ledger_day
                where day >= :start and day < :next""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .param("start", Date.valueOf(start)).param("next", Date.valueOf(next))
                .query(Boolean.class).single();
    }

    /** Totals per group between two days (inclusive), largest net saving first. */
    public List<SavingsGroup> groups(String groupBy, LocalDate from, LocalDate to, SavingsScope scope) {
        String key = GROUPS.get(groupBy);
        if (key == null) {
            throw new IllegalArgumentException("unknown group " + groupBy);
        }
        String order = groupBy.equals("month") ? "key" : "net desc, key";
        String source = scoped(groupBy.equals("endpoint") ? PERIOD : PERIOD_GROUPS, scope);
        Supplier<List<SavingsGroup>> read = () -> List.copyOf(bind(period(from, to).bind(jdbc.sql("select " + key
                + " as key, " + SUMS + " from " + source + " group by 1 order by " + order)), scope)
                .query((rs, n) -> group(rs, groupBy)).list());
        return groupBy.equals("endpoint") ? withWorkMem(read) : read.get();
    }

    /**
     * One page of {@link #groups}: the groups from {@code offset} on, at most {@code limit}, and how many groups the
     * grouping has (counted in the same statement; a second one only for a page past the end).
     */
    public SavingsGroup.Page groups(String groupBy, LocalDate from, LocalDate to, long offset, int limit,
            SavingsScope scope) {
        String key = GROUPS.get(groupBy);
        if (key == null) {
            throw new IllegalArgumentException("unknown group " + groupBy);
        }
        String order = groupBy.equals("month") ? "key" : "net desc, key";
        String source = scoped(groupBy.equals("endpoint") ? PERIOD : PERIOD_GROUPS, scope);
        return groupBy.equals("endpoint") ? withWorkMem(() -> page(groupBy, key, order, source, from, to, offset,
                limit, scope)) : page(groupBy, key, order, source, from, to, offset, limit, scope);
    }

    private SavingsGroup.Page page(String groupBy, String key, String order, String source, LocalDate from,
            LocalDate to, long offset, int limit, SavingsScope scope) {
        long[] count = {-1};
        List<SavingsGroup> groups = bind(period(from, to).bind(jdbc.sql("select " + key + " as key, " + SUMS
                + ", count(*) over () as group_count from " + source + " group by 1 order by " + order
                + " limit :limit offset :offset")), scope).param("limit", limit).param("offset", offset)
                .query((rs, n) -> {
                    count[0] = rs.getLong("group_count");
                    return group(rs, groupBy);
                }).list();
        if (count[0] < 0) {
            count[0] = offset == 0 ? 0 : bind(period(from, to).bind(jdbc.sql("select count(*) from (select " + key
                    + " from " + source + " group by 1) g")), scope).query(Long.class).single();
        }
        return new SavingsGroup.Page(List.copyOf(groups), count[0]);
    }

    /** The groupings {@link #groupings} answers in one pass. */
    public static final Set<String> GROUPINGS = Set.of("team", "account", "region", "service");

    /**
     * Several of the groupings by team, account, region and service over one period, from one pass over the period
     * (grouping sets): each list as {@link #groups} answers it.
     */
    public Map<String, List<SavingsGroup>> groupings(List<String> groupBys, LocalDate from, LocalDate to,
            SavingsScope scope) {
        if (groupBys.isEmpty() || !GROUPINGS.containsAll(groupBys)) {
            throw new IllegalArgumentException("groupings of " + groupBys);
        }
        List<String> columns = groupBys.stream().map(GROUPS::get).toList();
        StringBuilder which = new StringBuilder("case");
        for (int i = 0; i < columns.size(); i++) {
            which.append(" when grouping(").append(columns.get(i)).append(") = 0 then ").append(i);
        }
        which.append(" end");
        Map<String, List<SavingsGroup>> result = new LinkedHashMap<>();
        groupBys.forEach(g -> result.put(g, new ArrayList<>()));
        bind(period(from, to).bind(jdbc.sql("select " + which + " as grouping, coalesce(" + String.join(", ", columns)
                + ") as key, " + SUMS + " from " + scoped(PERIOD_GROUPS, scope) + " group by grouping sets (("
                + String.join("), (", columns) + ")) order by 1, net desc, key")), scope)
                .query((ResultSet rs) -> {
                    String groupBy = groupBys.get(rs.getInt("grouping"));
                    result.get(groupBy).add(group(rs, groupBy));
                });
        result.replaceAll((groupBy, groups) -> List.copyOf(groups));
        return Collections.unmodifiableMap(result);
    }

    /** Totals over the period, as one group named "total". */
    public SavingsGroup total(LocalDate from, LocalDate to, SavingsScope scope) {
        return bind(period(from, to).bind(jdbc.sql("select 'total' as key, " + SUMS + " from "
                + scoped(PERIOD_GROUPS, scope))), scope).query((rs, n) -> group(rs)).single();
    }

    /** Endpoints by net saving, of the kinds given, with their service in the key ("vpce-… · service"). */
    public List<SavingsGroup> endpoints(LocalDate from, LocalDate to, boolean costingMoreThanSaving, int limit,
            SavingsScope scope) {
        EndpointRankings rankings = costingMoreThanSaving ? rankings(from, to, 0, limit, 0, scope)
                : rankings(from, to, limit, 0, 0, scope);
        return costingMoreThanSaving ? rankings.belowBreakEven() : rankings.top();
    }

    /**
     * The dashboard's per-resource lists from one pass over the period's resources (the period is summed per resource
     * once, into a materialized CTE of about one row per resource, which the four lists read): the {@code top}
     * endpoints with the largest net saving, the {@code below} that cost more than they saved (most negative first),
     * and the {@code nat} NAT gateways and VPCs with missed savings that paid the most NAT charges; ties by resource
     * id. Each list is ranked on one sum, then summed in full for the resources shown only.
     */
    public EndpointRankings rankings(LocalDate from, LocalDate to, int top, int below, int nat, SavingsScope scope) {
        return withWorkMem(() -> readRankings(from, to, top, below, nat, scope));
    }

    private EndpointRankings readRankings(LocalDate from, LocalDate to, int top, int below, int nat,
            SavingsScope scope) {
        List<Ranked> ranked = bind(period(from, to).bind(jdbc.sql("with period as materialized (select * from "
                + scoped(PERIOD, scope) + "), net as (select resource_id, sum(net_saving) as net from period "
                + "where kind in " + ENDPOINT_KINDS + """
                 group by resource_id),
                nat as (select resource_id, kind, sum(nat_cost) as nat from period where kind in ('NAT', 'MISSED')
                        group by resource_id, kind),
                ranked as (
                    select 1 as list, row_number() over (order by net desc, resource_id) as rank, resource_id
                    from (select * from net order by net desc, resource_id limit :top) t
                    union all
                    select 2, row_number() over (order by net asc, resource_id), resource_id
                    from (select * from net where net < 0 order by net asc, resource_id limit :below) b
                    union all
                    select 3, row_number() over (order by nat desc, resource_id), resource_id
                    from (select * from nat where kind = 'NAT' order by nat desc, resource_id limit :nat) n
                    union all
                    select 4, row_number() over (order by nat desc, resource_id), resource_id
                    from (select * from nat where kind = 'MISSED' order by nat desc, resource_id limit :nat) m)
                select r.list, r.rank, ledger.resource_id || ' · ' || case when r.list < 3
                       then max(ledger.service) || ' · ' || max(ledger.team_id)
                       else max(ledger.account_id) || ' · ' || max(ledger.region) end as key,""" + " " + SUMS + """
                , sum(ledger.bytes) as all_bytes
                from ranked r join period ledger on ledger.resource_id = r.resource_id
                 and case r.list when 3 then ledger.kind = 'NAT' when 4 then ledger.kind = 'MISSED'
                     else ledger.kind in""" + " " + ENDPOINT_KINDS + """
                 end
                group by r.list, r.rank, ledger.resource_id order by 1, 2""")), scope)
                .param("top", top).param("below", below).param("nat", nat)
                .query((rs, n) -> new Ranked(rs.getInt("list"), rs.getInt("list") < 3 ? group(rs)
                        : new SavingsGroup(rs.getString("key"), rs.getLong("all_bytes"),
                                rs.getBigDecimal("endpoint_cost"), rs.getBigDecimal("avoided"),
                                rs.getBigDecimal("net"), rs.getBigDecimal("nat"), rs.getBigDecimal("missed")))).list();
        return new EndpointRankings(list(ranked, 1), list(ranked, 2), list(ranked, 3), list(ranked, 4));
    }

    private static List<SavingsGroup> list(List<Ranked> ranked, int list) {
        return ranked.stream().filter(r -> r.list() == list).map(Ranked::group).toList();
    }

    private static final String ENDPOINT_KINDS = "('INTERFACE', 'GATEWAY_LOAD_BALANCER', 'GATEWAY')";

    private record Ranked(int list, SavingsGroup group) {
    }

    /** NAT gateways and VPCs by the NAT charges they still pay (MISSED: avoidable with a free gateway endpoint). */
    public List<SavingsGroup> natTraffic(LocalDate from, LocalDate to, LedgerKind kind, int limit, SavingsScope scope) {
        if (kind != LedgerKind.NAT && kind != LedgerKind.MISSED) {
            return List.of();
        }
        EndpointRankings lists = rankings(from, to, 0, 0, limit, scope);
        return kind == LedgerKind.NAT ? lists.natGateways() : lists.missed();
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
    public void rows(LocalDate from, LocalDate to, SavingsScope scope, Consumer<LedgerRow> sink) {
        String accounts = scope.everyAccount() ? "" : scope.accountIds().isEmpty() ? " and false"
                : " and account_id in (:scopeAccounts)";
        bind(jdbc.sql("select * from savings_ledger_day where day between :from and :to" + accounts
                + " order by day, resource_id"), scope)
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
    public BigDecimal missed(String accountId, String resourceId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select sum(nat_cost) from savings_ledger_day
                where resource_id = :id and account_id = :account and kind = 'MISSED' and day between :from and :to""")
                .param("id", resourceId).param("account", accountId).param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to)).query((rs, n) -> Optional.ofNullable(rs.getBigDecimal(1)))
                .single().orElse(null);
    }

    /** A resource's most recent {@code days} rows, newest first. */
    public List<LedgerRow> latest(String accountId, String resourceId, int days) {
        return jdbc.sql("select * from savings_ledger_day where resource_id = :id and account_id = :account "
                + "order by day desc limit :days").param("id", resourceId).param("account", accountId)
                .param("days", days).query((rs, n) -> row(rs)).list();
    }

    public LocalDate firstDay() {
        List<Date> first = jdbc.sql("select min(day) from savings_ledger_day").query((rs, n) -> rs.getDate(1)).list();
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
        return group(rs, null);
    }

    /** A group; in the grouping by service, whether it is a service or NAT gateway traffic. */
    private static SavingsGroup group(ResultSet rs, String groupBy) throws SQLException {
        return new SavingsGroup(rs.getString("key"), rs.getLong("bytes"), rs.getBigDecimal("endpoint_cost"),
                rs.getBigDecimal("avoided"), rs.getBigDecimal("net"), rs.getBigDecimal("nat"),
                rs.getBigDecimal("missed"), "service".equals(groupBy) ? rs.getString("kind_of_service") : null);
    }
}
