package io.vpcportal.savings.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.PortalIntegrationTest;
import io.vpcportal.Problems;
import io.vpcportal.savings.SavingsManagement;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /api/v1/estimates} over HTTP, priced from the snapshot shipped in {@code prices/}. */
@PortalIntegrationTest
class EstimateApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SavingsManagement savings;

    PortalApi api;
    String token;

    @BeforeEach
    void signIn() {
        api = new PortalApi(port);
        token = api.tokenOf("requester");
    }

    /**
     * The standard reference architecture: two instances upload 100 GB a day each to S3 (6,000 GB in a 30-day
     * month) through a NAT gateway that the S3 gateway endpoint makes unnecessary. Hand computation with the shipped
     * prices: 6,000 GB x NAT per GB + 730 h x NAT per hour + 730 h x public IPv4 ($0.005); the gateway endpoint is free.
     */
    @ParameterizedTest(name = "{0}: NAT {1}/h and /GB -> {2} + {3} + 3.65 = {4}")
    @CsvSource({
            "us-east-1,      0.045, 270.00, 32.85, 306.50",
            "us-east-2,      0.045, 270.00, 32.85, 306.50",
            "us-west-2,      0.045, 270.00, 32.85, 306.50",
            "eu-west-1,      0.048, 288.00, 35.04, 326.69",
            "eu-west-2,      0.050, 300.00, 36.50, 340.15",
            "eu-west-3,      0.050, 300.00, 36.50, 340.15",
            "eu-central-1,   0.052, 312.00, 37.96, 353.61",
            "ap-southeast-1, 0.059, 354.00, 43.07, 400.72",
            "ap-northeast-1, 0.062, 372.00, 45.26, 420.91"})
    void theStandardArchitectureSavesTheNatGatewayInEveryShippedRegion(String region, String nat, String data,
            String hours, String total) {
        assertThat(new BigDecimal("6000").multiply(new BigDecimal(nat))).isEqualByComparingTo(data);
        assertThat(new BigDecimal("730").multiply(new BigDecimal(nat))).isEqualByComparingTo(hours);

        JsonNode estimate = estimate(body(region, "Gateway", null, 6000).put("natGatewayRemoved", true));

        assertThat(cents(estimate, "endpointCost")).isEqualTo("0.00");
        assertThat(component(estimate, "natData")).isEqualTo(data);
        assertThat(component(estimate, "natHours")).isEqualTo(hours);
        assertThat(component(estimate, "natPublicIpv4")).isEqualTo("3.65");
        assertThat(cents(estimate, "avoidedNatCost")).isEqualTo(total);
        assertThat(cents(estimate, "netSaving")).isEqualTo(total);
        assertThat(estimate.path("hours").decimalValue()).isEqualByComparingTo("730");
        assertThat(estimate.path("breakEvenGb").isNull()).isTrue();
        assertThat(estimate.path("components").get(0).path("source").asString()).contains("AmazonEC2");
        assertThat(estimate.path("components").get(0).path("effectiveFrom").asString()).isEqualTo("2025-10-01");
    }

    @Test
    void anInterfaceEndpointPaysItsHoursAndDataAndBreaksEvenAboveItsThreshold() {
        // us-east-1, NAT stays: 2 ENIs x 730 h x 0.01 = 14.60, 1,000 GB x 0.01 = 10.00; NAT data 1,000 x 0.045 = 45.00
        JsonNode estimate = estimate(body("us-east-1", "Interface", 2, 1000));

        assertThat(component(estimate, "endpointHours")).isEqualTo("14.60");
        assertThat(component(estimate, "endpointData")).isEqualTo("10.00");
        assertThat(cents(estimate, "endpointCost")).isEqualTo("24.60");
        assertThat(cents(estimate, "avoidedNatCost")).isEqualTo("45.00");
        assertThat(cents(estimate, "netSaving")).isEqualTo("20.40");
        // 14.60 / (0.045 - 0.01) = 417.142857 GB (about 209 GB per ENI)
        assertThat(estimate.path("breakEvenGb").decimalValue()).isEqualByComparingTo("417.142857");
        assertThat(estimate.path("warning").isNull()).isTrue();
    }

    @Test
    void tierBoundsArePlainNumbersNotScientificNotation() {
        Response response = api.post("/api/v1/estimates", token, body("us-east-1", "Interface", 1, 10).toString());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("E+").doesNotContain("E-")
                .contains("\"endGb\":1048576").contains("\"beginGb\":1048576").contains("\"endGb\":5242880")
                .contains("\"beginGb\":5242880");
    }

    @Test
    void anInterfaceEndpointBelowBreakEvenCarriesAWarning() {
        JsonNode estimate = estimate(body("us-east-1", "Interface", 2, 100));

        // 4.50 avoided - (14.60 + 1.00) = -11.10
        assertThat(cents(estimate, "netSaving")).isEqualTo("-11.10");
        assertThat(estimate.path("warning").asString()).contains("$11.10 more than it saves per month")
                .contains("418 GB per month").doesNotContain("period");
    }

    /**
     * Datadog's logs intake in us-east-1 used from eu-west-3 through a cross-region interface endpoint. Hand
     * calculation with the shipped eu-west-3 prices: 2 ENIs x 730 h x 0.011 = 16.06; data 1,000 GB x 0.01 = 10.00;
     * inter-region transfer eu-west-3 -> us-east-1 1,000 GB x 0.02 = 20.00; endpoint 46.06. NAT data avoided
     * 1,000 x 0.050 = 50.00; net 3.94. Break-even 16.06 / (0.050 - 0.01 - 0.02) = 803 GB.
     */
    @Test
    void aCrossRegionEndpointPaysTheInterRegionTransferToTheCent() {
        JsonNode estimate = estimate(body("eu-west-3", "Interface", 2, 1000).put("serviceRegion", "us-east-1"));

        assertThat(component(estimate, "endpointHours")).isEqualTo("16.06");
        assertThat(component(estimate, "endpointData")).isEqualTo("10.00");
        assertThat(component(estimate, "interRegionTransfer")).isEqualTo("20.00");
        assertThat(cents(estimate, "endpointCost")).isEqualTo("46.06");
        assertThat(cents(estimate, "avoidedNatCost")).isEqualTo("50.00");
        assertThat(cents(estimate, "netSaving")).isEqualTo("3.94");
        assertThat(estimate.path("breakEvenGb").decimalValue()).isEqualByComparingTo("803");
        assertThat(estimate.path("serviceRegion").asString()).isEqualTo("us-east-1");
        JsonNode transfer = componentNode(estimate, "interRegionTransfer");
        assertThat(transfer.path("side").asString()).isEqualTo("cost");
        assertThat(transfer.path("item").asString()).isEqualTo("INTER_REGION_GB");
        assertThat(transfer.path("source").asString()).contains("AWSDataTransfer");
        assertThat(transfer.path("effectiveFrom").asString()).isEqualTo("2025-10-01");

        // the same endpoint in its own region has no transfer line
        JsonNode local = estimate(body("eu-west-3", "Interface", 2, 1000));
        assertThat(componentNode(local, "interRegionTransfer").isMissingNode()).isTrue();
        assertThat(cents(local, "netSaving")).isEqualTo("23.94");
    }

    @Test
    void withoutAGbFigureTheEstimateGivesTheFixedCostAndBreakEvenAndNoSaving() {
        ObjectNode body = body("us-east-1", "Interface", 2, 0);
        body.remove("monthlyGb");

        JsonNode estimate = estimate(body);

        // 2 ENIs x 730 h x 0.01 = 14.60 before data; 14.60 / (0.045 - 0.01) = 417.14 GB
        assertThat(cents(estimate, "endpointCost")).isEqualTo("14.60");
        assertThat(estimate.path("netSaving").isNull()).isTrue();
        assertThat(estimate.path("warning").isNull()).isTrue();
        assertThat(estimate.path("breakEvenGb").decimalValue()).isEqualByComparingTo("417.142857");
        assertThat(estimate.path("prompt").asString()).contains("$14.60 per month").contains("418 GB per month");
        assertThat(componentNode(estimate, "endpointData").isMissingNode()).isTrue();
        assertThat(componentNode(estimate, "natData").isMissingNode()).isTrue();
    }

    @Test
    void aBadOrUnpricedServiceRegionIsAProblemNamingIt() {
        JsonNode unknown = Problems.assertProblem(api.post("/api/v1/estimates", token,
                body("eu-west-3", "Interface", 1, 10).put("serviceRegion", "mars-north-1").toString()), 400);
        assertThat(Problems.errorFields(unknown)).contains("serviceRegion");

        JsonNode gateway = Problems.assertProblem(api.post("/api/v1/estimates", token,
                body("eu-west-3", "Gateway", null, 10).put("serviceRegion", "us-east-1").toString()), 400);
        assertThat(Problems.errorFields(gateway)).contains("serviceRegion");

        JsonNode unpriced = Problems.assertProblem(api.post("/api/v1/estimates", token,
                body("eu-west-3", "Interface", 1, 10).put("serviceRegion", "sa-east-1").toString()), 422);
        assertThat(unpriced.path("detail").asString()).contains("eu-west-3").contains("sa-east-1");
    }

    @Test
    void aPeriodCountsItsDaysAndIsPricedWithThePricesInForceThen() {
        String older = """
                "FormatVersion","v1.0"
                "SKU","TermType","EffectiveDate","StartingRange","EndingRange","Unit","PricePerUnit","Currency","serviceCode","usageType","Region Code"
                "T1","OnDemand","2020-01-01T00:00:00Z","0","Inf","GB","0.040","USD","AmazonEC2","USE2-NatGateway-Bytes","us-east-2"
                """;
        savings.importPrices(new ByteArrayInputStream(older.getBytes(StandardCharsets.UTF_8)), "test: 2020 prices", true);

        JsonNode then = estimate(body("us-east-2", "Gateway", null, 1000).put("from", "2020-06-01").put("to", "2020-06-30"));
        JsonNode now = estimate(body("us-east-2", "Gateway", null, 1000));

        assertThat(then.path("hours").decimalValue()).isEqualByComparingTo("720");
        assertThat(cents(then, "netSaving")).isEqualTo("40.00");
        assertThat(then.path("components").get(0).path("source").asString()).isEqualTo("test: 2020 prices");
        assertThat(cents(now, "netSaving")).isEqualTo("45.00");
    }

    @Test
    void anUnpricedRegionIsRefusedNamingThePricedOnes() {
        Response response = api.post("/api/v1/estimates", token, body("sa-east-1", "Gateway", null, 10).toString());

        JsonNode problem = Problems.assertProblem(response, 422);
        assertThat(problem.path("detail").asString()).contains("sa-east-1").contains("us-east-1")
                .contains("ap-northeast-1");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        JsonNode noEnis = Problems.assertProblem(api.post("/api/v1/estimates", token,
                body("us-east-1", "Interface", null, 10).toString()), 400);
        assertThat(Problems.errorFields(noEnis)).contains("enis");

        JsonNode negative = Problems.assertProblem(api.post("/api/v1/estimates", token,
                body("us-east-1", "Gateway", null, -1).toString()), 400);
        assertThat(Problems.errorFields(negative)).contains("monthlyGb");

        JsonNode halfPeriod = Problems.assertProblem(api.post("/api/v1/estimates", token,
                body("us-east-1", "Gateway", null, 1).put("from", "2025-01-01").toString()), 400);
        assertThat(Problems.errorFields(halfPeriod)).contains("to");

        Problems.assertProblem(api.post("/api/v1/estimates", token,
                body("us-east-1", "Transit", null, 1).toString()), 400);
    }

    private JsonNode estimate(ObjectNode body) {
        Response response = api.post("/api/v1/estimates", token, body.toString());
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private static ObjectNode body(String region, String type, Integer enis, int gb) {
        ObjectNode body = PortalApi.object().put("region", region).put("endpointType", type).put("monthlyGb", gb);
        if (enis != null) {
            body.put("enis", enis);
        }
        return body;
    }

    private static String cents(JsonNode estimate, String field) {
        return estimate.path(field).decimalValue().setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static JsonNode componentNode(JsonNode estimate, String name) {
        for (JsonNode c : estimate.path("components")) {
            if (c.path("name").asString().equals(name)) {
                return c;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    private static String component(JsonNode estimate, String name) {
        for (JsonNode c : estimate.path("components")) {
            if (c.path("name").asString().equals(name)) {
                return c.path("usd").decimalValue().setScale(2, RoundingMode.HALF_UP).toPlainString();
            }
        }
        throw new AssertionError("no component " + name + " in " + estimate);
    }
}
