package io.vpcportal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalIntegrationTest;
import io.vpcportal.TestIdentities;
import io.vpcportal.TestIdentities.FreshTeam;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.provisioning.internal.ProvisioningStore;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestLifecycle;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Plan-only mode (no AWS configured): an approved change and an approved decommission show the exact
 * ModifyVpcEndpoint and DeleteVpcEndpoints calls they would make, and no AWS call is made.
 */
@PortalIntegrationTest
class DayTwoPlanModeIntegrationTests {

    private static final String ENDPOINT = "vpce-0123456789abcdef0";

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    AccountManagement accounts;
    @Autowired
    RequestLifecycle lifecycle;
    @Autowired
    ProvisioningStore store;

    @Test
    void changeAndDecommissionArePlannedWithoutCallingAws() {
        PortalApi api = new PortalApi(port);
        FreshTeam team = new TestIdentities(identity, accounts).team("eu-west-1");
        String token = api.tokenOf(new TestIdentities(identity, accounts).requester(team.id()), TestIdentities.PASSWORD);
        var created = api.post("/api/v1/requests", token, """
                {"team":"%s","accountId":"%s","region":"eu-west-1","vpcId":"vpc-0a1b2c3d4e5f60718","justification":"plan",
                 "items":[{"templateKey":"s3-gateway","routeTableIds":["rtb-0a1b2c3d4e5f60718"],
                           "policyChoice":"s3-buckets","bucketNames":["plan-reports"]}]}"""
                .formatted(team.id(), team.accountId()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        api.post("/api/v1/requests/" + id + "/submit", token, "");
        assertThat(api.get("/api/v1/requests/" + id, token).json().get("status").asString())
                .as("approved automatically by the default rules, then stopped at its plan").isEqualTo("APPROVED");
        // what an apply-mode portal would have recorded once the endpoint existed
        UUID requestId = UUID.fromString(id);
        store.endpoint(requestId, 0, "vpce-portal-plan", ENDPOINT, "available", null);
        lifecycle.startProvisioning(new EndpointRequestId(requestId), "test: as if provisioned");
        lifecycle.provisioned(new EndpointRequestId(requestId), List.of(ENDPOINT));

        var change = api.post("/api/v1/requests/" + id + "/changes", token, """
                {"routeTableIds":["rtb-0a1b2c3d4e5f60718","rtb-0a1b2c3d4e5f60719"],"bucketNames":["plan-reports","plan-archive"],
                 "justification":"the archive job, from the public subnet too"}""");
        assertThat(change.status()).as(change.body()).isEqualTo(201);
        String changeId = change.json().get("id").asString();
        assertThat(api.get("/api/v1/requests/" + changeId, token).json().get("status").asString()).isEqualTo("APPROVED");
        JsonNode changeJob = api.get("/api/v1/requests/" + changeId + "/provisioning", token).json();
        assertThat(changeJob.get("mode").asString()).isEqualTo("PLAN");
        assertThat(changeJob.get("status").asString()).isEqualTo("PLANNED");
        assertThat(changeJob.get("calls")).isEmpty();
        JsonNode modify = call(changeJob, "ec2:ModifyVpcEndpoint");
        assertThat(modify.get("parameters").asString()).contains("\"VpcEndpointId\":\"" + ENDPOINT + "\"")
                .contains("\"AddRouteTableIds\":[\"rtb-0a1b2c3d4e5f60719\"]").contains("PolicyDocument")
                .contains("plan-archive").doesNotContain("RemoveRouteTableIds");
        assertThat(changeJob.get("plan").toString()).contains("ec2:DescribeVpcEndpoints").doesNotContain("CreateVpcEndpoint");
        assertThat(api.get("/api/v1/requests/" + id, token).json().get("items").get(0).get("bucketNames").toString())
                .as("the approved state changes only once the change is applied").doesNotContain("plan-archive");

        // plan-only: the change never applies, so its requester withdraws it before the decommission
        assertThat(api.post("/api/v1/requests/" + id + "/decommission", token, "{}").status()).isEqualTo(409);
        assertThat(api.post("/api/v1/requests/" + changeId + "/cancel", token, "{}").status()).isEqualTo(200);
        var decommission = api.post("/api/v1/requests/" + id + "/decommission", token, "{\"reason\":\"done\"}");
        assertThat(decommission.status()).as(decommission.body()).isEqualTo(200);
        JsonNode request = api.get("/api/v1/requests/" + id, token).json();
        assertThat(request.get("status").asString()).isEqualTo("DECOMMISSIONING");
        JsonNode deleteJob = api.get("/api/v1/requests/" + id + "/provisioning", token).json();
        assertThat(deleteJob.get("status").asString()).isEqualTo("PLANNED");
        assertThat(deleteJob.get("calls")).isEmpty();
        assertThat(call(deleteJob, "ec2:DeleteVpcEndpoints").get("parameters").asString())
                .isEqualTo("{\"VpcEndpointIds\":[\"" + ENDPOINT + "\"]}");
        assertThat(call(deleteJob, "s3:GetBucketPolicy + s3:Put/DeleteBucketPolicy").get("summary").asString())
                .contains("plan-reports").contains(ENDPOINT);
        assertThat(deleteJob.get("plan").toString()).doesNotContain("CreateVpcEndpoint");
        assertThat(request.get("timeline").toString()).contains("nothing was deleted: this is plan-only mode");
    }

    @Test
    void theRequestPageOffersAChangeFormAndADecommission() throws Exception {
        PortalApi api = new PortalApi(port);
        TestIdentities people = new TestIdentities(identity, accounts);
        FreshTeam team = people.team("eu-west-1");
        String username = people.requester(team.id());
        String token = api.tokenOf(username, TestIdentities.PASSWORD);
        var created = api.post("/api/v1/requests", token, """
                {"team":"%s","accountId":"%s","region":"eu-west-1","vpcId":"vpc-0a1b2c3d4e5f60718","justification":"page",
                 "items":[{"templateKey":"s3-gateway","routeTableIds":["rtb-0a1b2c3d4e5f60718"],
                           "policyChoice":"s3-buckets","bucketNames":["page-reports"]}]}"""
                .formatted(team.id(), team.accountId()));
        String id = created.json().get("id").asString();
        api.post("/api/v1/requests/" + id + "/submit", token, "");
        UUID requestId = UUID.fromString(id);
        store.endpoint(requestId, 0, "vpce-portal-page", ENDPOINT, "available", null);
        lifecycle.startProvisioning(new EndpointRequestId(requestId), "test: as if provisioned");
        lifecycle.provisioned(new EndpointRequestId(requestId), List.of(ENDPOINT));
        FormClient browser = FormClient.signIn(port, username, TestIdentities.PASSWORD);

        String detail = browser.get("/requests/" + id).body();
        assertThat(detail).contains("Request a change").contains("/requests/" + id + "/change?position=0")
                .contains("Decommission endpoints");
        String form = browser.get("/requests/" + id + "/change?position=0").body();
        assertThat(form).contains("page-reports").contains("rtb-0a1b2c3d4e5f60718").contains("Submit the change");

        var refused = browser.post("/requests/" + id + "/change", FormClient.csrf(form), java.util.Map.of("position", "0",
                "routeTableIds", "rtb-0a1b2c3d4e5f60718", "policyChoice", "s3-buckets", "bucketNames", "page-reports",
                "justification", "nothing new"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("The change could not be submitted").contains("nothing to approve");

        var submitted = browser.post("/requests/" + id + "/change", FormClient.csrf(form), java.util.Map.of("position", "0",
                "routeTableIds", "rtb-0a1b2c3d4e5f60718", "policyChoice", "s3-buckets",
                "bucketNames", "page-reports\npage-archive", "justification", "the archive job"));
        assertThat(submitted.statusCode()).isEqualTo(302);
        String changePage = browser.get(submitted.headers().firstValue("Location").orElseThrow()).body();
        assertThat(changePage).contains("Change of endpoint").contains(id).contains("page-archive");
        assertThat(browser.get("/requests/" + id).body()).contains("changes-heading");
    }

    /** Form login and form posts with the session cookie, as a browser without JavaScript. */
    record FormClient(java.net.http.HttpClient http, String base) {

        static FormClient signIn(int port, String username, String password) throws Exception {
            FormClient client = new FormClient(java.net.http.HttpClient.newBuilder()
                    .cookieHandler(new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL))
                    .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build(), "http://127.0.0.1:" + port);
            var login = client.post("/login", csrf(client.get("/login").body()),
                    java.util.Map.of("username", username, "password", password));
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
            return client;
        }

        static String csrf(String page) {
            var matcher = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
            assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
            return matcher.group(1);
        }

        java.net.http.HttpResponse<String> get(String path) throws Exception {
            java.net.URI uri = java.net.URI.create(path.startsWith("http") ? path : base + path);
            return http.send(java.net.http.HttpRequest.newBuilder(uri).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        }

        java.net.http.HttpResponse<String> post(String path, String csrf, java.util.Map<String, String> form)
                throws Exception {
            var fields = new java.util.LinkedHashMap<>(form);
            fields.put("_csrf", csrf);
            String body = fields.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(),
                    java.nio.charset.StandardCharsets.UTF_8) + "=" + java.net.URLEncoder.encode(e.getValue(),
                    java.nio.charset.StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        }
    }

    private static JsonNode call(JsonNode job, String action) {
        for (JsonNode call : job.get("plan")) {
            if (call.get("action").asString().equals(action)) {
                return call;
            }
        }
        throw new AssertionError("No " + action + " in the plan " + job.get("plan"));
    }
}
