package io.vpcportal.savings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.DemoPortalTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger's pricing: days priced with the prices in force then, interface data moving through the tiers with the
 * region's running monthly total, and a price correction that prices the ledger again. Prices of 2019 in eu-west-3
 * are imported here, so nothing else in the shared database is touched.
 */
@DemoPortalTest
class LedgerPricingIntegrationTests {

    static final long GIB = 1L << 30;
    static final String HEADER = """
            "FormatVersion","v1.0"
            "SKU","TermType","EffectiveDate","StartingRange","EndingRange","Unit","PricePerUnit","Currency","serviceCode","usageType","Region Code"
            """;

    @LocalServerPort
    int port;

    @Autowired
    SavingsManagement savings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void interfaceDataCrossingThePetabyteInAMonthIsPricedInBothTiersAndCorrectionsArePricedAgain() {
        importPrices("""
                "A","OnDemand","2019-01-01","0","Inf","GB","0.030","USD","AmazonEC2","EUW3-NatGateway-Bytes","eu-west-3"
                "B","OnDemand","2019-01-01","0","Inf","Hrs","0.010","USD","AmazonVPC","EUW3-VpcEndpoint-Hours","eu-west-3"
                "C","OnDemand","2019-01-01","0","1048576","GB","0.01","USD","AmazonVPC","EUW3-VpcEndpoint-Bytes","eu-west-3"
                "C","OnDemand","2019-01-01","1048576","5242880","GB","0.006","USD","AmazonVPC","EUW3-VpcEndpoint-Bytes","eu-west-3"
                "C","OnDemand","2019-01-01","5242880","Inf","GB","0.004","USD","AmazonVPC","EUW3-VpcEndpoint-Bytes","eu-west-3"
                """);
        LocalDate first = LocalDate.of(2019, 3, 10);
        LocalDate second = LocalDate.of(2019, 3, 11);
        savings.record(List.of(
                day(first, "vpce-0aaaaaaaaaaaaaaa1", LedgerKind.INTERFACE, 1, 900_000 * GIB),
                day(second, "vpce-0aaaaaaaaaaaaaaa2", LedgerKind.INTERFACE, 1, 200_000 * GIB),
                day(second, "vpce-0aaaaaaaaaaaaaaa3", LedgerKind.GATEWAY, 0, 10 * GIB),
                day(LocalDate.of(2019, 4, 1), "vpce-0aaaaaaaaaaaaaaa2", LedgerKind.INTERFACE, 1, 10 * GIB)));

        // 24 ENI-hours x 0.01 = 0.24; 900,000 GB x 0.01 = 9,000
        assertThat(row("vpce-0aaaaaaaaaaaaaaa1", first).endpointCost()).isEqualByComparingTo("9000.24");
        // the region's month reaches 1,100,000 GB: 148,576 GB x 0.01 + 51,424 GB x 0.006 = 1,485.76 + 308.544
        assertThat(row("vpce-0aaaaaaaaaaaaaaa2", second).endpointCost()).isEqualByComparingTo("1794.544");
        assertThat(row("vpce-0aaaaaaaaaaaaaaa2", second).avoidedNatCost()).isEqualByComparingTo("6000");
        // a new month starts again in the first tier
        assertThat(row("vpce-0aaaaaaaaaaaaaaa2", LocalDate.of(2019, 4, 1)).endpointCost()).isEqualByComparingTo("0.34");
        assertThat(row("vpce-0aaaaaaaaaaaaaaa3", second).netSaving()).isEqualByComparingTo("0.30");

        // the NAT price of 2019 was wrong: the correction prices those days again
        importPrices("""
                "A","OnDemand","2019-01-01","0","Inf","GB","0.020","USD","AmazonEC2","EUW3-NatGateway-Bytes","eu-west-3"
                """);
        assertThat(row("vpce-0aaaaaaaaaaaaaaa3", second).netSaving()).isEqualByComparingTo("0.20");
        assertThat(row("vpce-0aaaaaaaaaaaaaaa2", second).avoidedNatCost()).isEqualByComparingTo("4000");
        // a price the ledger is not priced with (the advisor's Transit Gateway and Route 53 prices) is stored and
        // leaves every ledger row alone: no statement touched the ledger, so its version did not move
        long version = ledgerVersion();
        PriceImport advisorPrices = savings.importPrices(new ByteArrayInputStream((HEADER + """
                "T","OnDemand","2019-01-01","0","Inf","Hrs","0.05","USD","AmazonVPC","EUW3-TransitGateway-Hours","eu-west-3"
                "R","OnDemand","2019-01-01","0","25","HostedZone","0.50","USD","AmazonRoute53","HostedZone","eu-west-3"
                """).getBytes(StandardCharsets.UTF_8)), "test 2019", true);
        assertThat(advisorPrices.changed()).isEqualTo(2);
        assertThat(ledgerVersion()).isEqualTo(version);
        assertThat(row("vpce-0aaaaaaaaaaaaaaa2", second).avoidedNatCost()).isEqualByComparingTo("4000");
        // days after a later price keep theirs: today's eu-west-3 price still prices today's estimates
        assertThat(savings.estimate(new EstimateInput("eu-west-3", io.vpcportal.catalog.EndpointType.Gateway, 0,
                java.math.BigDecimal.ONE, false, null, null)).netSaving()).isEqualByComparingTo("0.050");
    }

