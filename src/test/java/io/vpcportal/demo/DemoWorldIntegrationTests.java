package io.vpcportal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.DemoPortalTest;
import io.vpcportal.inventory.DemoSnapshots;
import io.vpcportal.inventory.MeteredInventory;
import io.vpcportal.savings.LedgerKind;
import io.vpcportal.savings.SavingsManagement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The demo world on a plan-only demo portal: the sandbox account's inventory holds the three reference
 * architectures, an endpoint to adopt, a drifted one with its policy diff, a coverage gap with dollars, a ledger of
 * exactly the inventory's endpoints and NAT gateways, quick starts that prefill their VPC; all said to be demo data.
 */
@DemoPortalTest
class DemoWorldIntegrationTests {

    private static final String SANDBOX = "111111111111";

    @LocalServerPort
    int port;

    @Autowired
    DemoSnapshots snapshots;

    @Autowired
    MeteredInventory metered;

    @Autowired
    SavingsManagement savings;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theInventoryHoldsTheThreeReferenceArchitecturesAsDemoData() {
        assertThat(snapshots.present()).isTrue();
        PortalApi api = new PortalApi(port);
        String token = api.tokenOf("admin");
        Map<String, JsonNode> endpoints = new LinkedHashMap<>();
        api.get("/api/v1/endpoints?account=" + SANDBOX + "&limit=200", token).json().get("items")
                .forEach(e -> endpoints.put(e.get("id").asString(), e));
        assertThat(endpoints).containsKeys(DemoWorld.LOGS_ENDPOINT, DemoWorld.S3_ENDPOINT, DemoWorld.GLUE_ENDPOINT,
                DemoWorld.RDS_DATA_ENDPOINT, DemoWorld.DATADOG_ENDPOINT);
        assertThat(endpoints.get(DemoWorld.S3_ENDPOINT).get("endpointType").asString()).isEqualTo("Gateway");
        assertThat(endpoints.get(DemoWorld.GLUE_ENDPOINT).get("serviceName").asString())
                .isEqualTo("com.amazonaws.eu-west-1.glue");
        assertThat(endpoints.get(DemoWorld.RDS_DATA_ENDPOINT).get("serviceName").asString())
                .isEqualTo("com.amazonaws.eu-west-1.rds-data");
        for (String adopted : DemoWorld.ADOPTED) {
            assertThat(endpoints.get(adopted).get("requestId").isNull()).as(adopted + " is managed").isFalse();
        }
        assertThat(endpoints.get(DemoWorld.LOGS_ENDPOINT).get("requestId").isNull()).as("made by hand").isTrue();
        JsonNode datadog = endpoints.get(DemoWorld.DATADOG_ENDPOINT);
        assertThat(datadog.get("region").asString()).isEqualTo("eu-west-3");
        assertThat(datadog.get("serviceName").asString()).contains("us-east-1.vpce-svc-");

        // the standard VPC: public and private subnets in two zones, an internet gateway and a NAT gateway
        assertThat(resources(DemoWorld.STANDARD, "SUBNET")).hasSize(4);
        assertThat(jdbc.queryForList("select data from inventory_resource where vpc_id = ? and resource_type = "
                + "'SUBNET'", String.class, DemoWorld.STANDARD)).anyMatch(d -> d.contains("eu-west-1a"))
                .anyMatch(d -> d.contains("eu-west-1b"));
        assertThat(jdbc.queryForList("select data from inventory_resource where vpc_id = ? and resource_type = "
                + "'ROUTE_TABLE'", String.class, DemoWorld.STANDARD)).anyMatch(d -> d.contains("-> igw-"))
                .anyMatch(d -> d.contains("-> " + DemoWorld.STANDARD_NAT));
        assertThat(resources(DemoWorld.STANDARD, "NAT_GATEWAY")).containsExactly(DemoWorld.STANDARD_NAT);

        PortalApi browser = signedIn("requester");
        Response list = browser.page("/inventory");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Demo data: not from AWS").contains(DemoWorld.GLUE_ENDPOINT)
                .contains(DemoWorld.DATADOG_ENDPOINT);
        PortalApi admin = signedIn("admin");
        assertThat(admin.page("/inventory").body()).as("the run is a demo seed, not an AWS sync")
                .contains("Demo seed").contains("no AWS calls").doesNotContain("AWS calls by");
        for (String vpc : List.of(DemoWorld.STANDARD, DemoWorld.SERVERLESS, DemoWorld.DATADOG)) {
            Response page = browser.page("/inventory/vpcs/" + vpc);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Demo data: not from AWS").contains("(demo)");
            Response diagram = browser.page("/diagrams/vpcs/" + vpc + "/file?format=svg");
            assertThat(diagram.status()).as(vpc + "'s diagram").isEqualTo(200);
            assertThat(diagram.body()).contains("<svg").contains(vpc);
        }
    }

