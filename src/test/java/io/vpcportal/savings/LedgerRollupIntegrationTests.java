package io.vpcportal.savings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.DemoPortalTest;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's figures come from the yearly rollup (per resource) for whole years, the monthly rollups for the
 * other whole months and from the month-to-date sums for the days of months covered in part: every
 * grouping, over periods that start and end on month boundaries or inside months, equals the same sums taken over the
 * daily rows alone; and stays equal after days are recorded again and after a price correction prices them again.
 * Days of 2017 in eu-west-3 are written here, so nothing else in the shared database is touched (the reference sums
 * see the same rows as the portal, whatever else is in the ledger).
 */
@DemoPortalTest
class LedgerRollupIntegrationTests {

    static final long GIB = 1L << 30;
    static final String HEADER = """
            "FormatVersion","v1.0"
            "SKU","TermType","EffectiveDate","StartingRange","EndingRange","Unit","PricePerUnit","Currency","serviceCode","usageType","Region Code"
            """;
    static final String PRICES_2017 = """
            "A","OnDemand","2016-11-01","0","Inf","GB","0.045","USD","AmazonEC2","EUW3-NatGateway-Bytes","eu-west-3"
            "B","OnDemand","2016-11-01","0","Inf","Hrs","0.010","USD","AmazonVPC","EUW3-VpcEndpoint-Hours","eu-west-3"
            "C","OnDemand","2016-11-01","0","1048576","GB","0.01","USD","AmazonVPC","EUW3-VpcEndpoint-Bytes","eu-west-3"
            "C","OnDemand","2016-11-01","1048576","Inf","GB","0.006","USD","AmazonVPC","EUW3-VpcEndpoint-Bytes","eu-west-3"
            "A","OnDemand","2017-01-01","0","Inf","GB","0.045","USD","AmazonEC2","EUW3-NatGateway-Bytes","eu-west-3"
            "B","OnDemand","2017-01-01","0","Inf","Hrs","0.010","USD","AmazonVPC","EUW3-VpcEndpoint-Hours","eu-west-3"
            "C","OnDemand","2017-01-01","0","1048576","GB","0.01","USD","AmazonVPC","EUW3-VpcEndpoint-Bytes","eu-west-3"
            "C","OnDemand","2017-01-01","1048576","Inf","GB","0.006","USD","AmazonVPC","EUW3-VpcEndpoint-Bytes","eu-west-3"
            """;

    /**
     * Periods: whole months, a month in part, runs across month ends, one day, and beyond the ledger's days; whole
     * years (2017: every ledger day of it in the period, read from the yearly rollup by resource) alone, with months
     * before them (2016's December, its November outside), with days before them, and with months after them.
     */
    static final List<LocalDate[]> PERIODS = List.of(
            period("2016-11-01", "2017-12-31"), period("2016-12-01", "2017-06-30"), period("2016-12-10", "2017-03-31"),
            period("2016-11-01", "2017-02-28"), period("2017-01-01", "2017-12-31"), period("2016-01-01", "2016-12-31"),
            period("2016-11-20", "2017-03-31"), period("2017-01-01", "2017-04-30"),
            period("2017-01-01", "2017-03-31"), period("2017-01-15", "2017-03-10"), period("2017-02-01", "2017-02-28"),
            period("2017-02-03", "2017-02-20"), period("2017-01-20", "2017-02-28"), period("2017-02-01", "2017-03-15"),
            period("2017-03-07", "2017-03-07"), period("2016-12-01", "2017-04-30"), period("2016-12-20", "2017-01-31"),
            period("2017-03-01", "2017-06-30"),
            // two months in part each (the last 30 days on most days of a month), and runs of days inside one month
            // in which the sparse endpoint has no rows although it has some earlier in the same month
            period("2017-01-20", "2017-02-10"), period("2017-02-16", "2017-03-15"), period("2017-01-06", "2017-01-27"),
            period("2017-01-29", "2017-02-02"), period("2017-03-29", "2017-03-31"),
            // whole months in two years of which neither is whole: one run of months cut at the year end
            period("2016-12-01", "2017-02-28"));

