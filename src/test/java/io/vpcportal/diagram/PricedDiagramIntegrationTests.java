package io.vpcportal.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.PortalIntegrationTest;
import io.vpcportal.inventory.InventoryFixtures;
import io.vpcportal.savings.LedgerKind;
import io.vpcportal.savings.MeasuredDay;
import io.vpcportal.savings.SavingsManagement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Dollars on the paths end to end, on the shared plan-only context: VPCs seeded into the inventory as a sync
 * stores them, a month of measured days recorded into the savings ledger and priced with the shipped eu-west-1
 * prices (NAT $0.048/GB; interface endpoint $0.011/ENI-hour and $0.01/GB), drawn through the API; the request
 * form's before/after panel; and the large VPC (40 subnets, 60 endpoints, all measured) within a second.
 */
@PortalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PricedDiagramIntegrationTests {

    private static final String SANDBOX = "111111111111";
    private static final String REGION = "eu-west-1";
    private static final long GIB = 1L << 30;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext spring;
    @Autowired
    SavingsManagement savings;

    PortalApi api;
    String requester;
    SeededVpc standard;
    String s3;
    String glue;
    SeededVpc large;

    @BeforeAll
    void vpcsInTheInventoryAndAMonthInTheLedger() {
        api = new PortalApi(port);
        requester = api.tokenOf("requester");
        standard = new SeededVpc(REGION, 2);
        s3 = standard.gateway("s3");
        glue = standard.interfaceEndpoint("glue", standard.privateSubnets);
        large = new SeededVpc(REGION, 40);
        for (int i = 0; i < 60; i++) {
            large.interfaceEndpoint(List.of("logs", "sqs", "kms", "sts", "ecr.api", "ecr.dkr").get(i % 6),
                    List.of(large.privateSubnets.get(i % 40), large.privateSubnets.get((i + 13) % 40)));
        }
        new InventoryFixtures(spring).apply(SANDBOX, REGION, SeededVpc.snapshot(standard, large));

        LocalDate yesterday = savings.today().minusDays(1);
        List<MeasuredDay> days = new ArrayList<>();
        for (int d = 0; d < 30; d++) {
            LocalDate day = yesterday.minusDays(d);
            days.add(day(day, s3, LedgerKind.GATEWAY, standard.vpc, "com.amazonaws.eu-west-1.s3", 0, 20 * GIB));
            days.add(day(day, glue, LedgerKind.INTERFACE, standard.vpc, "com.amazonaws.eu-west-1.glue", 2, 10 * GIB));
            if (d < 15) { // the NAT gateway has been measured for 15 days only: its month is twice that
                days.add(day(day, standard.nat, LedgerKind.NAT, standard.vpc, "nat-gateway", 0, 20 * GIB));
            }
            days.add(day(day, standard.vpc + "/DYNAMODB", LedgerKind.MISSED, standard.vpc, "dynamodb via NAT", 0,
                    5 * GIB));
            for (var e : large.endpoints) {
                days.add(day(day, e.id(), LedgerKind.INTERFACE, large.vpc, e.serviceName(), 2, GIB));
            }
            days.add(day(day, large.nat, LedgerKind.NAT, large.vpc, "nat-gateway", 0, 50 * GIB));
        }
        // the same ids in another account are someone else's: never on these diagrams
        days.add(new MeasuredDay(yesterday, glue, LedgerKind.INTERFACE, null, "payments", "999999999999", REGION,
                standard.vpc, "com.amazonaws.eu-west-1.glue", 2, 9_999 * GIB));
        savings.record(days);
    }

    @Test
    void theVpcDiagramCarriesWhatTheLedgerMeasuredAMonth() {
        SvgDiagram d = svg("/api/v1/vpcs/" + standard.vpc + "/diagram");
        // 30 days x 20 GiB through the free gateway endpoint: 600 GB x $0.048 of NAT processing avoided
        assertThat(d.byId("path", "path:s3:endpoint:" + s3).getAttribute("aria-label"))
                .contains("through endpoint · ≈ 600 GB/month · $0.00 endpoint cost · $28.80 NAT avoided");
        // 300 GB: 2 ENIs x 720 hours x $0.011 + 300 x $0.01 = $18.84; 300 x $0.048 = $14.40 avoided
        assertThat(d.byId("path", "path:glue:endpoint:" + glue).getAttribute("aria-label"))
                .contains("through endpoint · ≈ 300 GB/month · $18.84 endpoint cost · $14.40 NAT avoided");
        // 150 GB of DynamoDB through NAT that a free gateway endpoint would carry: $7.20
        assertThat(d.byId("path", "path:dynamodb:nat").getAttribute("aria-label"))
                .contains("through NAT + internet · ≈ 150 GB/month · $7.20 NAT processing");
        // 15 days x 20 GiB = 300 GB ($14.40), scaled to 30 days
        assertThat(d.byId("nat-gateway", standard.nat).getAttribute("aria-label"))
                .contains("≈ 600 GB per month processed, $28.80 NAT processing per month", "15 of the last 30 days");
        d.assertNoLabelsOverlap();
    }

    @Test
    void aLargeVpcWithEveryPathMeasuredRendersWithinASecond() {
        String path = "/api/v1/vpcs/" + large.vpc + "/diagram";
        svg(path);
        svg(path); // warm up
        long[] millis = new long[5];
        SvgDiagram d = null;
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            d = svg(path);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        System.out.println("40 subnets + 60 endpoints with their ledger: GET …/diagram in " + Arrays.toString(millis)
                + " ms (inventory reads, one ledger query, model, layout, SVG, HTTP)");
        assertThat(Arrays.stream(millis).min().orElseThrow()).as("the best of 5 runs, in ms").isLessThan(1_000);
        assertThat(d.ids("subnet")).hasSize(33); // 41 subnets over 3 zones, 11 shown in each
        assertThat(d.paths()).hasSize(60 + 2);
        assertThat(d.kind("path").stream().filter(p -> p.getAttribute("data-via").equals("endpoint")))
                .hasSize(60).allMatch(p -> p.getAttribute("aria-label").contains("≈ 30 GB/month"));
        d.assertNoLabelsOverlap();
    }

    @Test
    void theRequestFormShowsTheVpcBeforeAndAfterItsUnsavedEndpoints() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("requester", PortalApi.DEMO_PASSWORD);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("team", "payments");
        form.put("accountId", SANDBOX);
        form.put("region", REGION);
        form.put("vpcId", standard.vpc);
        form.put("items[0].templateKey", "dynamodb-gateway");
        form.put("items[0].routeTableIds", standard.privateTable);
        form.put("items[0].expectedMonthlyGb", "450");
        form.put("items[1].expectedMonthlyGb", "450");
        form.put("items[1].templateKey", "rds-data");
        form.put("items[1].subnetIds", String.join("\n", standard.privateSubnets));
        form.put("items[1].securityGroupIds", standard.group);
        String panel = preview(browser, form);
        assertThat(panel).contains("id=\"form-diagram-before-title\"", "id=\"form-diagram-after-title\"");
        List<SvgDiagram> svgs = svgs(panel);
        assertThat(svgs).hasSize(2);
        SvgDiagram after = svgs.get(0);
        SvgDiagram before = svgs.get(1);
        assertThat(after.ids("endpoint")).contains(s3, glue, "planned-form-0", "planned-form-1");
        assertThat(after.ids("eni")).contains("planned-form-1@" + standard.privateSubnets.get(0));
        assertThat(after.paths()).contains("dynamodb:endpoint", "rds-data:endpoint").doesNotContain("dynamodb:nat");
        // 450 GB each (the form's per-endpoint figures), priced like the cost panel: a DynamoDB gateway endpoint
        // avoids 450 x $0.048 = $21.60
        assertThat(after.byId("path", "path:dynamodb:endpoint:planned-form-0").getAttribute("aria-label"))
                .contains("through new endpoint · est. 450 GB/month · $0.00 endpoint cost · $21.60 NAT avoided");
        assertThat(after.ids("request-total")).isEmpty();
        assertThat(before.ids("endpoint")).containsExactlyInAnyOrder(s3, glue);
        assertThat(before.paths()).contains("dynamodb:nat", "rds-data:nat");
        // measured DynamoDB through NAT is a fact: it wins over the estimate on the path as it is today
        assertThat(before.byId("path", "path:dynamodb:nat").getAttribute("aria-label")).contains("≈ 150 GB/month");
        assertThat(before.byId("path", "path:rds-data:nat").getAttribute("aria-label"))
                .contains("est. 450 GB/month · $21.60 NAT processing");
        after.assertNoLabelsOverlap();
        before.assertNoLabelsOverlap();

        // the form's other states: a note in the panel, never an error
        form.put("items[0].expectedMonthlyGb", "lots"); // does not parse: drawn without it
        assertThat(svgs(preview(browser, form))).hasSize(2);
        form.put("vpcId", "vpc-0a1b2c3d4e5f60799");
        assertThat(preview(browser, form)).contains("id=\"form-diagram-note\"",
                "VPC vpc-0a1b2c3d4e5f60799 is not in the inventory yet").doesNotContain("<svg");
        form.put("vpcId", "");
        assertThat(preview(browser, form)).contains("Enter the VPC id").doesNotContain("<svg");
        form.put("vpcId", standard.vpc);
        form.put("accountId", "222222222222");
        assertThat(preview(browser, form)).contains("is in account " + SANDBOX + ", not in the account chosen")
                .doesNotContain("<svg");
        form.put("accountId", SANDBOX);
        form.put("region", "us-east-1");
        assertThat(preview(browser, form)).contains("is in eu-west-1, not in the region chosen (us-east-1)");
        form.put("region", REGION);
        form.keySet().removeIf(k -> k.startsWith("items["));
        String empty = preview(browser, form);
        assertThat(empty).contains("id=\"form-diagram-current\"", "Add an endpoint to see the VPC after");
        assertThat(svgs(empty)).hasSize(1);
    }

    private String preview(PortalApi browser, Map<String, String> form) {
        PortalApi.Response reply = browser.submitForm("/requests/new", "/diagrams/preview", form);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.body();
    }

    private static List<SvgDiagram> svgs(String html) {
        List<SvgDiagram> out = new ArrayList<>();
        Matcher m = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            out.add(SvgDiagram.parse(m.group()));
        }
        return out;
    }

    private SvgDiagram svg(String path) {
        Response r = api.get(path, requester);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return SvgDiagram.parse(r.body());
    }

    private static MeasuredDay day(LocalDate day, String id, LedgerKind kind, String vpc, String service, int enis,
            long bytes) {
        return new MeasuredDay(day, id, kind, null, "payments", SANDBOX, REGION, vpc, service, enis, bytes);
    }
}