    @Test
    void theHandMadeEndpointCanBeAdoptedAndTheGlueEndpointShowsItsPolicyDiff() {
        PortalApi admin = signedIn("admin");
        Response handMade = admin.page("/inventory/endpoints/" + DemoWorld.LOGS_ENDPOINT);
        assertThat(handMade.status()).isEqualTo(200);
        assertThat(handMade.body()).contains("unmanaged").contains("/inventory/endpoints/" + DemoWorld.LOGS_ENDPOINT
                + "/adopt").contains("Demo data: not from AWS");

        Response drifted = admin.page("/inventory/endpoints/" + DemoWorld.GLUE_ENDPOINT);
        assertThat(drifted.status()).isEqualTo(200);
        assertThat(drifted.body()).contains("Drift from the approved state").contains("policy-diff")
                .contains("aws:PrincipalOrgID").contains("TemporaryDebug");
        JsonNode details = new PortalApi(port).get("/api/v1/endpoints/" + DemoWorld.GLUE_ENDPOINT,
                new PortalApi(port).tokenOf("admin")).json();
        assertThat(details.at("/drift/differences").findValuesAsString("setting")).containsExactly("policy");
        for (String inLine : List.of(DemoWorld.S3_ENDPOINT, DemoWorld.RDS_DATA_ENDPOINT)) {
            assertThat(jdbc.queryForObject("select drift from inventory_endpoint where vpc_endpoint_id = ?",
                    Boolean.class, inLine)).as(inLine + " matches what was adopted").isFalse();
        }
    }

