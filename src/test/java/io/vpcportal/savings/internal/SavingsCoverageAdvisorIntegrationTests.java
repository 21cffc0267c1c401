package io.vpcportal.savings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.DemoPortalTest;
import io.vpcportal.inventory.CoverageAdvisor;
import io.vpcportal.inventory.EndpointSummary;
import io.vpcportal.inventory.Recommendation;
import io.vpcportal.inventory.VpcCoverage;
import io.vpcportal.savings.LedgerKind;
import io.vpcportal.savings.MeasuredDay;
import io.vpcportal.savings.SavingsManagement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The savings module's advice on the inventory's coverage, from ledger rows recorded in the shared demo database
 * (an account of its own, so the demo's rows do not count): missed savings on the missing gateway endpoint, an idle
 * interface endpoint and one below break-even, priced with the shipped eu-west-1 prices (NAT GB 0.048, ENI-hour
 * 0.011, interface GB 0.01).
 */
@DemoPortalTest
class SavingsCoverageAdvisorIntegrationTests {

    static final long GIB = 1L << 30;
    static final String ACCOUNT = "246813579024";

    @Autowired
    List<CoverageAdvisor> advisors;

    @Autowired
    SavingsManagement savings;

    @Test
    void missedSavingsIdleEndpointsAndEndpointsBelowBreakEvenGetTheirDollars() {
        String vpc = "vpc-0a0d0e0f000000a01";
        LocalDate today = savings.today();
        List<MeasuredDay> days = new ArrayList<>();
        for (int d = 1; d <= 30; d++) {
            LocalDate day = today.minusDays(d);
            days.add(row(day, vpc + "/S3", LedgerKind.MISSED, vpc, "s3 via NAT", 0, GIB));
            days.add(row(day, "vpce-0a0d0e0f0000001d1", LedgerKind.INTERFACE, vpc, "com.amazonaws.eu-west-1.sts", 2, 0));
            if (d <= 10) {
                days.add(row(day, "vpce-0a0d0e0f0000010w1", LedgerKind.INTERFACE, vpc, "com.amazonaws.eu-west-1.glue", 1, GIB));
                days.add(row(day, "vpce-0a0d0e0f00000b5y1", LedgerKind.INTERFACE, vpc, "com.amazonaws.eu-west-1.kms", 1, 100 * GIB));
            }
        }
        // 29 days only: not yet 30 collected days without bytes
        for (int d = 1; d <= 29; d++) {
            days.add(row(today.minusDays(d), "vpce-0a0d0e0f000000new", LedgerKind.INTERFACE, vpc, "com.amazonaws.eu-west-1.ssm", 1, 0));
        }
        savings.record(days);
        VpcCoverage coverage = new VpcCoverage(vpc, ACCOUNT, "eu-west-1", "advised", false, List.of("nat-0a0d0e0f000000a01"),
                List.of(endpoint("vpce-0a0d0e0f0000001d1", vpc, "sts"), endpoint("vpce-0a0d0e0f0000010w1", vpc, "glue"),
                        endpoint("vpce-0a0d0e0f00000b5y1", vpc, "kms"), endpoint("vpce-0a0d0e0f000000new", vpc, "ssm")),
                List.of(), List.of());
        List<Recommendation> sofar = List.of(
                new Recommendation("MISSING_S3_GATEWAY", ACCOUNT, "eu-west-1", vpc, "S3 via NAT", "s3-gateway", "/requests/new"),
                new Recommendation("MISSING_DYNAMODB_GATEWAY", ACCOUNT, "eu-west-1", vpc, "DynamoDB via NAT",
                        "dynamodb-gateway", "/requests/new"));

        CoverageAdvisor advisor = advisors.stream().filter(a -> a instanceof SavingsCoverageAdvisor).findFirst().orElseThrow();
        Map<String, Recommendation> advice = advisor.advise(coverage, sofar).stream()
                .collect(Collectors.toMap(r -> r.kind() + (r.message().contains("vpce-") ? " " + r.message()
                        .substring(r.message().indexOf("vpce-"), r.message().indexOf("vpce-") + 22) : ""), Function.identity()));

        // 30 days x 1 GB of S3 traffic through NAT x 0.048
        assertThat(advice.get("MISSING_S3_GATEWAY").monthlySavingUsd()).isEqualByComparingTo("1.44");
        assertThat(advice.get("MISSING_S3_GATEWAY").savingBasis()).contains("NAT traffic to S3 measured over the last 30 days");
        // nothing measured for DynamoDB: no figure rather than a made-up zero
        assertThat(advice.get("MISSING_DYNAMODB_GATEWAY").monthlySavingUsd()).isNull();
        // idle: 2 ENIs x 730 h x 0.011 = 16.06 a month
        assertThat(advice.get("IDLE_ENDPOINT vpce-0a0d0e0f0000001d1").monthlySavingUsd()).isEqualByComparingTo("16.06");
        // 10 GB in 10 days = 10 x 730 / 240 = 30.417 GB per month (3 decimals); cost 8.03 + 0.30417 = 8.33417;
        // avoided 30.417 x 0.048 = 1.460016; it loses 6.874154 a month (break-even 8.03 / 0.038 = 211.3 GB)
        Recommendation below = advice.get("BELOW_BREAK_EVEN vpce-0a0d0e0f0000010w1");
        assertThat(below.monthlySavingUsd()).isEqualByComparingTo("6.874154");
        assertThat(below.message()).contains("30.4 GB per month").contains("break-even of 212 GB");
        // 100 GB a day is far above break-even: no advice
        assertThat(advice).doesNotContainKeys("BELOW_BREAK_EVEN vpce-0a0d0e0f00000b5y1", "IDLE_ENDPOINT vpce-0a0d0e0f00000b5y1");
        // 29 days without bytes: not yet idle, but below break-even: 730 h x 0.011 = 8.03 per month for nothing
        assertThat(advice).doesNotContainKey("IDLE_ENDPOINT vpce-0a0d0e0f000000new");
        assertThat(advice.get("BELOW_BREAK_EVEN vpce-0a0d0e0f000000new").monthlySavingUsd()).isEqualByComparingTo("8.03");
        assertThat(advice).hasSize(5);
    }

    private static EndpointSummary endpoint(String id, String vpc, String service) {
        return new EndpointSummary(id, ACCOUNT, "eu-west-1", vpc, "com.amazonaws.eu-west-1." + service, "Interface",
                "available", null, false, null, false, null, Instant.now());
    }

    private static MeasuredDay row(LocalDate day, String resource, LedgerKind kind, String vpc, String service, int enis,
            long bytes) {
        return new MeasuredDay(day, resource, kind, null, "payments", ACCOUNT, "eu-west-1", vpc, service, enis, bytes);
    }
}
