package io.vpcportal.savings.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.DemoPortalTest;
import io.vpcportal.Problems;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Each endpoint's own expected monthly GB and "the NAT gateway will be removed": through the API (payload, answer,
 * refusals), the request form (fields and errors beside them), the cost panels and the request page, and the
 * migration that gave stored requests' items their share of the old request-level figure. Prices: the shipped
 * snapshot for eu-west-1 (NAT 0.048 per hour and per GB, interface ENI-hour 0.011, interface data 0.01 per GB,
 * public IPv4 0.005 per hour).
 */
@DemoPortalTest
class ItemMonthlyGbIntegrationTests {

    static final String NAT = "nat-0a1b2c3d4e5f60718";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachEndpointCarriesItsOwnGbAndTheRemovedNatGatewayIsASaving() {
        PortalApi api = new PortalApi(port);
        String token = api.tokenOf("requester");

        PortalApi.Response created = api.post("/api/v1/requests", token, glueAndS3("""
                "natGatewayId":"%s","natGatewayRemoved":true""".formatted(NAT), "3000", "6000"));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("natGatewayRemoved").asBoolean()).isTrue();
        assertThat(body.get("expectedMonthlyGb").decimalValue()).isEqualByComparingTo("9000");
        assertThat(body.get("items").get(0).get("expectedMonthlyGb").decimalValue()).isEqualByComparingTo("3000");
        assertThat(body.get("items").get(1).get("expectedMonthlyGb").decimalValue()).isEqualByComparingTo("6000");
        String id = body.get("id").asString();
        JsonNode read = api.get("/api/v1/requests/" + id, token).json();
        assertThat(read.get("items").get(1).get("expectedMonthlyGb").decimalValue()).isEqualByComparingTo("6000");

        PortalApi browser = PortalApi.browser(port);
        browser.signIn("requester", PortalApi.DEMO_PASSWORD);
        String panel = browser.page("/savings/requests/" + id + "/estimate").body();
        // Glue, 2 ENIs: 2 x 730 h x 0.011 = 16.06 + 3000 GB x 0.01 = 30.00 -> 46.06; avoided 3000 x 0.048 = 144.00
        // S3 gateway: free; avoided 6000 x 0.048 = 288.00
        // NAT removed: 730 h x (0.048 + 0.005) = 38.69
        // totals: cost 46.06, avoided 144.00 + 288.00 + 38.69 = 470.69, net 424.63
        assertThat(panel).contains("$46.06").contains("$144.00").contains("$97.94").contains("$288.00")
                .contains("nat-removed-row").contains("NAT gateway " + NAT + " removed").contains("$38.69")
                .contains("$470.69").contains("$424.63").doesNotContain("can be removed");
        assertThat(panel).containsPattern(">\\s*3,000\\s*<").containsPattern(">\\s*6,000\\s*<");

        String page = browser.page("/requests/" + id).body();
        assertThat(page).contains("will be removed").contains("nat-removed");
        assertThat(page).containsPattern("item-gb\"\\s*>3000<").containsPattern("item-gb\"\\s*>6000<");