    @Test
    void theStandardVpcIsACoverageGapWithItsMissedSavingInDollars() {
        PortalApi browser = signedIn("requester");
        Response vpc = browser.page("/inventory/vpcs/" + DemoWorld.STANDARD);
        assertThat(vpc.body()).contains("a free S3 gateway endpoint would carry");
        Matcher saving = Pattern.compile("S3 gateway endpoint would carry.*?Saves about\\s*\\$<span>([\\d,]+\\.\\d\\d)"
                + "</span> per month", Pattern.DOTALL).matcher(vpc.body());
        assertThat(saving.find()).as(vpc.body()).isTrue();
        BigDecimal dollars = new BigDecimal(saving.group(1).replace(",", ""));
        // two instances' S3 uploads through NAT: at least 200 GB a day x 30 days x $0.048 a GB
        assertThat(dollars).isGreaterThan(new BigDecimal("288"));
        LocalDate today = savings.today();
        BigDecimal missed = savings.ledgerOf(DemoWorld.STANDARD + "/S3").stream()
                .filter(r -> !r.day().isBefore(today.minusDays(30)) && r.day().isBefore(today))
                .map(r -> r.natCost()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(dollars).isEqualByComparingTo(missed.setScale(2, java.math.RoundingMode.HALF_EVEN));
        assertThat(browser.page("/inventory").body()).contains("Saves about");
    }

    @Test
    void theLedgerHoldsExactlyTheInventorysEndpointsAndNatGatewaysAndEachOpens() {
        Set<String> inventory = new TreeSet<>();
        metered.endpoints().stream().filter(e -> e.accountId().equals(SANDBOX)).forEach(e -> inventory.add(e.id()));
        metered.natGateways().stream().filter(n -> n.accountId().equals(SANDBOX)).forEach(n -> inventory.add(n.id()));
        Set<String> ledger = new TreeSet<>(jdbc.queryForList("select distinct resource_id from savings_ledger_day "
                + "where account_id = ? and kind in ('INTERFACE', 'GATEWAY', 'GATEWAY_LOAD_BALANCER', 'NAT') "
                + "and day >= ?", String.class, SANDBOX, java.sql.Date.valueOf(DemoSavings.firstDay(savings.today()))));
        assertThat(ledger).isEqualTo(inventory);

        PortalApi browser = signedIn("requester");
        String dashboard = browser.page("/savings").body();
        Set<String> links = Pattern.compile("href=\"(/inventory/(?:endpoints|vpcs)/[^\"]+)\"").matcher(dashboard)
                .results().map(m -> m.group(1)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(links).contains("/inventory/endpoints/" + DemoWorld.S3_ENDPOINT,
                "/inventory/endpoints/" + DemoWorld.LOGS_ENDPOINT, "/inventory/vpcs/" + DemoWorld.STANDARD);
        for (String link : links) {
            assertThat(browser.page(link).status()).as(link).isEqualTo(200);
        }
        assertThat(jdbc.queryForObject("select count(*) from savings_ledger_day where resource_id = ? and request_id "
                + "is null", Integer.class, DemoWorld.GLUE_ENDPOINT)).as("a managed endpoint's days carry its request")
                .isZero();
        assertThat(savings.ledgerOf(DemoWorld.STANDARD_NAT).get(0).kind()).isEqualTo(LedgerKind.NAT);
    }

    @Test
    void eachQuickStartPrefillsItsVpcAndTheFormDrawsItBeforeAndAfter() {
        PortalApi browser = signedIn("requester");
        Response standard = browser.page("/requests/new?template=s3-gateway&quickstart=standard");
        assertThat(standard.body()).contains("value=\"" + DemoWorld.STANDARD + "\"")
                .contains("value=\"" + DemoWorld.STANDARD_NAT + "\"").contains("value=\"eu-west-1\"");
        assertThat(browser.page("/requests/new?template=s3-gateway&template=glue&template=rds-data"
                + "&quickstart=serverless").body()).contains("value=\"" + DemoWorld.SERVERLESS + "\"");
        assertThat(browser.page("/requests/new?template=datadog-logs&quickstart=datadog").body())
                .contains("value=\"" + DemoWorld.DATADOG + "\"").contains("value=\"eu-west-3\"");
        assertThat(browser.page("/").body()).contains("quickstart=standard").contains("quickstart=serverless")
                .contains("quickstart=datadog");
        PortalApi stranger = signedIn("sec-approver");
        assertThat(stranger.page("/requests/new?template=s3-gateway&quickstart=standard").body())
                .as("no team of sec-approver may use the sandbox account").doesNotContain(DemoWorld.STANDARD);

        Map<String, String> form = new LinkedHashMap<>();
        form.put("team", "payments");
        form.put("accountId", SANDBOX);
        form.put("region", "eu-west-1");
        form.put("vpcId", DemoWorld.STANDARD);
        form.put("natGatewayId", DemoWorld.STANDARD_NAT);
        form.put("items[0].templateKey", "s3-gateway");
        form.put("items[0].routeTableIds", DemoWorld.id("rtb", "a22"));
        Response preview = browser.submitForm("/requests/new", "/diagrams/preview", form);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"form-diagram-before-title\"", "id=\"form-diagram-after-title\"")
                .doesNotContain("not in the inventory yet");
        assertThat(Pattern.compile("<svg").matcher(preview.body()).results().count()).isEqualTo(2);
    }

    private List<String> resources(String vpc, String type) {
        return jdbc.queryForList("select resource_id from inventory_resource where vpc_id = ? and resource_type = ? "
                + "order by resource_id", String.class, vpc, type);
    }

    private PortalApi signedIn(String user) {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn(user, PortalApi.DEMO_PASSWORD);
        return browser;
    }
}
