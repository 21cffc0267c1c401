package io.vpcportal.request.web;

import static io.vpcportal.Problems.assertProblemBody;
import static io.vpcportal.Problems.errorFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.instancio.Select.all;
import static org.instancio.Select.field;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.PortalIntegrationTest;
import io.vpcportal.TestIdentities;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.IdentityManagement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.instancio.Instancio;
import org.instancio.settings.Keys;
import org.instancio.settings.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bodies a client should never send to {@code POST /api/v1/requests}: each must be refused with a 4xx
 * {@code application/problem+json}, never a 5xx, and must store nothing. They come from one fresh requester of
 * team {@code payments}, whose request list therefore stays empty.
 */
@PortalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestPayloadIntegrationTests {

    private static final String REQUESTS = "/api/v1/requests";
    private static final long SEED = 20_251_126L;
    private static final String HUGE = "x".repeat(100_000);

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    @Autowired
    AccountManagement accounts;

    PortalApi api;
    String fuzzer;

    @BeforeEach
    void setUp() {
        api = new PortalApi(port);
        if (fuzzer == null) {
            TestIdentities identities = new TestIdentities(identity, accounts);
            fuzzer = api.tokenOf(identities.requester("payments"), TestIdentities.PASSWORD);
        }
    }

    @Test
    void theUnchangedBaseBodyIsAccepted() {
        // proves that each case below is refused for the one thing it changes
        Response created = api.post(REQUESTS, api.tokenOf("requester"), RequestPayloads.sts().toString());

        assertThat(created.status()).as("%s", created).isEqualTo(201);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformedBodies")
    void aMalformedBodyIsRefusedWithAProblem(byte[] body, String expectedField) {
        Response response = api.post(REQUESTS, fuzzer, body, Map.of());

        assertThat(response.status()).as("%s", response).isBetween(400, 499);
        JsonNode problem = assertProblemBody(response);
        if (expectedField != null) {
            assertThat(errorFields(problem)).as("fields of %s", response).contains(expectedField);
        }
        assertNothingStored();
    }

    @ParameterizedTest(name = "[{index}] random payload")
    @MethodSource("randomPayloads")
    void aRandomPayloadIsRefusedWithAProblem(String body) {
        Response response = api.post(REQUESTS, fuzzer, body);

        assertThat(response.status()).as("%s for %s", response, body).isBetween(400, 499);
        assertProblemBody(response);
        assertNothingStored();
    }

    private void assertNothingStored() {
        Response mine = api.get(REQUESTS + "?mine=true&limit=1", fuzzer);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("items")).as("requests stored for the fuzzing user").isEmpty();
    }

    static Stream<Arguments> malformedBodies() {
        Cases c = new Cases();

        // not JSON, or not a JSON object
        c.raw("empty body", "", null);
        c.raw("plain text", "please create my endpoint", null);
        c.raw("truncated object", "{\"team\":\"payments\",", null);
        c.raw("trailing comma", RequestPayloads.sts().toString().replaceFirst("}$", ",}"), null);
        c.raw("single quotes", "{'team':'payments'}", null);
        c.raw("comment before the object", "/* hi */ " + RequestPayloads.sts(), null);
        c.raw("two objects", RequestPayloads.sts() + "" + RequestPayloads.sts(), null);
        c.raw("trailing garbage", RequestPayloads.sts() + " xyz", null);
        c.raw("JSON array instead of object", "[" + RequestPayloads.sts() + "]", null);
        c.raw("empty JSON array", "[]", null);
        c.raw("JSON string", "\"sts\"", null);
        c.raw("JSON number", "42", null);
        c.raw("JSON null", "null", null);
        c.raw("JSON true", "true", null);
        c.raw("NaN literal", RequestPayloads.sts().toString().replace("12.5", "NaN"), null);
        c.raw("2000-digit number", RequestPayloads.sts().toString().replace("12.5", "1".repeat(2000)), null);
        c.raw("10000 nested arrays", "{\"items\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}", null);
        c.bytes("invalid UTF-8", concat("{\"team\":\"pay".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, (byte) 0xfe}, "ments\"}".getBytes(StandardCharsets.UTF_8)), null);
        c.raw("raw control character in a string", RequestPayloads.sts().toString().replace("STS for", "STS\u0001for"), null);

        // wrong types
        c.body("team is an array", b -> b.putArray("team").add("payments"), "team");
        c.body("team is an object", b -> b.putObject("team").put("id", "payments"), "team");
        c.body("accountId is a short number", b -> b.put("accountId", 12345), "accountId");
        c.body("expectedMonthlyGb is text", b -> b.put("expectedMonthlyGb", "lots"), "expectedMonthlyGb");
        c.body("expectedMonthlyGb is a boolean", b -> b.put("expectedMonthlyGb", true), "expectedMonthlyGb");
        c.body("expectedMonthlyGb is an object", b -> b.putObject("expectedMonthlyGb"), "expectedMonthlyGb");
        c.body("items is an object", b -> b.putObject("items").put("templateKey", "sts"), "items");
        c.body("items is a string", b -> b.put("items", "sts"), "items");
        c.body("an item is a string", b -> b.putArray("items").add("sts"), "items[0]");
        c.body("an item is a number", b -> b.putArray("items").add(5), "items[0]");
        c.item("subnetIds is a string", i -> i.put("subnetIds", RequestPayloads.SUBNET), "items[0].subnetIds");
        c.item("privateDns is a word", i -> i.put("privateDns", "yes"), "items[0].privateDns");
        c.item("privateDns is an array", i -> i.putArray("privateDns"), "items[0].privateDns");
        c.item("tags is an array", i -> i.putArray("tags").add("a").add("b"), "items[0].tags");
        c.item("a tag value is an object", i -> i.putObject("tags").putObject("k").put("nested", 1), "items[0].tags.k");

        // unknown properties
        c.body("unknown property", b -> b.put("approver", "me"), "approver");
        c.body("status smuggled in", b -> b.put("status", "APPROVED"), "status");
        c.body("__proto__", b -> b.putObject("__proto__").put("admin", true), "__proto__");
        c.item("serviceName smuggled into an item", i -> i.put("serviceName", "com.amazonaws.vpce.evil"),
                "items[0].serviceName");

        // malformed AWS ids
        c.body("vpcId uppercase", b -> b.put("vpcId", "vpc-0A1B2C3D"), "vpcId");
        c.body("vpcId with the endpoint prefix", b -> b.put("vpcId", "vpce-0a1b2c3d"), "vpcId");
        c.body("vpcId with 9 hex digits", b -> b.put("vpcId", "vpc-0a1b2c3d4"), "vpcId");
        c.body("vpcId missing", b -> b.remove("vpcId"), "vpcId");
        c.body("natGatewayId without digits", b -> b.put("natGatewayId", "nat-"), "natGatewayId");
        c.item("subnet id not hex", i -> i.putArray("subnetIds").add("subnet-xyz12345"), "items[0].subnetIds");
        c.item("security group twice", i -> i.putArray("securityGroupIds").add("sg-0a1b2c3d").add("sg-0a1b2c3d"),
                "items[0].securityGroupIds");
        c.item("six security groups", i -> {
            ArrayNode groups = i.putArray("securityGroupIds");
            IntStream.range(0, 6).forEach(n -> groups.add("sg-0a1b2c3" + n));
        }, "items[0].securityGroupIds");
        c.item("route tables on an interface endpoint", i -> i.putArray("routeTableIds").add(RequestPayloads.ROUTE_TABLE),
                "items[0].routeTableIds");

        // huge strings
        c.body("100k title", b -> b.put("title", HUGE), "title");
        c.body("100k justification", b -> b.put("justification", HUGE), "justification");
        c.body("100k team", b -> b.put("team", HUGE), "team");
        c.body("100k vpcId", b -> b.put("vpcId", HUGE), "vpcId");
        c.item("100k custom policy", i -> i.put("policyChoice", "custom").put("customPolicy", "{\"a\":\"" + HUGE + "\"}"),
                "items[0].customPolicy");
        c.item("100k tag key", i -> i.putObject("tags").put(HUGE, "v"), "items[0].tags");
        c.body("100k property name", b -> b.put(HUGE, 1), null);

        // unicode
        c.body("Cyrillic look-alike team", b -> b.put("team", "\u0440\u0430yments"), "team");
        c.body("Arabic-Indic digits as account", b -> b.put("accountId", "\u0661".repeat(12)), "accountId");
        c.body("full-width digits in vpcId", b -> b.put("vpcId", "vpc-\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17"), "vpcId");
        c.body("non-breaking hyphens in region", b -> b.put("region", "eu\u2011west\u20111"), "region");
        c.item("zero-width space in template key", i -> i.put("templateKey", "sts\u200b"), "items[0].templateKey");
        c.item("emoji tag key", i -> i.putObject("tags").put("\uD83D\uDE80", "launch"), "items[0].tags");
        c.body("NUL character in title", b -> b.put("title", "STS\u0000for payments"), "title");
        c.body("NUL character in justification", b -> b.put("justification", "needed\u0000"), "justification");

        // nulls
        c.body("items holds null", b -> b.putArray("items").addNull(), "items[0]");
        c.item("null inside subnetIds", i -> i.putArray("subnetIds").add(RequestPayloads.SUBNET).addNull(),
                "items[0].subnetIds");
        c.item("null inside securityGroupIds", i -> i.putArray("securityGroupIds").addNull(), "items[0].securityGroupIds");
        c.item("null tag value", i -> i.putObject("tags").putNull("owner"), "items[0].tags");
        c.body("items is null", b -> b.putNull("items"), "items");
        c.body("every property null", b -> List.of("team", "accountId", "region", "vpcId", "title", "justification",
                "expectedMonthlyGb", "items").forEach(b::putNull), "team");
        c.item("null template key and lists", i -> i.putNull("templateKey").putNull("subnetIds"), "items[0].templateKey");

        // numbers
        c.body("negative GB", b -> b.put("expectedMonthlyGb", -1), "expectedMonthlyGb");
        c.body("GB above the limit", b -> b.put("expectedMonthlyGb", new java.math.BigDecimal("10000000.001")),
                "expectedMonthlyGb");
        c.body("GB with four decimals", b -> b.put("expectedMonthlyGb", new java.math.BigDecimal("1.2345")),
                "expectedMonthlyGb");
        c.raw("GB 1e400", RequestPayloads.sts().toString().replace("12.5", "1e400"), "expectedMonthlyGb");
        c.raw("GB 1e-400", RequestPayloads.sts().toString().replace("12.5", "1e-400"), "expectedMonthlyGb");
        c.raw("GB exponent overflow", RequestPayloads.sts().toString().replace("12.5", "1e2147483648"), "expectedMonthlyGb");

        // item counts
        c.body("no items", b -> b.putArray("items"), "items");
        c.body("11 items", b -> repeatItem(b, 11), "items");
        c.body("21 items", b -> repeatItem(b, 21), "items");
        c.body("the same template twice", b -> repeatItem(b, 2), "items[1].templateKey");

        // regions, accounts, teams
        c.body("unknown region", b -> b.put("region", "mars-north-1"), "region");
        c.body("uppercase region", b -> b.put("region", "EU-WEST-1"), "region");
        c.body("region the account does not allow", b -> b.put("region", "us-west-2"), "region");
        c.body("account with 11 digits", b -> b.put("accountId", "11111111111"), "accountId");
        c.body("account with 13 digits", b -> b.put("accountId", "1111111111111"), "accountId");
        c.body("account with a letter", b -> b.put("accountId", "11111111111a"), "accountId");
        c.body("unregistered account", b -> b.put("accountId", "999999999999"), "accountId");
        c.body("someone else's team", b -> b.put("team", "network"), "team");

        // injection attempts
        c.body("SQL in team", b -> b.put("team", "payments' OR '1'='1"), "team");
        c.body("SQL in vpcId", b -> b.put("vpcId", "vpc-0a1b2c3d'; DROP TABLE endpoint_request; --"), "vpcId");
        c.body("SQL in accountId", b -> b.put("accountId", "111111111111 OR 1=1"), "accountId");
        c.item("SQL in template key", i -> i.put("templateKey", "sts' --"), "items[0].templateKey");
        c.item("script in a tag key", i -> i.putObject("tags").put("<script>alert(1)</script>", "x"), "items[0].tags");
        c.body("JNDI lookup in region", b -> b.put("region", "${jndi:ldap://127.0.0.1/a}"), "region");
        c.body("NoSQL operator as vpcId", b -> b.putObject("vpcId").putNull("$ne"), "vpcId");

        // policies
        c.item("unknown policy choice", i -> i.put("policyChoice", "admin-all"), "items[0].policyChoice");
        c.item("custom policy that is an array", i -> i.put("policyChoice", "custom").put("customPolicy", "[1,2]"),
                "items[0].customPolicy");
        c.item("custom policy nested 10000 deep", i -> i.put("policyChoice", "custom")
                .put("customPolicy", "[".repeat(10_000)), "items[0].customPolicy");
        c.item("bucket policy on STS", i -> i.put("policyChoice", "s3-buckets"), "items[0].policyChoice");
        return c.cases.stream();
    }

    /** Seeded random payloads: valid team, account and region, but random (unicode) everything else. */
    static Stream<String> randomPayloads() {
        return Instancio.of(EndpointRequestPayload.class)
                .withSeed(SEED)
                .withSetting(Keys.STRING_TYPE, StringType.UNICODE)
                .withSetting(Keys.STRING_MIN_LENGTH, 1)
                .withSetting(Keys.STRING_MAX_LENGTH, 40)
                .withSetting(Keys.STRING_NULLABLE, true)
                .withSetting(Keys.COLLECTION_ELEMENTS_NULLABLE, true)
                .withSetting(Keys.COLLECTION_MAX_SIZE, 12)
                .withSetting(Keys.MAP_VALUES_NULLABLE, true)
                .set(field(EndpointRequestPayload.class, "team"), "payments")
                .set(field(EndpointRequestPayload.class, "accountId"), RequestPayloads.SANDBOX)
                .set(field(EndpointRequestPayload.class, "region"), "eu-west-1")
                .generate(field(EndpointRequestPayload.Item.class, "templateKey"),
                        gen -> gen.oneOf("sts", "s3-gateway", "dynamodb-gateway", "s3-interface", "datadog-logs"))
                .generate(all(java.math.BigDecimal.class), gen -> gen.math().bigDecimal().min(
                        new java.math.BigDecimal("-5")).max(new java.math.BigDecimal("20000000")).scale(4))
                .stream()
                .limit(40)
                .map(payload -> PortalApi.json().writeValueAsString(payload));
    }

    private static void repeatItem(ObjectNode body, int times) {
        JsonNode item = body.get("items").get(0);
        ArrayNode items = body.putArray("items");
        for (int n = 0; n < times; n++) {
            items.add(item.deepCopy());
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Named cases: a body (the valid STS body with one change, or raw text) and the field a problem must name. */
    private static final class Cases {

        final List<Arguments> cases = new ArrayList<>();

        void body(String name, Consumer<ObjectNode> change, String field) {
            ObjectNode body = RequestPayloads.sts();
            change.accept(body);
            raw(name, body.toString(), field);
        }

        void item(String name, Consumer<ObjectNode> change, String field) {
            body(name, b -> change.accept(RequestPayloads.item(b, 0)), field);
        }

        void raw(String name, String body, String field) {
            bytes(name, body.getBytes(StandardCharsets.UTF_8), field);
        }

        void bytes(String name, byte[] body, String field) {
            cases.add(Arguments.of(Named.of(name, body), field));
        }
    }
}