    @Test
    void aSnapshotWithANewPriceTheLedgerUsesRepricesItInADurableTaskNotBeforeTheImportReturns() throws Exception {
        importPrices("""
                "A","OnDemand","2018-01-01","0","Inf","GB","0.030","USD","AmazonEC2","EUW3-NatGateway-Bytes","eu-west-3"
                "B","OnDemand","2018-01-01","0","Inf","Hrs","0.010","USD","AmazonVPC","EUW3-VpcEndpoint-Hours","eu-west-3"
                "C","OnDemand","2018-01-01","0","Inf","GB","0.01","USD","AmazonVPC","EUW3-VpcEndpoint-Bytes","eu-west-3"
                """);
        LocalDate may = LocalDate.of(2018, 5, 10);
        savings.record(List.of(day(may, "vpce-0aaaaaaaaaaaaaab1", LedgerKind.GATEWAY, 0, 10 * GIB)));
        assertThat(row("vpce-0aaaaaaaaaaaaaab1", may).netSaving()).isEqualByComparingTo("0.30");

        // a release ships a lower NAT price from May 2018: the import stores it and leaves the repricing to a task
        String snapshot = HEADER + """
                "A2","OnDemand","2018-05-01","0","Inf","GB","0.020","USD","AmazonEC2","EUW3-NatGateway-Bytes","eu-west-3"
                """;
        PriceImport first = savings.importSnapshot(new ByteArrayInputStream(snapshot.getBytes(StandardCharsets.UTF_8)),
                "test snapshot");
        assertThat(first.changed()).isEqualTo(1);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (row("vpce-0aaaaaaaaaaaaaab1", may).netSaving().compareTo(new java.math.BigDecimal("0.20")) != 0) {
            assertThat(System.nanoTime()).as("repriced within 60 s by the ledger-reprice task").isLessThan(deadline);
            Thread.sleep(200);
        }
        // the same snapshot at the next start adds nothing and schedules nothing
        PriceImport again = savings.importSnapshot(new ByteArrayInputStream(snapshot.getBytes(StandardCharsets.UTF_8)),
                "test snapshot");
        assertThat(again.changed()).isZero();
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'ledger-reprice'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void adminsSeeTheCatalogWithItsSources() {
        PortalApi admin = PortalApi.browser(port);
        admin.signIn("admin", PortalApi.DEMO_PASSWORD);
        String page = admin.page("/admin/prices").body();
        assertThat(page).contains("APN1-VpcEndpoint-Bytes").contains("prices/AmazonVPC-index-extract.csv")
                .contains("2025-10-01").contains("Import an offer file");

        PortalApi requester = PortalApi.browser(port);
        requester.signIn("requester", PortalApi.DEMO_PASSWORD);
        assertThat(requester.page("/admin/prices").status()).isEqualTo(403);
    }

    private long ledgerVersion() {
        return jdbc.sql("select version from reference_version where name = 'savings'").query(Long.class).single();
    }

    private LedgerRow row(String resource, LocalDate day) {
        return savings.ledgerOf(resource).stream().filter(r -> r.day().equals(day)).findFirst().orElseThrow();
    }

    private static MeasuredDay day(LocalDate day, String id, LedgerKind kind, int enis, long bytes) {
        return new MeasuredDay(day, id, kind, null, "ledger-test", "222222222222", "eu-west-3", "vpc-0aaaaaaaaaaaaaaaa",
                kind == LedgerKind.GATEWAY ? "com.amazonaws.eu-west-3.s3" : "com.amazonaws.eu-west-3.glue", enis, bytes);
    }

    private void importPrices(String rows) {
        savings.importPrices(new ByteArrayInputStream((HEADER + rows).getBytes(StandardCharsets.UTF_8)), "test 2019", true);
    }
}
