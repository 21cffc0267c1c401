package io.vpcportal.savings.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.DemoPortalTest;
import io.vpcportal.savings.LedgerRow;
import io.vpcportal.savings.SavingsGroup;
import io.vpcportal.savings.SavingsManagement;
import io.vpcportal.savings.SavingsScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The savings dashboard on the demo data, its CSV, and the cost panel of the request form. */
@DemoPortalTest
class SavingsPagesIntegrationTests {

    /** The demo world's S3 gateway endpoint (serverless pipeline) and hand-made CloudWatch Logs endpoint. */
    private static final String S3_GATEWAY = "vpce-0de00000000000b51";
    private static final String LOGS = "vpce-0de00000000000a51";

    @LocalServerPort
    int port;

    @Autowired
    SavingsManagement savings;

    @Test
    void theDemoLedgerIsPricedFromTheShippedPrices() {
        LocalDate first = demoStart();
        LedgerRow s3 = savings.ledgerOf(S3_GATEWAY).get(0);
        // day 0: 200 GB through the S3 gateway endpoint in eu-west-1: 200 x 0.048 = 9.60 avoided, free endpoint
        assertThat(s3.day()).isEqualTo(first);
        assertThat(s3.netSaving()).isEqualByComparingTo("9.60");
        LedgerRow logs = savings.ledgerOf(LOGS).get(0);
        // eu-west-1, 2 ENIs x 24 h x 0.011 = 0.528 + 1 GB x 0.01; avoided 1 x 0.048: net -0.49
        assertThat(logs.netSaving()).isEqualByComparingTo("-0.49");
    }

    @Test
    void theDashboardShowsTheTrendChartAndTheTotalsOfTheDemoData() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("requester", PortalApi.DEMO_PASSWORD);
        LocalDate today = savings.today();

        Response page = browser.page("/savings");

