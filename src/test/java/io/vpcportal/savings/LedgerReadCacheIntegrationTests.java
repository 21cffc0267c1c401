package io.vpcportal.savings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.DemoPortalTest;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's reads of the ledger are kept per instance under the ledger's committed version: the overview (this
 * month, this year, since the start, the monthly trend, read as one pass over the months) equals the sums of the daily
 * rows of each period to the cent, a second read with no change in between is the kept answer, and a change is seen by
 * the very next read whoever makes it: the portal's own ledger write, or a statement from outside the portal (another
 * instance, an operator with psql), which no in-process notification could announce.
 */
@DemoPortalTest
class LedgerReadCacheIntegrationTests {

    static final long GIB = 1L << 30;
    static final String A = "777777777771";
    static final String B = "777777777772";
    static final SavingsScope SCOPE = new SavingsScope(Set.of(A, B));

    @Autowired
    SavingsManagement savings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOverviewEqualsTheDailySumsOfEachPeriodAndAChangeFromAnywhereIsSeenAtOnce() {
        LocalDate today = savings.today();
        List<MeasuredDay> days = new ArrayList<>();
        // 400 days to yesterday: more than the trend's twelve months, starting in the middle of a month
        for (LocalDate d = today.minusDays(400); d.isBefore(today); d = d.plusDays(1)) {
            int n = d.getDayOfYear();
            days.add(day(d, "vpce-0ddddddddddddddd1", LedgerKind.INTERFACE, A, (20 + n % 13) * GIB));
            days.add(day(d, "nat-0ddddddddddddddd2", LedgerKind.NAT, B, (5 + n % 3) * GIB));
            if (n % 4 == 0) {
                days.add(day(d, "vpc-0ddddddddddddddd0/S3", LedgerKind.MISSED, B, 2 * GIB));
            }
        }
        savings.record(days);

        SavingsManagement.Overview overview = savings.overview(SCOPE);
        assertEqualsDays("this month", overview.thisMonth(), today.withDayOfMonth(1), today);
        assertEqualsDays("this year", overview.thisYear(), today.withDayOfYear(1), today);
        assertThat(overview.firstDay()).isEqualTo(savings.firstLedgerDay());
        assertEqualsDays("since the start", overview.sinceStart(), overview.firstDay(), today);
        LocalDate trendFrom = today.withDayOfMonth(1).minusMonths(11);
        assertThat(overview.months()).extracting(SavingsGroup::key)
                .containsExactlyElementsOf(trendFrom.datesUntil(today.plusDays(1))
                        .map(d -> d.toString().substring(0, 7)).distinct().toList());
        for (SavingsGroup month : overview.months()) {
            LocalDate first = LocalDate.parse(month.key() + "-01");
            LocalDate last = first.plusMonths(1).minusDays(1);
            assertEqualsDays(month.key(), month, first, last.isAfter(today) ? today : last);
        }
        assertThat(overview.sinceStart().netSaving()).isNotZero();

        // no change in between: the kept answers (unless something else wrote the ledger meanwhile)
        LocalDate from = today.minusMonths(2);
        long version = ledgerVersion();
        Map<String, List<SavingsGroup>> groupings = savings.groupings(List.of("team", "account"), from, today, SCOPE);
        SavingsGroup.Page page = savings.groups("endpoint", from, today, 0, 100, SCOPE);
        EndpointRankings rankings = savings.resourceRankings(from, today, 10, 20, 20, SCOPE);
        if (ledgerVersion() == version) {
            assertThat(savings.overview(SCOPE)).isSameAs(overview);
            assertThat(savings.groupings(List.of("team", "account"), from, today, SCOPE)).isSameAs(groupings);
            assertThat(savings.groups("endpoint", from, today, 0, 100, SCOPE)).isSameAs(page);
            assertThat(savings.resourceRankings(from, today, 10, 20, 20, SCOPE)).isSameAs(rankings);
        }

        // the portal writes the ledger: a new endpoint's day is in every answer at once
        savings.record(List.of(day(today.minusDays(1), "vpce-0ddddddddddddddd3", LedgerKind.INTERFACE, A, 900 * GIB)));
        assertThat(ledgerVersion()).isGreaterThan(version);
        assertEqualsDays("since the start, after a write", savings.overview(SCOPE).sinceStart(), overview.firstDay(),
                today);
        assertThat(savings.groups("endpoint", from, today, 0, 100, SCOPE).groups()).extracting(SavingsGroup::key)
                .contains("vpce-0ddddddddddddddd3");
        assertThat(savings.resourceRankings(from, today, 10, 20, 20, SCOPE).top()).first()
                .satisfies(top -> assertThat(top.key()).startsWith("vpce-0ddddddddddddddd3"));

        // a statement from outside the portal: a whole month's rollup row changed by hand moves the sums at once
        LocalDate wholeMonth = today.withDayOfMonth(1).minusMonths(3);
        BigDecimal before = savings.overview(SCOPE).sinceStart().netSaving();
        assertThat(jdbc.sql("""
                update savings_ledger_month_group set net_saving = net_saving + 1000
                where account_id = :a and month = :month and kind = 'INTERFACE'""")
                .param("a", A).param("month", Date.valueOf(wholeMonth)).update()).isEqualTo(1);
        try {
            assertThat(savings.overview(SCOPE).sinceStart().netSaving())
                    .isEqualByComparingTo(before.add(BigDecimal.valueOf(1000)));
        } finally {
            jdbc.sql("""
                    update savings_ledger_month_group set net_saving = net_saving - 1000
                    where account_id = :a and month = :month and kind = 'INTERFACE'""")
                    .param("a", A).param("month", Date.valueOf(wholeMonth)).update();
        }
        assertThat(savings.overview(SCOPE).sinceStart().netSaving()).isEqualByComparingTo(before);
    }

