package io.vpcportal.savings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.DemoPortalTest;
import io.vpcportal.savings.internal.Ledger;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every rollup of the ledger (per month, per month without the resource, per year, the year-to-month sums per resource,
 * and the month-to-date sums per resource and per group) equals the same sums taken over the daily rows, computed here another way (a join, not the
 * window the ledger uses), after a realistic mix of writes: recorded history, a day collected again with other rows
 * (a resource gone, one moved to another team, one new), collection units of two accounts written by two writers at
 * once, and a price correction. Days of 2014 in eu-west-3 and eu-north-1 are written here, so the comparison looks at
 * them alone.
 */
@DemoPortalTest
class LedgerRollupExactnessIntegrationTests {

    static final long GIB = 1L << 30;
    static final String PRICES_2014 = """
            "FormatVersion","v1.0"
            "SKU","TermType","EffectiveDate","StartingRange","EndingRange","Unit","PricePerUnit","Currency","serviceCode","usageType","Region Code"
            "A","OnDemand","2014-01-01","0","Inf","GB","0.045","USD","AmazonEC2","EUW3-NatGateway-Bytes","eu-west-3"
            "B","OnDemand","2014-01-01","0","Inf","Hrs","0.010","USD","AmazonVPC","EUW3-VpcEndpoint-Hours","eu-west-3"
            "C","OnDemand","2014-01-01","0","1048576","GB","0.01","USD","AmazonVPC","EUW3-VpcEndpoint-Bytes","eu-west-3"
            "C","OnDemand","2014-01-01","1048576","Inf","GB","0.006","USD","AmazonVPC","EUW3-VpcEndpoint-Bytes","eu-west-3"
            "D","OnDemand","2014-01-01","0","Inf","GB","0.046","USD","AmazonEC2","EUN1-NatGateway-Bytes","eu-north-1"
            "E","OnDemand","2014-01-01","0","Inf","Hrs","0.011","USD","AmazonVPC","EUN1-VpcEndpoint-Hours","eu-north-1"
            "F","OnDemand","2014-01-01","0","Inf","GB","0.01","USD","AmazonVPC","EUN1-VpcEndpoint-Bytes","eu-north-1"
            """;
    static final String REGIONS = "('eu-west-3', 'eu-north-1')";