        assertThat(page.status()).isEqualTo(200);
        String html = page.body();
        // the requester sees the sandbox account's savings only: other test classes sharing this context write
        // ledger rows of other accounts, which the page leaves out
        SavingsScope requesters = new SavingsScope(Set.of("111111111111"));
        List<SavingsGroup> months = savings.groups("month", today.withDayOfMonth(1).minusMonths(11), today, requesters);
        assertThat(months).hasSizeGreaterThanOrEqualTo(5);
        assertThat(html).contains("id=\"trend-chart\"").contains(">Savings</a>");
        assertThat(Pattern.compile("class=\"trend-bar\"").matcher(html).results().count()).isEqualTo(months.size());
        assertThat(Pattern.compile("class=\"month-row\"").matcher(html).results().count()).isEqualTo(months.size());
        for (SavingsGroup m : months) {
            assertThat(html).contains(">" + m.key() + "<").contains(dollars(m.netSaving()));
        }
        SavingsGroup year = savings.total(today.withDayOfYear(1), today, requesters);
        SavingsGroup all = savings.total(savings.firstLedgerDay(), today, requesters);
        assertThat(all.netSaving()).isPositive();
        assertThat(html).contains(dollars(savings.total(today.withDayOfMonth(1), today, requesters).netSaving()))
                .contains(dollars(year.netSaving())).contains(dollars(all.netSaving()));
        assertThat(html).contains("By team").contains("payments")
                .contains(S3_GATEWAY).contains("Endpoints below break-even")
                .contains(LOGS).contains("vpc-0de000000000000a1/DYNAMODB");
        // "By service" lists services only: NAT gateways and S3/DynamoDB missed via NAT have sections of their own
        String byService = html.substring(html.indexOf("id=\"by-service\""), html.indexOf("id=\"top-heading\""));
        assertThat(byService).contains("com.amazonaws.eu-west-1.s3").doesNotContain("via NAT")
                .doesNotContain("nat-gateway");
        Map<String, String> kinds = new java.util.HashMap<>();
        savings.groupings(List.of("service"), demoStart(), today).get("service").forEach(g -> kinds.put(g.key(), g.kind()));
        assertThat(kinds).as("the API's grouping keeps NAT traffic, marked as such")
                .containsEntry("nat-gateway", SavingsGroup.NAT_GATEWAY)
                .containsEntry("dynamodb via NAT", SavingsGroup.NAT_GATEWAY)
                .containsEntry("com.amazonaws.eu-west-1.s3", SavingsGroup.SERVICE)
                .containsEntry("com.amazonaws.eu-west-1.logs", SavingsGroup.SERVICE);
    }

    @Test
    void theCsvHoldsEveryLedgerRowOfThePeriod() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("requester", PortalApi.DEMO_PASSWORD);
        LocalDate first = demoStart();

        Response csv = browser.page("/savings.csv?from=" + first + "&to=" + first);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("\"day\",\"resource_id\",\"kind\",\"team\"");
        // the demo inventory's five endpoints and NAT gateway, and the S3 and DynamoDB traffic still through NAT
        assertThat(lines).hasSize(9);
        assertThat(csv.body()).contains("\"" + first
                + "\",\"" + S3_GATEWAY + "\",\"GATEWAY\",\"payments\",\"111111111111\",\"eu-west-1\",");
        assertThat(lines[1]).as("counts and amounts are numbers, not text").matches(".*,\"[^\"]*\",\\d+,\\d+,-?\\d+(\\.\\d+)?,.*");
    }

    @Test
    void theRequestFormShowsTheCostAndWarnsBelowBreakEven() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("requester", PortalApi.DEMO_PASSWORD);

        Response panel = browser.submitForm("/requests/new", "/savings/estimate-preview", Map.of(
                "region", "us-east-1", "expectedMonthlyGb", "100", "natGatewayId", "nat-0a1b2c3d4e5f60718",
                "items[0].templateKey", "glue", "items[0].subnetIds", "subnet-0a1b2c3d, subnet-0a1b2c3e"));

        assertThat(panel.status()).isEqualTo(200);
        // 2 ENIs x 730 h x 0.01 = 14.60 + 100 GB x 0.01 = 1.00; avoided 100 x 0.045 = 4.50; net -11.10
        assertThat(panel.body()).contains("Cost and saving per month").contains("$15.60").contains("$4.50")
                .contains("$-11.10").contains("cost-warning").contains("more than it saves")
                // NAT removal: 730 h x (0.045 + 0.005) = 36.50
                .contains("If nat-0a1b2c3d4e5f60718 can be removed").contains("$36.50");
    }

    /**
     * Datadog logs intake in us-east-1 from a VPC in eu-west-3: 2 ENIs x 730 h x 0.011 = 16.06, 500 GB x 0.01 = 5.00,
     * inter-region transfer 500 GB x 0.02 = 10.00; endpoint 31.06 per month; NAT avoided 500 x 0.050 = 25.00;
     * net -6.06 (below the break-even of 803 GB).
     */
    @Test
    void aCrossRegionEndpointShowsItsInterRegionTransferInTheFormPanel() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("requester", PortalApi.DEMO_PASSWORD);

        Response panel = browser.submitForm("/requests/new", "/savings/estimate-preview", Map.of(
                "region", "eu-west-3", "items[0].templateKey", "datadog-logs",
                "items[0].subnetIds", "subnet-0a1b2c3d, subnet-0a1b2c3e", "items[0].serviceRegion", "us-east-1",
                "items[0].expectedMonthlyGb", "500"));

        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains("inter-region-row")
                .contains("Inter-region data transfer eu-west-3 → us-east-1: 500 GB × $0.02 = $10.00 per month")
                .contains("AWSDataTransfer").contains("$31.06").contains("$25.00").contains("$-6.06")
                .contains("breaks even at 803 GB per month");
    }

    @Test
    void theApprovalViewLoadsTheCostPanelOfTheStoredRequest() {
        PortalApi api = new PortalApi(port);
        java.util.UUID id = api.createAndSubmit(api.tokenOf("requester"));
        PortalApi approver = PortalApi.browser(port);
        approver.signIn("net-approver", PortalApi.DEMO_PASSWORD);

        assertThat(approver.page("/approvals/" + id).body()).contains("/savings/requests/" + id + "/estimate");
        Response panel = approver.page("/savings/requests/" + id + "/estimate");

        assertThat(panel.status()).isEqualTo(200);
        // one Glue ENI in eu-west-1 and no GB given: 730 h x 0.011 = 8.03 per month before data, breaking even at
        // 8.03 / (0.048 - 0.01) = 211.3 GB; no saving (and no loss) is announced without the GB
        assertThat(panel.body()).contains("AWS Glue").contains("$8.03").contains("cost-prompt")
                .contains("breaks even at 212 GB per month").contains("give the GB per month")
                .doesNotContain("$-").doesNotContain("cost-warning").doesNotContain("more than it saves");
        PortalApi stranger = PortalApi.browser(port);
        stranger.signIn("sec-approver", PortalApi.DEMO_PASSWORD);
        assertThat(stranger.page("/savings/requests/" + java.util.UUID.randomUUID() + "/estimate").status()).isEqualTo(404);
    }

    /**
     * The approval view of a stored cross-region request: Datadog logs intake in us-east-1 from eu-west-1, one ENI,
     * 1,000 GB per month. 730 h x 0.011 = 8.03; data 1,000 x 0.01 = 10.00; transfer eu-west-1 -> us-east-1
     * 1,000 x 0.02 = 20.00; endpoint 38.03; NAT avoided 1,000 x 0.048 = 48.00; net 9.97.
     */
    @Test
    void theApprovalViewShowsTheInterRegionTransferOfAStoredCrossRegionRequest() {
        PortalApi api = new PortalApi(port);
        PortalApi.Response created = api.post("/api/v1/requests", api.tokenOf("requester"), """
                {"team":"payments","accountId":"111111111111","region":"eu-west-1","vpcId":"vpc-0a1b2c3d4e5f60718",
                 "justification":"logs to Datadog","items":[{"templateKey":"datadog-logs",
                 "subnetIds":["subnet-0a1b2c3d4e5f60718"],"securityGroupIds":["sg-0a1b2c3d"],"serviceRegion":"us-east-1",
                 "expectedMonthlyGb":1000}]}""");
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/api/v1/requests/" + id + "/submit", api.tokenOf("requester"), "").status()).isEqualTo(200);
        PortalApi approver = PortalApi.browser(port);
        approver.signIn("net-approver", PortalApi.DEMO_PASSWORD);

        Response panel = approver.page("/savings/requests/" + id + "/estimate");

        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body())
                .contains("Inter-region data transfer eu-west-1 → us-east-1: 1,000 GB × $0.02 = $20.00 per month")
                .contains("$38.03").contains("$48.00").contains("$9.97").doesNotContain("$-");
    }

    /** The demo's first day (other tests of this context add rows of their own, in 2019). */
    private LocalDate demoStart() {
        return savings.today().withDayOfMonth(1).minusMonths(5);
    }

    private static String dollars(BigDecimal amount) {
        return "$" + String.format(java.util.Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_EVEN));
    }
}