    private long ledgerVersion() {
        return jdbc.sql("select version from reference_version where name = 'savings'").query(Long.class).single();
    }

    /** {@code group} holds the sums of the scope's daily rows from {@code from} to {@code to}, to the cent. */
    private void assertEqualsDays(String what, SavingsGroup group, LocalDate from, LocalDate to) {
        SavingsGroup days = jdbc.sql("""
                select coalesce(sum(bytes) filter (where kind in ('INTERFACE', 'GATEWAY_LOAD_BALANCER', 'GATEWAY')), 0),
                       coalesce(sum(endpoint_cost), 0), coalesce(sum(avoided_nat_cost), 0), coalesce(sum(net_saving), 0),
                       coalesce(sum(nat_cost) filter (where kind = 'NAT'), 0),
                       coalesce(sum(nat_cost) filter (where kind = 'MISSED'), 0)
                from savings_ledger_day where account_id in (:a, :b) and day between :from and :to""")
                .param("a", A).param("b", B).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new SavingsGroup("total", rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6))).single();
        assertThat(group.bytes()).as(what + ": bytes").isEqualTo(days.bytes());
        assertThat(group.endpointCost()).as(what + ": endpoint cost").isEqualByComparingTo(days.endpointCost());
        assertThat(group.avoidedNatCost()).as(what + ": avoided").isEqualByComparingTo(days.avoidedNatCost());
        assertThat(group.netSaving()).as(what + ": net").isEqualByComparingTo(days.netSaving());
        assertThat(group.natCost()).as(what + ": NAT").isEqualByComparingTo(days.natCost());
        assertThat(group.missedSaving()).as(what + ": missed").isEqualByComparingTo(days.missedSaving());
    }

    private static MeasuredDay day(LocalDate day, String id, LedgerKind kind, String account, long bytes) {
        String service = switch (kind) {
            case MISSED -> "com.amazonaws.us-east-1.s3";
            case NAT -> "NAT gateway";
            default -> "com.amazonaws.us-east-1.glue";
        };
        return new MeasuredDay(day, id, kind, null, "cache-team", account, "us-east-1", "vpc-0ddddddddddddddd0",
                service, kind == LedgerKind.INTERFACE ? 2 : 0, bytes);
    }
}
