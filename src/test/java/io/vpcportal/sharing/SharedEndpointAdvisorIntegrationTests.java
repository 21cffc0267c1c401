package io.vpcportal.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.AwsIntegrationTest;
import io.vpcportal.MotoAccounts;
import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.TestIdentities;
import io.vpcportal.account.AccountChange;
import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.inventory.InventorySyncs;
import io.vpcportal.savings.SavingsManagement;
import io.vpcportal.shared.TeamId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.ec2.Ec2Client;
import tools.jackson.databind.JsonNode;

/**
 * The advisor against the reference organization ({@link SharedEndpointsWorld}) in moto: synced and collected
 * through the portal, then advised through the API. The expected figures are worked out by hand below with the
 * shipped us-east-1 prices: interface endpoint 0.01 per ENI-hour and 0.01 per GB, Transit Gateway 0.05 per
 * attachment-hour and 0.02 per GB, Route 53 0.50 per zone and month; 730 hours a month; one measured day, so a
 * month's GB is the day's GiB x 730 / 24 (3 GiB a day: 91.25 GB a month; 48 GiB: 1460 GB).
 */
@AwsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedEndpointAdvisorIntegrationTests {

    static final String NETWORK = account();
    static final String WORKLOAD = account();

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    AccountManagement accounts;
    @Autowired
    SavingsManagement savings;

    PortalApi api;
    String token;
    String requester;
    SharedEndpointsWorld world;
    String elsewhere;

    @BeforeAll
    void organization() {
        api = new PortalApi(port);
        String team = "shr-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        identity.ensureTeam(new TeamId(team), "Shared services team");
        for (String account : List.of(NETWORK, WORKLOAD)) {
            accounts.register(account, new AccountChange("shared " + account, MotoAccounts.roleOf(account),
                    MotoAccounts.externalIdOf(account), AccountEnvironment.NON_PRODUCTION,
                    new TreeSet<>(Set.of("us-east-1", "eu-west-1")), new TreeSet<>(Set.of(team))), "test");
        }
        // the caller sees only the two accounts: other test classes' VPCs in us-east-1 stay out of the advice
        requester = new TestIdentities(identity, accounts).requester(team);
        token = api.tokenOf(requester, TestIdentities.PASSWORD);
        world = SharedEndpointsWorld.build(NETWORK, WORKLOAD);
        try (Ec2Client ireland = MotoAccounts.ec2As(NETWORK, "eu-west-1")) {
            elsewhere = ireland.createVpc(r -> r.cidrBlock("10.200.0.0/16")).vpc().vpcId();
        }
        String admin = api.tokenOf("admin");
        InventorySyncs.syncAndWait(api, admin);
        LocalDate day = savings.today().minusDays(2);
        world.putTraffic(day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(6)));
        Response collected = api.post("/api/v1/savings/collect", admin, "{\"from\":\"" + day + "\",\"to\":\"" + day + "\"}");
        assertThat(collected.status()).as(collected.body()).isEqualTo(200);
    }

    @Test
    void theAdvisorsFiguresEqualTheHandCalculationToTheCent() {
        Response response = api.get("/api/v1/advice/shared-endpoints?region=us-east-1", token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode advice = response.json();

        JsonNode hub = advice.get("hub");
        assertThat(hub.get("vpcId").asString()).isEqualTo(world.hub);
        assertThat(hub.get("proposed").asBoolean()).isTrue();
        assertThat(hub.get("reason").asString()).isEqualTo("tagged portal:hub");
        assertThat(hub.get("transitGateway").asString()).isEqualTo(world.transitGateway);
        assertThat(hub.get("zones")).hasSize(3);

        // ssm, ssmmessages, ec2messages: 11 spokes (A1..A8 attached, B1..B3 to attach; B4 on another gateway)
        //   today: 11 x 2 zones x 730 h x 0.01 = 160.60; data 11 x 91.25 GB = 1003.75 GB x 0.01 = 10.0375 -> 170.6375
        //   hub:   3 zones x 730 h x 0.01 = 21.90; the same data through it 10.0375; Transit Gateway
        //          1003.75 GB x 0.02 = 20.075; zone 0.50; queries 0 (alias to an endpoint) -> 52.5125
        //   saving 118.125; break-even (160.60 - 21.90 - 0.50) / 0.02 = 6910 GB a month
        for (String service : List.of("ssm", "ssmmessages", "ec2messages")) {
            JsonNode s = service(advice, service);
            assertThat(s.get("verdict").asString()).isEqualTo("SHARE");
            assertThat(s.get("spokes")).hasSize(11);
            assertCents(s, "todayCost", "170.64");
            assertCents(s, "hubCost", "52.51");
            assertCents(s, "saving", "118.13");
            assertCents(s, "spokeGb", "1003.75");
            assertCents(s, "breakEvenGb", "6910.00");
            assertThat(s.get("excluded")).hasSize(1);
            assertThat(s.get("excluded").get(0).get("vpcId").asString()).isEqualTo(world.spokes.get("B4"));
            assertThat(s.get("excluded").get(0).get("reason").asString()).contains("not reachable")
                    .contains(world.otherTransitGateway).contains(world.transitGateway);
        }
        // sts: A1, A2 (3 zones), B2 (2 zones); B1 keeps its own (its private hosted zone answers the name)
        //   today: (3 + 3 + 2) x 730 x 0.01 = 58.40; data 3 x 91.25 = 273.75 GB x 0.01 = 2.7375 -> 61.1375
        //   hub:   21.90 + 2.7375 + 273.75 x 0.02 = 5.475 + 0.50 -> 30.6125; saving 30.525; break-even 36.00 / 0.02 = 1800
        JsonNode sts = service(advice, "sts");
        assertThat(sts.get("verdict").asString()).isEqualTo("SHARE");
        assertCents(sts, "todayCost", "61.14");
        assertCents(sts, "hubCost", "30.61");
        assertCents(sts, "saving", "30.53");
        assertCents(sts, "breakEvenGb", "1800.00");
        assertThat(texts(sts.get("spokes"))).containsExactlyInAnyOrder(world.spokes.get("A1"), world.spokes.get("A2"),
                world.spokes.get("B2"));
        assertThat(sts.get("excluded").get(0).get("vpcId").asString()).isEqualTo(world.spokes.get("B1"));
        assertThat(sts.get("excluded").get(0).get("reason").asString()).contains("sts.us-east-1.amazonaws.com");
        // logs: A1..A8, 1460 GB a month each = 11680 GB
        //   today 8 x 2 x 730 x 0.01 = 116.80 + 116.80 data = 233.60; hub 21.90 + 116.80 + 233.60 + 0.50 = 372.80
        //   saving -139.20; break-even (116.80 - 21.90 - 0.50) / 0.02 = 4720 GB, measured 11680
        JsonNode logs = service(advice, "logs");
        assertThat(logs.get("verdict").asString()).isEqualTo("BELOW_BREAK_EVEN");
        assertCents(logs, "todayCost", "233.60");
        assertCents(logs, "hubCost", "372.80");
        assertCents(logs, "saving", "-139.20");
        assertCents(logs, "breakEvenGb", "4720.00");
        assertThat(logs.get("reason").asString()).contains("11680").contains("4720");
        // monitoring: A3 alone; today 14.60 + 0.9125 = 15.5125; hub 21.90 + 0.9125 + 1.825 + 0.50 = 25.1375;
        // the hub's fixed cost (22.40) is above the spoke's hours (14.60): no break-even
        JsonNode monitoring = service(advice, "monitoring");
        assertThat(monitoring.get("verdict").asString()).isEqualTo("BELOW_BREAK_EVEN");
        assertCents(monitoring, "saving", "-9.63");
        assertThat(monitoring.get("breakEvenGb").isNull()).isTrue();
        assertThat(monitoring.get("reason").asString()).contains("at any traffic");
        JsonNode kms = service(advice, "kms");
        assertThat(kms.get("verdict").asString()).isEqualTo("POLICY_DIFFERS");
        assertThat(kms.get("reason").asString()).contains(world.spokes.get("A1"));
        assertThat(service(advice, "s3").get("verdict").asString()).isEqualTo("GATEWAY_STAYS_PER_VPC");

        // B1..B3 need an attachment: 3 x 730 h x 0.05 = 109.50; the hub routes to the gateway already
        assertThat(advice.get("attachments")).hasSize(3);
        assertThat(texts(advice.get("attachments"), "resourceId")).containsExactlyInAnyOrder(world.spokes.get("B1"),
                world.spokes.get("B2"), world.spokes.get("B3"));
        // today 3 x 170.6375 + 61.1375 = 573.05; hub 3 x 52.5125 + 30.6125 + 109.50 = 297.65; net 275.40
        assertCents(advice, "todayCost", "573.05");
        assertCents(advice, "hubCost", "297.65");
        assertCents(advice, "netSaving", "275.40");

        // the twelve spokes, and each account's default VPC (moto makes one; no endpoint, so no line of its own)
        JsonNode fits = advice.get("vpcs");
        assertThat(fits).hasSize(14);
        int spokes = 0;
        for (JsonNode fit : fits) {
            String vpc = fit.get("vpcId").asString();
            if (world.spokes.containsValue(vpc)) {
                spokes++;
                assertThat(fit.get("canUseHub").asBoolean()).as(fit.toString()).isEqualTo(!vpc.equals(world.spokes.get("B4")));
                boolean networkAccount = fit.get("accountId").asString().equals(NETWORK);
                assertThat(fit.get("attached").asBoolean()).as(fit.toString()).isEqualTo(networkAccount);
            }
        }
        assertThat(spokes).isEqualTo(12);
    }

    @Test
    void everyLineNamesItsPriceAndItsMeasuredBytes() {
        JsonNode ssm = service(api.get("/api/v1/advice/shared-endpoints?region=us-east-1", token).json(), "ssm");
        SharedEndpointsWorld.Endpoint a1 = world.endpoint("A1", "ssm");
        JsonNode hours = line(ssm.get("today"), a1.id(), "VpcEndpoint-Hours");
        assertThat(hours.get("quantity").decimalValue()).isEqualByComparingTo("1460");
        assertThat(hours.get("price").get("usageType").asString()).isEqualTo("USE1-VpcEndpoint-Hours");
        assertThat(hours.get("price").get("usd").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(hours.get("price").get("effectiveFrom").asString()).isEqualTo("2025-10-01");
        assertThat(hours.get("price").get("source").asString()).contains("AmazonVPC-index-extract.csv");
        JsonNode data = line(ssm.get("today"), a1.id(), "VpcEndpoint-Bytes");
        assertThat(data.get("measured").get("days").asInt()).isEqualTo(1);
        assertThat(data.get("measured").get("bytes").asLong()).isEqualTo(3 * SharedEndpointsWorld.GIB);
        assertThat(data.get("measured").get("gbPerMonth").decimalValue()).isEqualByComparingTo("91.25");
        assertThat(usageTypes(ssm.get("withHub"))).containsExactly("USE1-VpcEndpoint-Hours", "USE1-VpcEndpoint-Bytes",
                "USE1-TransitGateway-Bytes", "HostedZone", "DNS-Queries");
        JsonNode zone = ssm.get("withHub").get(3);
        assertThat(zone.get("price").get("source").asString()).contains("AmazonRoute53-index-extract.csv");
        assertThat(zone.get("usd").decimalValue()).isEqualByComparingTo("0.50");
    }

    @Test
    void aHubNamedByTheCallerIsUsedAndSaysSo() {
        JsonNode advice = api.get("/api/v1/advice/shared-endpoints?region=us-east-1&hubVpcId=" + world.hub, token).json();
        assertThat(advice.get("hub").get("proposed").asBoolean()).isFalse();
        assertThat(advice.get("hub").get("reason").asString()).contains("hubVpcId");
        assertCents(advice, "netSaving", "275.40");
    }

    @Test
    void badInputIsAProblemNamingTheParameter() {
        assertProblem(api.get("/api/v1/advice/shared-endpoints", token), "region", "required");
        assertProblem(api.get("/api/v1/advice/shared-endpoints?region=xx-nowhere-9", token), "region", "unknown region");
        assertProblem(api.get("/api/v1/advice/shared-endpoints?region=us-east-1&hubVpcId=" + elsewhere, token),
                "hubVpcId", "is in eu-west-1, not in us-east-1");
        assertProblem(api.get("/api/v1/advice/shared-endpoints?region=us-east-1&hubVpcId=vpc-0000000000000dead", token),
                "hubVpcId", "no VPC vpc-0000000000000dead");
        assertProblem(api.get("/api/v1/advice/shared-endpoints?region=us-east-1&hubVpcId=subnet-1234", token),
                "hubVpcId", "must be a VPC id");
    }

    @Test
    void thePageShowsTheRecommendationAndErrorsBesideTheirField() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn(requester, TestIdentities.PASSWORD);
        Response page = browser.page("/advice/shared-endpoints?region=us-east-1");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("275.40").contains(world.hub).contains("POLICY_DIFFERS")
                .contains("USE1-TransitGateway-Bytes");
        Response bad = browser.page("/advice/shared-endpoints?region=us-east-1&hubVpcId=" + elsewhere);
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"hub-error\"").contains("is in eu-west-1, not in us-east-1");
    }

    private static void assertProblem(Response response, String field, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"" + field + "\"").contains(message);
    }

    private static void assertCents(JsonNode node, String field, String expected) {
        BigDecimal actual = node.get(field).decimalValue();
        assertThat(SharedEndpointAdvice.cents(actual)).as(field + " of " + node.path("service").asString())
                .isEqualByComparingTo(new BigDecimal(expected));
    }

    private static JsonNode service(JsonNode advice, String name) {
        for (JsonNode s : advice.get("services")) {
            if (s.get("service").asString().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no service " + name + " in " + advice.get("services"));
    }

    private static JsonNode line(JsonNode lines, String resource, String usage) {
        for (JsonNode l : lines) {
            if (l.get("resourceId").asString().equals(resource) && l.get("price").get("usageType").asString().endsWith(usage)) {
                return l;
            }
        }
        throw new AssertionError("no " + usage + " line of " + resource + " in " + lines);
    }

    private static List<String> usageTypes(JsonNode lines) {
        List<String> out = new ArrayList<>();
        lines.forEach(l -> out.add(l.get("price").get("usageType").asString()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }

    private static String account() {
        return "7" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }
}