    @Autowired
    SavingsManagement savings;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyRollupEqualsTheSumsOfTheDailyRowsAfterAMixOfWrites() throws Exception {
        importPrices(PRICES_2014);
        // history of March to May, with gaps: a resource measured on some days only
        List<MeasuredDay> history = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2014, 3, 1); d.isBefore(LocalDate.of(2014, 6, 1)); d = d.plusDays(1)) {
            int n = d.getDayOfYear();
            history.add(day(d, "vpce-0ccccccccccccccc1", LedgerKind.INTERFACE, "exact-a", "444444444441", "eu-west-3",
                    (30 + n % 11) * GIB));
            history.add(day(d, "vpce-0ccccccccccccccc2", LedgerKind.GATEWAY, "exact-b", "444444444442", "eu-north-1",
                    (n % 5) * GIB));
            history.add(day(d, "nat-0ccccccccccccccc3", LedgerKind.NAT, "exact-b", "444444444442", "eu-west-3",
                    7 * GIB + n));
            if (d.getDayOfMonth() % 9 == 2) {
                history.add(day(d, "vpce-0ccccccccccccccc4", LedgerKind.INTERFACE, "exact-a", "444444444441",
                        "eu-north-1", 3 * GIB));
            }
        }
        savings.record(history);
        assertRollupsEqualTheDays();

        // April 14 collected again: resource 1 gone, resource 2 moved to another team, a new missed-savings row
        ledger.replaceDay(LocalDate.of(2014, 4, 14), List.of("444444444441", "444444444442"), List.of(
                day(LocalDate.of(2014, 4, 14), "vpce-0ccccccccccccccc2", LedgerKind.GATEWAY, "exact-c", "444444444442",
                        "eu-north-1", 900 * GIB),
                day(LocalDate.of(2014, 4, 14), "nat-0ccccccccccccccc3", LedgerKind.NAT, "exact-b", "444444444442",
                        "eu-west-3", GIB),
                day(LocalDate.of(2014, 4, 14), "vpc-0ccccccccccccccc5/S3", LedgerKind.MISSED, "exact-b",
                        "444444444442", "eu-west-3", 12 * GIB)));
        assertRollupsEqualTheDays();

        // a collection run of May 20 whose units (one per account and region) two writers write at once, then prices
        runTogether(
                () -> ledger.replaceDay(LocalDate.of(2014, 5, 20), "444444444441", "eu-west-3", List.of(
                        day(LocalDate.of(2014, 5, 20), "vpce-0ccccccccccccccc1", LedgerKind.INTERFACE, "exact-a",
                                "444444444441", "eu-west-3", 77 * GIB))),
                () -> ledger.replaceDay(LocalDate.of(2014, 5, 20), "444444444442", "eu-north-1", List.of(
                        day(LocalDate.of(2014, 5, 20), "vpce-0ccccccccccccccc2", LedgerKind.GATEWAY, "exact-b",
                                "444444444442", "eu-north-1", 5 * GIB),
                        day(LocalDate.of(2014, 5, 20), "vpce-0ccccccccccccccc6", LedgerKind.INTERFACE, "exact-b",
                                "444444444442", "eu-north-1", 6 * GIB))));
        ledger.repriceDay(LocalDate.of(2014, 5, 20));
        assertRollupsEqualTheDays();

        // two writers of the same months at once, each with a refresh of the rollups in its own transaction
        runTogether(
                () -> ledger.replaceDay(LocalDate.of(2014, 5, 3), List.of("444444444441"), List.of(
                        day(LocalDate.of(2014, 5, 3), "vpce-0ccccccccccccccc1", LedgerKind.INTERFACE, "exact-a",
                                "444444444441", "eu-west-3", 1_000 * GIB))),
                () -> ledger.replaceDay(LocalDate.of(2014, 5, 4), List.of("444444444442"), List.of(
                        day(LocalDate.of(2014, 5, 4), "vpce-0ccccccccccccccc2", LedgerKind.GATEWAY, "exact-d",
                                "444444444442", "eu-north-1", 2_000 * GIB))),
                () -> savings.record(List.of(day(LocalDate.of(2014, 3, 31), "vpce-0ccccccccccccccc4",
                        LedgerKind.INTERFACE, "exact-a", "444444444441", "eu-north-1", 40 * GIB))));
        assertRollupsEqualTheDays();

        // the NAT price of eu-west-3 was wrong: its months are priced again, and every rollup follows
        importPrices(PRICES_2014.replace("\"0.045\"", "\"0.052\""));
        assertRollupsEqualTheDays();
        assertThat(jdbc.sql("select count(*) from savings_ledger_month_to_date where region in " + REGIONS
                + " and day between '2014-03-01' and '2014-05-31'").query(Long.class).single())
                .as("month-to-date rows written").isGreaterThan(300);
    }

    private void runTogether(Runnable... writers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (Runnable w : writers) {
                done.add(pool.submit(() -> {
                    start.await();
                    w.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static final String SUMS = "count(*) as days, sum(x.bytes) as bytes, sum(x.endpoint_cost) as endpoint_cost, "
            + "sum(x.avoided_nat_cost) as avoided_nat_cost, sum(x.net_saving) as net_saving, sum(x.nat_cost) as nat_cost";
    private static final String VALUES = "days, bytes, endpoint_cost, avoided_nat_cost, net_saving, nat_cost";
    private static final String KEY = "region, account_id, resource_id, kind, team_id, service";
    private static final String GROUP_KEY = "region, account_id, kind, team_id, service";

    /** Month-to-date sums from the daily rows, by a join: every day from a resource's first day in a month to its end. */
    private static final String MONTH_TO_DATE = """
            select d.day::date as day, k.region, k.account_id, k.resource_id, k.kind, k.team_id, k.service, %s
            from (select region, account_id, resource_id, kind, team_id, service,
                         date_trunc('month', day)::date as month, min(day) as first_day
                  from savings_ledger_day where region in %s group by 1, 2, 3, 4, 5, 6, 7) k
            cross join generate_series(k.first_day, (k.month + interval '1 month' - interval '1 day')::date,
                                       interval '1 day') d(day)
            join savings_ledger_day x on x.region = k.region and x.account_id = k.account_id
                 and x.resource_id = k.resource_id and x.kind = k.kind and x.team_id = k.team_id
                 and x.service = k.service and x.day between k.month and d.day::date
            group by 1, 2, 3, 4, 5, 6, 7""".formatted(SUMS, REGIONS);

    /** Year-to-month sums from the daily rows, by a join: every month from a resource's first month in a year to December. */
    private static final String YEAR_TO_MONTH = """
            select m.month::date as month, k.region, k.account_id, k.resource_id, k.kind, k.team_id, k.service, %s
            from (select region, account_id, resource_id, kind, team_id, service,
                         date_trunc('year', day)::date as year, date_trunc('month', min(day))::date as first_month
                  from savings_ledger_day where region in %s group by 1, 2, 3, 4, 5, 6, 7) k
            cross join generate_series(k.first_month, (k.year + interval '11 months')::date, interval '1 month') m(month)
            join savings_ledger_day x on x.region = k.region and x.account_id = k.account_id
                 and x.resource_id = k.resource_id and x.kind = k.kind and x.team_id = k.team_id
                 and x.service = k.service and x.day >= k.year and x.day < m.month + interval '1 month'
            group by 1, 2, 3, 4, 5, 6, 7""".formatted(SUMS, REGIONS);

    private void assertRollupsEqualTheDays() {
        String days = "savings_ledger_day x where region in " + REGIONS;
        assertSame("savings_ledger_month", "select month, " + KEY + ", " + VALUES + " from savings_ledger_month where region in "
                + REGIONS, "select date_trunc('month', day)::date, " + KEY + ", " + SUMS + " from " + days
                + " group by 1, 2, 3, 4, 5, 6, 7");
        assertSame("savings_ledger_month_group", "select month, " + GROUP_KEY + ", " + VALUES
                + " from savings_ledger_month_group where region in " + REGIONS, "select date_trunc('month', day)::date, "
                + GROUP_KEY + ", " + SUMS + " from " + days + " group by 1, 2, 3, 4, 5, 6");
        assertSame("savings_ledger_year", "select year, " + KEY + ", " + VALUES + " from savings_ledger_year where region in "
                + REGIONS, "select date_trunc('year', day)::date, " + KEY + ", " + SUMS + " from " + days
                + " group by 1, 2, 3, 4, 5, 6, 7");
        assertSame("savings_ledger_year_to_month", "select month, " + KEY + ", " + VALUES
                + " from savings_ledger_year_to_month where region in " + REGIONS, YEAR_TO_MONTH);
        assertSame("savings_ledger_month_to_date", "select day, " + KEY + ", " + VALUES
                + " from savings_ledger_month_to_date where region in " + REGIONS, MONTH_TO_DATE);
        assertSame("savings_ledger_month_to_date_group", "select day, " + GROUP_KEY + ", " + VALUES
                + " from savings_ledger_month_to_date_group where region in " + REGIONS, "select day, " + GROUP_KEY
                + ", sum(days), sum(bytes), sum(endpoint_cost), sum(avoided_nat_cost), sum(net_saving), sum(nat_cost) from ("
                + MONTH_TO_DATE + ") m group by 1, 2, 3, 4, 5, 6");
    }

    /** Both directions of the difference are empty (numeric equality: 1.50 equals 1.5). */
    private void assertSame(String rollup, String stored, String fromDays) {
        assertThat(jdbc.sql("select count(*) from (" + stored + ") s").query(Long.class).single())
                .as(rollup + " has rows").isPositive();
        assertThat(jdbc.sql("(" + stored + ") except (" + fromDays + ")").query((rs, n) -> rs.getString(1) + " "
                + rs.getString(2) + " " + rs.getString(4)).list()).as(rollup + " rows the daily rows do not give").isEmpty();
        assertThat(jdbc.sql("(" + fromDays + ") except (" + stored + ")").query((rs, n) -> rs.getString(1) + " "
                + rs.getString(2) + " " + rs.getString(4)).list()).as(rollup + " rows missing").isEmpty();
    }

    private static MeasuredDay day(LocalDate day, String id, LedgerKind kind, String team, String account,
            String region, long bytes) {
        String service = switch (kind) {
            case GATEWAY, MISSED -> "com.amazonaws." + region + ".s3";
            case NAT -> "NAT gateway";
            default -> "com.amazonaws." + region + ".glue";
        };
        return new MeasuredDay(day, id, kind, null, team, account, region, "vpc-0ccccccccccccccc0", service,
                kind == LedgerKind.INTERFACE ? 2 : 0, bytes);
    }

    private void importPrices(String offerFile) {
        savings.importPrices(new ByteArrayInputStream(offerFile.getBytes(StandardCharsets.UTF_8)), "test 2014", true);
    }
}