        // the approver sees the same figures on the approval view and its cost panel
        assertThat(api.post("/api/v1/requests/" + id + "/submit", token, "").status()).isEqualTo(200);
        PortalApi approver = PortalApi.browser(port);
        approver.signIn("net-approver", PortalApi.DEMO_PASSWORD);
        String view = approver.page("/approvals/" + id).body();
        assertThat(view).contains("will be removed").containsPattern("item-gb\"\\s*>6000<")
                .contains("/savings/requests/" + id + "/estimate");
        assertThat(approver.page("/savings/requests/" + id + "/estimate").body()).contains("$424.63");
    }

    @Test
    void badFiguresAreRefusedBesideTheirFields() {
        PortalApi api = new PortalApi(port);
        String token = api.tokenOf("requester");

        for (String bad : List.of("-1", "10000000.001", "1.2345")) {
            JsonNode problem = Problems.assertProblem(api.post("/api/v1/requests", token, glueAndS3("", bad, "1")), 400);
            assertThat(Problems.errorFields(problem)).as(bad).containsExactly("items[0].expectedMonthlyGb");
        }
        Problems.assertProblem(api.post("/api/v1/requests", token, glueAndS3("", "\"lots\"", "1")), 400);
        Problems.assertProblem(api.post("/api/v1/requests", token, glueAndS3("", "[1]", "1")), 400);
        Problems.assertProblem(api.post("/api/v1/requests", token,
                glueAndS3("\"natGatewayRemoved\":\"yes please\"", "1", "1")), 400);

        JsonNode noNat = Problems.assertProblem(api.post("/api/v1/requests", token,
                glueAndS3("\"natGatewayRemoved\":true", "1", "1")), 400);
        assertThat(Problems.errorFields(noNat)).containsExactly("natGatewayRemoved");

        JsonNode notTheSum = Problems.assertProblem(api.post("/api/v1/requests", token,
                glueAndS3("\"expectedMonthlyGb\":100", "30", "60")), 400);
        assertThat(Problems.errorMessage(notTheSum, "expectedMonthlyGb")).contains("sum").contains("90");
        assertThat(api.post("/api/v1/requests", token, glueAndS3("\"expectedMonthlyGb\":90", "30", "60")).status())
                .isEqualTo(201);
    }

    @Test
    void aRequestLevelFigureAloneIsSharedAmongTheItemsAsTheMigrationSharedStoredOnes() throws Exception {
        PortalApi api = new PortalApi(port);
        String token = api.tokenOf("requester");
        String body = """
                {"team":"payments","accountId":"111111111111","region":"eu-west-1","vpcId":"vpc-0a1b2c3d4e5f60718",
                 "justification":"older client","expectedMonthlyGb":100,"items":[
                 {"templateKey":"glue","subnetIds":["subnet-0a1b2c3d4e5f60718"]},
                 {"templateKey":"s3-gateway","routeTableIds":["rtb-0a1b2c3d4e5f60718"],"bucketNames":["lake-raw-input"]},
                 {"templateKey":"dynamodb-gateway","routeTableIds":["rtb-0a1b2c3d4e5f60718"]}]}""";

        PortalApi.Response created = api.post("/api/v1/requests", token, body);

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        // 100 / 3 = 33.333 (3 decimals, rounded down); the first item takes the rest: 100 - 2 x 33.333 = 33.334
        List<BigDecimal> expected = List.of(new BigDecimal("33.334"), new BigDecimal("33.333"), new BigDecimal("33.333"));
        UUID id = UUID.fromString(created.json().get("id").asString());
        assertThat(itemGb(id)).isEqualTo(expected);
        assertThat(created.json().get("expectedMonthlyGb").decimalValue()).isEqualByComparingTo("100");

        // a request stored before V61: items without a figure, which the migration's update shares the same way
        jdbc.update("update endpoint_request_item set expected_monthly_gb = null where request_id = ?", id);
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V61__request_item_monthly_gb_nat_removed.sql"));
        jdbc.update(migration.substring(migration.indexOf("with shares")));
        assertThat(itemGb(id)).isEqualTo(expected);
    }

    @Test
    void theFormTakesEachEndpointsGbAndShowsErrorsBesideTheField() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("requester", PortalApi.DEMO_PASSWORD);
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("team", "payments",
                "accountId", "111111111111", "region", "eu-west-1", "vpcId", "vpc-0a1b2c3d4e5f60718",
                "justification", "form test", "natGatewayId", NAT, "natGatewayRemoved", "true",
                "items[0].templateKey", "glue", "items[0].subnetIds", "subnet-0a1b2c3d4e5f60718",
                "items[0].expectedMonthlyGb", "lots"));
        fields.put("action", "draft");

        Response wrong = browser.submitForm("/requests/new", "/requests/new", fields);

        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).containsPattern("id=\"items0-gb-error\"[^>]*>\\s*must be a number");
        fields.put("items[0].expectedMonthlyGb", "-5");
        assertThat(browser.submitForm("/requests/new", "/requests/new", fields).body())
                .containsPattern("id=\"items0-gb-error\"[^>]*>\\s*must be between 0 and 10000000");

        fields.put("items[0].expectedMonthlyGb", "250.5");
        Response saved = browser.submitForm("/requests/new", "/requests/new", fields);

        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(itemGb(id)).containsExactly(new BigDecimal("250.500"));
        assertThat(jdbc.queryForObject("select nat_gateway_removed from endpoint_request where id = ?", Boolean.class, id))
                .isTrue();
        String edit = browser.page("/requests/" + id + "/edit").body();
        assertThat(edit).contains("value=\"250.5\"").containsPattern("id=\"natGatewayRemoved1\"[^>]*checked");
    }

    @Test
    void theLivePanelPricesEachEndpointWithItsOwnGb() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("requester", PortalApi.DEMO_PASSWORD);

        Response panel = browser.submitForm("/requests/new", "/savings/estimate-preview", Map.of(
                "region", "eu-west-1", "natGatewayId", NAT, "natGatewayRemoved", "true",
                "items[0].templateKey", "glue", "items[0].subnetIds", "subnet-0a1b2c3d", "items[0].expectedMonthlyGb", "1000",
                "items[1].templateKey", "s3-gateway", "items[1].expectedMonthlyGb", "500"));

        assertThat(panel.status()).isEqualTo(200);
        // Glue, 1 ENI: 730 x 0.011 = 8.03 + 1000 x 0.01 = 10.00 -> 18.03; avoided 1000 x 0.048 = 48.00; net 29.97
        // S3: avoided 500 x 0.048 = 24.00; NAT removed: 38.69; avoided total 110.69; net 92.66
        assertThat(panel.body()).contains("$18.03").contains("$48.00").contains("$29.97").contains("$24.00")
                .contains("$38.69").contains("$110.69").contains("$92.66").doesNotContain("shared evenly");
    }

    private List<BigDecimal> itemGb(UUID id) {
        return jdbc.queryForList("select expected_monthly_gb from endpoint_request_item where request_id = ? "
                + "order by position", BigDecimal.class, id);
    }

    /** Glue (2 ENIs) and an S3 gateway in the demo sandbox, with the items' GB as JSON values. */
    private static String glueAndS3(String extra, String glueGb, String s3Gb) {
        return """
                {"team":"payments","accountId":"111111111111","region":"eu-west-1","vpcId":"vpc-0a1b2c3d4e5f60718",
                 "justification":"Keeps the traffic off the NAT gateway",%s"items":[
                 {"templateKey":"glue","subnetIds":["subnet-0a1b2c3d4e5f60718","subnet-0a1b2c3d4e5f60719"],"expectedMonthlyGb":%s},
                 {"templateKey":"s3-gateway","routeTableIds":["rtb-0a1b2c3d4e5f60718"],"policyChoice":"s3-buckets",
                  "bucketNames":["lake-raw-input"],"expectedMonthlyGb":%s}]}""".formatted(
                extra.isEmpty() ? "" : extra + ",", glueGb, s3Gb);
    }
}
