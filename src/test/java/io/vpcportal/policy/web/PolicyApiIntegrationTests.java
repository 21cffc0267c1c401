package io.vpcportal.policy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three policy endpoints over HTTP, against the whole portal with the demo data: the demo account
 * 111111111111 has organization {@code o-exampleorgid} and break-glass role {@code BreakGlassAdmin}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class PolicyApiIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ACCOUNT = "111111111111";
    private static final String BREAK_GLASS = "arn:aws:iam::111111111111:role/BreakGlassAdmin";

    @LocalServerPort
    int port;

    /** Tokens by user, created once: each creation checks a bcrypt password hash, which is slow on purpose. */
    private static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @BeforeEach
    void signIn() throws Exception {
        token = token("requester");
    }

    private String token(String user) throws Exception {
        String known = TOKENS.get(user);
        if (known != null) {
            return known;
        }
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/v1/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"policy-tests\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String fresh = JSON.readTree(created.body()).get("token").stringValue();
        TOKENS.put(user, fresh);
        return fresh;
    }

    @Test
    void previewGeneratesThePairWithTheAccountsSettings() throws Exception {
        HttpResponse<String> response = post("/api/v1/policies/preview", """
                {"region": "us-east-1", "serviceName": "com.amazonaws.us-east-1.s3", "endpointType": "Gateway",
                 "policyChoice": "s3-buckets", "bucketNames": ["uploads-bucket"], "accountId": "111111111111",
                 "vpcId": "vpc-0a1b2c3d4e5f60718", "endpointIds": ["vpce-0a1b2c3d4e5f60718"],
                 "expectedAccesses": [{"principal": "arn:aws:iam::111111111111:role/app", "action": "s3:PutObject",
                   "resource": "arn:aws:s3:::uploads-bucket/x", "path": "THIS_ENDPOINT", "expectAllowed": true}]}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("blocking").booleanValue()).isFalse();
        assertThat(body.get("findings").isEmpty()).as(body.get("findings").toString()).isTrue();
        assertThat(body.get("endpointPolicy").stringValue()).contains("\"aws:PrincipalOrgID\": \"o-exampleorgid\"");
        JsonNode bucket = body.get("bucketPolicies").get(0);
        assertThat(bucket.get("bucket").stringValue()).isEqualTo("uploads-bucket");
        assertThat(bucket.get("enforcement").stringValue()).isEqualTo("ENFORCE");
        assertThat(bucket.get("document").stringValue()).contains(BREAK_GLASS, "vpce-0a1b2c3d4e5f60718");
        JsonNode last = body.get("matrix").get(body.get("matrix").size() - 1);
        assertThat(last.get("allowed").booleanValue()).isTrue();
        assertThat(last.get("check").get("expectAllowed").booleanValue()).isTrue();
        assertThat(last.get("policy").stringValue()).isEqualTo("endpoint policy");
    }

    @Test
    void previewRejectsBadInputWithFieldErrors() throws Exception {
        HttpResponse<String> response = post("/api/v1/policies/preview", """
                {"region": "mars-1", "serviceName": "com.amazonaws.us-east-1.sqs", "policyChoice": "all-of-it",
                 "bucketNames": ["uploads"], "accountId": "999999999999"}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(fields(response)).containsExactly("accountId");
        HttpResponse<String> noAccount = post("/api/v1/policies/preview", """
                {"region": "mars-1", "serviceName": "com.amazonaws.us-east-1.sqs", "policyChoice": "all-of-it",
                 "bucketNames": ["uploads"]}""");
        assertThat(fields(noAccount)).containsExactlyInAnyOrder("region", "policyChoice", "bucketNames");
        HttpResponse<String> blank = post("/api/v1/policies/preview", "{\"serviceName\": \"\"}");
        assertThat(fields(blank)).contains("region", "serviceName", "policyChoice");
        HttpResponse<String> wrongEnum = post("/api/v1/policies/preview", """
                {"region": "us-east-1", "serviceName": "com.amazonaws.us-east-1.s3", "policyChoice": "full-access",
                 "bucketRestriction": "SOMEWHERE"}""");
        assertThat(fields(wrongEnum)).containsExactly("bucketRestriction");
    }

    @Test
    void validateReturnsFindingsAndUsesTheAccountsBreakGlassPrincipals() throws Exception {
        String lockout = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OnlyEndpoint\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::uploads-bucket\","
                + "\"arn:aws:s3:::uploads-bucket/*\"],\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-0a1b2c3d4e5f60718\"}}}]}";
        ObjectNode payload = JSON.createObjectNode().put("document", lockout).put("kind", "BUCKET").put("accountId", ACCOUNT);
        HttpResponse<String> response = post("/api/v1/policies/validate", payload.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("valid").booleanValue()).isFalse();
        assertThat(body.get("findings").values()).extracting(f -> f.get("code").stringValue()).contains("BREAK_GLASS_DENIED");
        assertThat(body.get("findings").get(0).get("message").stringValue()).contains(BREAK_GLASS);

        HttpResponse<String> grammar = post("/api/v1/policies/validate",
                "{\"document\": \"{\\\"Statement\\\": 1}\", \"kind\": \"ENDPOINT\"}");
        assertThat(JSON.readTree(grammar.body()).get("findings").values()).extracting(f -> f.get("code").stringValue())
                .contains("GRAMMAR", "MISSING_VERSION");
        assertThat(fields(post("/api/v1/policies/validate", "{\"kind\": \"ENDPOINT\"}"))).containsExactly("document");
    }

    @Test
    void simulateDecidesTheMatrixWithBothDocuments() throws Exception {
        JsonNode preview = JSON.readTree(post("/api/v1/policies/preview", """
                {"region": "us-east-1", "serviceName": "com.amazonaws.us-east-1.s3", "endpointType": "Gateway",
                 "policyChoice": "s3-buckets", "bucketNames": ["uploads-bucket"], "accountId": "111111111111",
                 "endpointIds": ["vpce-0a1b2c3d4e5f60718"]}""").body());
        ObjectNode payload = JSON.createObjectNode()
                .put("endpointPolicy", preview.get("endpointPolicy").stringValue())
                .put("bucketPolicy", preview.get("bucketPolicies").get(0).get("document").stringValue())
                .put("accountId", ACCOUNT).put("endpointId", "vpce-0a1b2c3d4e5f60718");
        payload.set("matrix", JSON.readTree("""
                [{"principal": "arn:aws:iam::111111111111:role/app", "action": "s3:PutObject",
                  "resource": "arn:aws:s3:::uploads-bucket/x", "path": "THIS_ENDPOINT"},
                 {"principal": "arn:aws:iam::111111111111:role/app", "action": "s3:PutObject",
                  "resource": "arn:aws:s3:::uploads-bucket/x", "path": "OUTSIDE_VPC", "expectAllowed": true},
                 {"principal": "%s", "action": "s3:PutObject", "resource": "arn:aws:s3:::uploads-bucket/x",
                  "path": "OUTSIDE_VPC"}]""".formatted(BREAK_GLASS)));
        HttpResponse<String> response = post("/api/v1/policies/simulate", payload.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("decisions").values()).extracting(d -> d.get("allowed").booleanValue())
                .containsExactly(true, false, true);
        assertThat(body.get("decisions").get(1).get("statement").stringValue()).isEqualTo("VpcePortalDenyUnlessSourceVpce");
        assertThat(body.get("findings").values()).extracting(f -> f.get("code").stringValue(), f -> f.get("path").stringValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EXPECTED_ACCESS_DENIED", "matrix[1]"));
    }

    @Test
    void simulateRejectsBrokenDocumentsAndRows() throws Exception {
        assertThat(fields(post("/api/v1/policies/simulate", """
                {"endpointPolicy": "{\\"Statement\\": []}", "matrix": [{"principal": "bob", "action": "s3",
                 "resource": "bucket", "path": "THIS_ENDPOINT"}]}""")))
                .containsExactlyInAnyOrder("endpointPolicy", "matrix[0].principal", "matrix[0].action", "matrix[0].resource");
        assertThat(fields(post("/api/v1/policies/simulate", """
                {"matrix": [{"principal": "*", "action": "s3:GetObject", "resource": "*", "path": "THIS_ENDPOINT"}]}""")))
                .containsExactly("endpointPolicy");
        assertThat(fields(post("/api/v1/policies/simulate", "{\"bucketPolicy\": \"{}\", \"matrix\": []}")))
                .containsExactly("matrix");
    }

    @Test
    void everyCallNeedsAToken() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/policies/validate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"document\": \"{}\", \"kind\": \"ENDPOINT\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void adminsEditThePolicySettingsOfAnAccount() throws Exception {
        String admin = token("admin");
        JsonNode account = JSON.readTree(send(admin, "GET", "/api/v1/accounts/" + ACCOUNT, null).body());
        assertThat(account.get("organizationId").stringValue()).isEqualTo("o-exampleorgid");
        assertThat(account.get("breakGlassPrincipalArns").values()).extracting(JsonNode::stringValue).containsExactly(BREAK_GLASS);

        ObjectNode change = JSON.createObjectNode().put("name", account.get("name").stringValue())
                .put("roleArn", account.get("roleArn").stringValue()).put("environment", account.get("environment").stringValue())
                .put("organizationId", "o-exampleorgid").put("externalId", account.get("externalId").stringValue());
        change.set("regions", account.get("regions"));
        change.set("teams", account.get("teams"));
        change.putArray("breakGlassPrincipalArns").add(BREAK_GLASS).add("arn:aws:iam::222222222222:user/oncall");
        HttpResponse<String> updated = send(admin, "PUT", "/api/v1/accounts/" + ACCOUNT, change.toString());
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(JSON.readTree(updated.body()).get("breakGlassPrincipalArns").values()).extracting(JsonNode::stringValue)
                .containsExactly(BREAK_GLASS, "arn:aws:iam::222222222222:user/oncall");

        ObjectNode invalid = change.deepCopy().put("organizationId", "org-1");
        invalid.putArray("breakGlassPrincipalArns").add("arn:aws:iam::1:group/admins");
        assertThat(fields(send(admin, "PUT", "/api/v1/accounts/" + ACCOUNT, invalid.toString())))
                .containsExactlyInAnyOrder("organizationId", "breakGlassPrincipalArns");

        change.putArray("breakGlassPrincipalArns").add(BREAK_GLASS);
        assertThat(send(admin, "PUT", "/api/v1/accounts/" + ACCOUNT, change.toString()).statusCode()).isEqualTo(200);
    }

    @Test
    void theAccountPagesShowAndEditTheSettings() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String login = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String form = "username=admin&password=demo&_csrf=" + URLEncoder.encode(csrf(login), StandardCharsets.UTF_8);
        browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> list = browser.send(HttpRequest.newBuilder(uri("/accounts")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Organization and break-glass", "o-exampleorgid", BREAK_GLASS);
        String edit = browser.send(HttpRequest.newBuilder(uri("/accounts/" + ACCOUNT + "/edit")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(edit).contains("name=\"organizationId\"", "value=\"o-exampleorgid\"", "name=\"breakGlassPrincipalArns\"",
                BREAK_GLASS);
    }

    private static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("login page has a CSRF token").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(token, "POST", path, json);
    }

    private HttpResponse<String> send(String bearer, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> fields(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode errors = JSON.readTree(response.body()).get("errors");
        assertThat(errors).as(response.body()).isNotNull();
        return errors.values().stream().map(e -> e.get("field").stringValue()).distinct().toList();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