    @Autowired
    SavingsManagement savings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void dashboardSumsFromTheMonthlyRollupEqualTheSumsOfTheDaysBeforeAndAfterRecordingAndRepricing() {
        importPrices(PRICES_2017);
        List<MeasuredDay> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2017, 1, 1); d.isBefore(LocalDate.of(2017, 4, 1)); d = d.plusDays(1)) {
            int n = d.getDayOfYear();
            days.add(day(d, "vpce-0bbbbbbbbbbbbbbb1", LedgerKind.INTERFACE, "rollup-a", "333333333331", 2, (40 + n % 7) * GIB));
            days.add(day(d, "vpce-0bbbbbbbbbbbbbbb2", LedgerKind.INTERFACE, "rollup-b", "333333333332", 1, n % 3 * GIB / 10));
            days.add(day(d, "vpce-0bbbbbbbbbbbbbbb3", LedgerKind.GATEWAY, "rollup-a", "333333333331", 0, (100 + n) * GIB));
            days.add(day(d, "nat-0bbbbbbbbbbbbbbb4", LedgerKind.NAT, "rollup-b", "333333333332", 0, 7 * n * GIB));
            days.add(day(d, "vpc-0bbbbbbbbbbbbbbb5", LedgerKind.MISSED, "rollup-b", "333333333332", 0, 3 * GIB));
            if (d.getDayOfMonth() == 3 || d.getDayOfMonth() == 5 || d.getDayOfMonth() == 28) {
                days.add(day(d, "vpce-0bbbbbbbbbbbbbbb6", LedgerKind.INTERFACE, "rollup-d", "333333333331", 1,
                        (n % 4) * GIB));
            }
        }
        int days2017 = days.size();
        // November and December 2016 of two of them: a year before, covered whole only by periods from November
        for (LocalDate d = LocalDate.of(2016, 11, 1); d.isBefore(LocalDate.of(2017, 1, 1)); d = d.plusDays(1)) {
            days.add(day(d, "vpce-0bbbbbbbbbbbbbbb1", LedgerKind.INTERFACE, "rollup-a", "333333333331", 2, 9 * GIB));
            days.add(day(d, "nat-0bbbbbbbbbbbbbbb4", LedgerKind.NAT, "rollup-b", "333333333332", 0, 11 * GIB));
        }
        savings.record(days);
        assertThat(jdbc.sql("select sum(days) from savings_ledger_month where month between '2017-01-01' and '2017-03-01'")
                .query(Long.class).single()).isEqualTo(days2017);
        assertThat(jdbc.sql("select sum(days) from savings_ledger_year where year in ('2016-01-01', '2017-01-01')")
                .query(Long.class).single()).isEqualTo(days.size());
        assertSameAsTheDays();
        BigDecimal before = savings.total(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 3, 31)).netSaving();

        // a day recorded again with other bytes, and a resource whose February moves to another team
        savings.record(List.of(day(LocalDate.of(2017, 2, 14), "vpce-0bbbbbbbbbbbbbbb3", LedgerKind.GATEWAY, "rollup-a",
                "333333333331", 0, 5_000 * GIB)));
        List<MeasuredDay> moved = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2017, 2, 1); d.isBefore(LocalDate.of(2017, 3, 1)); d = d.plusDays(1)) {
            moved.add(day(d, "vpce-0bbbbbbbbbbbbbbb2", LedgerKind.INTERFACE, "rollup-c", "333333333332", 1, GIB));
        }
        savings.record(moved);
        assertSameAsTheDays();
        BigDecimal recorded = savings.total(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 3, 31)).netSaving();
        assertThat(recorded).isNotEqualByComparingTo(before);

        // the NAT price of 2017 was wrong: every day is priced again, and the rollup follows
        importPrices(PRICES_2017.replace("\"0.045\"", "\"0.050\""));
        assertSameAsTheDays();
        assertThat(savings.total(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 3, 31)).netSaving())
                .isNotEqualByComparingTo(recorded);
        assertThat(savings.endpoints(LocalDate.of(2017, 2, 1), LocalDate.of(2017, 2, 28), false, 50))
                .extracting(SavingsGroup::key).contains("vpce-0bbbbbbbbbbbbbbb2 · com.amazonaws.eu-west-3.glue · rollup-c");
    }

    private void assertSameAsTheDays() {
        for (LocalDate[] p : PERIODS) {
            LocalDate from = p[0];
            LocalDate to = p[1];
            String at = from + ".." + to;
            for (Map.Entry<String, String> g : Map.of("team", "team_id", "account", "account_id", "region", "region",
                    "service", "service", "month", "to_char(day, 'YYYY-MM')", "endpoint", "resource_id").entrySet()) {
                assertThat(savings.groups(g.getKey(), from, to)).as(g.getKey() + " " + at)
                        .usingRecursiveFieldByFieldElementComparator(BIG_DECIMALS)
                        .containsExactlyElementsOf(groups(g.getKey(), g.getValue(), from, to));
            }
            // the dashboard's groupings by team, account and service from one pass (grouping sets)
            Map<String, List<SavingsGroup>> together = savings.groupings(List.of("service", "team", "account", "region"),
                    from, to);
            assertThat(together).containsOnlyKeys("service", "team", "account", "region");
            for (Map.Entry<String, String> g : Map.of("team", "team_id", "account", "account_id", "region", "region",
                    "service", "service").entrySet()) {
                assertThat(together.get(g.getKey())).as("together " + g.getKey() + " " + at)
                        .usingRecursiveFieldByFieldElementComparator(BIG_DECIMALS)
                        .containsExactlyElementsOf(groups(g.getKey(), g.getValue(), from, to));
            }
            assertThat(savings.total(from, to)).as("total " + at).usingRecursiveComparison(BIG_DECIMALS)
                    .isEqualTo(total(from, to));
            for (boolean below : new boolean[] {false, true}) {
                assertThat(savings.endpoints(from, to, below, 50)).as("endpoints " + below + " " + at)
                        .usingRecursiveFieldByFieldElementComparator(BIG_DECIMALS)
                        .containsExactlyElementsOf(endpoints(from, to, below));
            }
            // the dashboard's two lists from one read, with their own limits
            EndpointRankings rankings = savings.endpointRankings(from, to, 2, 1);
            List<SavingsGroup> top = endpoints(from, to, false);
            List<SavingsGroup> below = endpoints(from, to, true);
            assertThat(rankings.top()).as("top " + at).usingRecursiveFieldByFieldElementComparator(BIG_DECIMALS)
                    .containsExactlyElementsOf(top.subList(0, Math.min(2, top.size())));
            assertThat(rankings.belowBreakEven()).as("below break-even " + at)
                    .usingRecursiveFieldByFieldElementComparator(BIG_DECIMALS)
                    .containsExactlyElementsOf(below.subList(0, Math.min(1, below.size())));
            for (LedgerKind kind : List.of(LedgerKind.NAT, LedgerKind.MISSED)) {
                assertThat(savings.natTraffic(from, to, kind, 50)).as(kind + " " + at)
                        .usingRecursiveFieldByFieldElementComparator(BIG_DECIMALS)
                        .containsExactlyElementsOf(natTraffic(from, to, kind));
            }
            // the page's four per-resource lists from one read, each with its own limit
            EndpointRankings lists = savings.resourceRankings(from, to, 1, 2, 1, SavingsScope.EVERY_ACCOUNT);
            assertThat(lists.top()).as("page top " + at).usingRecursiveFieldByFieldElementComparator(BIG_DECIMALS)
                    .containsExactlyElementsOf(top.subList(0, Math.min(1, top.size())));
            assertThat(lists.belowBreakEven()).as("page below break-even " + at)
                    .usingRecursiveFieldByFieldElementComparator(BIG_DECIMALS)
                    .containsExactlyElementsOf(below.subList(0, Math.min(2, below.size())));
            List<SavingsGroup> nat = natTraffic(from, to, LedgerKind.NAT);
            List<SavingsGroup> missed = natTraffic(from, to, LedgerKind.MISSED);
            assertThat(lists.natGateways()).as("page NAT " + at).usingRecursiveFieldByFieldElementComparator(BIG_DECIMALS)
                    .containsExactlyElementsOf(nat.subList(0, Math.min(1, nat.size())));
            assertThat(lists.missed()).as("page missed " + at).usingRecursiveFieldByFieldElementComparator(BIG_DECIMALS)
                    .containsExactlyElementsOf(missed.subList(0, Math.min(1, missed.size())));
            assertPagesSameAsTheDays(from, to, at);
        }
    }

    /** Every grouping read in pages of two: the pages in turn are the whole grouping, with its group count. */
    private void assertPagesSameAsTheDays(LocalDate from, LocalDate to, String at) {
        for (Map.Entry<String, String> g : Map.of("team", "team_id", "account", "account_id", "region", "region",
                "service", "service", "month", "to_char(day, 'YYYY-MM')", "endpoint", "resource_id").entrySet()) {
            List<SavingsGroup> all = groups(g.getKey(), g.getValue(), from, to);
            List<SavingsGroup> paged = new ArrayList<>();
            for (int offset = 0; offset <= all.size(); offset += 2) {
                SavingsGroup.Page page = savings.groups(g.getKey(), from, to, offset, 2, SavingsScope.EVERY_ACCOUNT);
                assertThat(page.groupCount()).as("group count " + g.getKey() + " " + at + " at " + offset)
                        .isEqualTo(all.size());
                assertThat(page.groups()).hasSize(Math.min(2, all.size() - offset));
                paged.addAll(page.groups());
            }
            assertThat(paged).as("pages of " + g.getKey() + " " + at)
                    .usingRecursiveFieldByFieldElementComparator(BIG_DECIMALS).containsExactlyElementsOf(all);
        }
    }

    static final RecursiveComparisonConfiguration BIG_DECIMALS = RecursiveComparisonConfiguration.builder()
            .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build();

    // The reference: the dashboard's sums over the daily rows alone, as they were before the rollup.

    private static final String SUMS = """
            coalesce(sum(bytes) filter (where kind in ('INTERFACE', 'GATEWAY_LOAD_BALANCER', 'GATEWAY')), 0) as bytes,
            coalesce(sum(endpoint_cost), 0) as endpoint_cost, coalesce(sum(avoided_nat_cost), 0) as avoided,
            coalesce(sum(net_saving), 0) as net, coalesce(sum(nat_cost) filter (where kind = 'NAT'), 0) as nat,
            coalesce(sum(nat_cost) filter (where kind = 'MISSED'), 0) as missed""";

    private List<SavingsGroup> groups(String groupBy, String key, LocalDate from, LocalDate to) {
        String order = groupBy.equals("month") ? "key" : "net desc, key";
        // in the grouping by service, a group with any endpoint row is a service; one of NAT rows only is NAT traffic
        return jdbc.sql("select " + key + " as key, " + SUMS + ", bool_or(kind in ('INTERFACE', 'GATEWAY_LOAD_BALANCER',"
                + " 'GATEWAY')) as served from savings_ledger_day where day between :from and :to"
                + " group by 1 order by " + order).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> {
                    SavingsGroup g = group(rs, "bytes");
                    return !groupBy.equals("service") ? g : new SavingsGroup(g.key(), g.bytes(), g.endpointCost(),
                            g.avoidedNatCost(), g.netSaving(), g.natCost(), g.missedSaving(),
                            rs.getBoolean("served") ? SavingsGroup.SERVICE : SavingsGroup.NAT_GATEWAY);
                }).list();
    }

    private SavingsGroup total(LocalDate from, LocalDate to) {
        return jdbc.sql("select 'total' as key, " + SUMS + " from savings_ledger_day where day between :from and :to")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query((rs, n) -> group(rs, "bytes"))
                .single();
    }

    private List<SavingsGroup> endpoints(LocalDate from, LocalDate to, boolean below) {
        return jdbc.sql("select resource_id || ' · ' || max(service) || ' · ' || max(team_id) as key, " + SUMS + """
                 from savings_ledger_day
                where day between :from and :to and kind in ('INTERFACE', 'GATEWAY_LOAD_BALANCER', 'GATEWAY')
                group by resource_id having (:below = false or sum(net_saving) < 0)
                order by net """ + (below ? " asc" : " desc") + ", resource_id limit 50")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).param("below", below)
                .query((rs, n) -> group(rs, "bytes")).list();
    }

    private List<SavingsGroup> natTraffic(LocalDate from, LocalDate to, LedgerKind kind) {
        return jdbc.sql("select resource_id || ' · ' || max(account_id) || ' · ' || max(region) as key, " + SUMS + """
                , sum(bytes) as all_bytes from savings_ledger_day where day between :from and :to and kind = :kind
                group by resource_id order by sum(nat_cost) desc, resource_id limit 50""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).param("kind", kind.name())
                .query((rs, n) -> group(rs, "all_bytes")).list();
    }

    private static SavingsGroup group(java.sql.ResultSet rs, String bytes) throws java.sql.SQLException {
        return new SavingsGroup(rs.getString("key"), rs.getLong(bytes), rs.getBigDecimal("endpoint_cost"),
                rs.getBigDecimal("avoided"), rs.getBigDecimal("net"), rs.getBigDecimal("nat"), rs.getBigDecimal("missed"));
    }

    private static LocalDate[] period(String from, String to) {
        return new LocalDate[] {LocalDate.parse(from), LocalDate.parse(to)};
    }

    private static MeasuredDay day(LocalDate day, String id, LedgerKind kind, String team, String account, int enis,
            long bytes) {
        String service = switch (kind) {
            case GATEWAY, MISSED -> "com.amazonaws.eu-west-3.s3";
            case NAT -> "NAT gateway";
            default -> "com.amazonaws.eu-west-3.glue";
        };
        return new MeasuredDay(day, id, kind, null, team, account, "eu-west-3", "vpc-0bbbbbbbbbbbbbbbb", service, enis,
                bytes);
    }

    private void importPrices(String rows) {
        savings.importPrices(new ByteArrayInputStream((HEADER + rows).getBytes(StandardCharsets.UTF_8)), "test 2017", true);
    }
}
