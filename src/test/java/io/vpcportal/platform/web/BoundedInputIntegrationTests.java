package io.vpcportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.PortalIntegrationTest;
import io.vpcportal.approval.RequestBodies;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The findings of the outside review about unbounded numbers and hostile text, one by one, over real HTTP: each
 * answered a 5xx or burnt a CPU before.
 */
@PortalIntegrationTest
class BoundedInputIntegrationTests {

    @LocalServerPort
    int port;

    PortalApi api;
    String token;

    @BeforeEach
    void signIn() {
        api = new PortalApi(port);
        token = api.tokenOf("requester");
    }

    @Test
    void aHugeExponentInAnEstimateIsRefusedAtOnceAndBriefly() {
        for (String gb : new String[] {"1e1000000000", "1E+999999999", "-1e1000000000", "1e-1000000000"}) {
            long start = System.nanoTime();
            Response answer = api.post("/api/v1/estimates", token,
                    "{\"region\":\"eu-west-1\",\"endpointType\":\"Gateway\",\"monthlyGb\":" + gb + "}");
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(answer.status()).as(gb).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("monthlyGb");
            assertThat(answer.body().length()).as("answer size").isLessThan(2_000);
            // was about 30 s of CPU and a 25 MB answer; generous for a shared machine
            assertThat(millis).as("%s answered in %d ms", gb, millis).isLessThan(5_000);
        }
    }

    @Test
    void numbersBeyondTheirRangeOrLengthAreRefused() {
        Response tooLong = api.post("/api/v1/estimates", token,
                "{\"region\":\"eu-west-1\",\"endpointType\":\"Gateway\",\"monthlyGb\":1" + "0".repeat(100) + "}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");

        Response tooBig = api.post("/api/v1/estimates", token,
                "{\"region\":\"eu-west-1\",\"endpointType\":\"Gateway\",\"monthlyGb\":1000000000.5}");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().get("errors").findValuesAsString("field")).contains("monthlyGb");

        Response tooPrecise = api.post("/api/v1/estimates", token,
                "{\"region\":\"eu-west-1\",\"endpointType\":\"Gateway\",\"monthlyGb\":1.00001}");
        assertThat(tooPrecise.status()).isEqualTo(400);

        Response fine = api.post("/api/v1/estimates", token,
                "{\"region\":\"eu-west-1\",\"endpointType\":\"Gateway\",\"monthlyGb\":6000.125}");
        assertThat(fine.status()).isEqualTo(200);
    }

    @Test
    void theEstimatePreviewOfTheRequestFormIgnoresAHugeExponentInsteadOfComputingIt() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("requester", PortalApi.DEMO_PASSWORD);
        long start = System.nanoTime();
        PortalApi.Response panel = browser.submitForm("/requests/new", "/savings/estimate-preview", Map.of(
                "region", "eu-west-1", "expectedMonthlyGb", "1e1000000000",
                "items[0].templateKey", "s3-gateway", "items[0].expectedMonthlyGb", "1e1000000000"));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(panel.status()).isLessThan(500);
        assertThat(panel.body().length()).isLessThan(100_000);
        assertThat(millis).as("answered in %d ms", millis).isLessThan(10_000);
    }

    @Test
    void controlCharactersAreRefusedWithOneMessageNamingTheField() {
        String id = api.post("/api/v1/requests", token,
                RequestBodies.glue("payments", RequestBodies.SANDBOX, "eu-west-1").toString()).json().get("id").asString();

        Response cancel = api.post("/api/v1/requests/" + id + "/cancel", token, "{\"reason\":\"a\\u0000b\"}");
        assertProblem(cancel, 400, "reason");

        Response comment = api.post("/api/v1/requests/" + id + "/comments", token, "{\"body\":\"bell\\u0007\"}");
        assertProblem(comment, 400, "body");

        for (String filter : new String[] {"/api/v1/requests?team=a%00b", "/api/v1/requests?status=%00",
                "/api/v1/requests?account=%1b%5b31m", "/api/v1/templates?q=x%00"}) {
            Response refused = api.get(filter, token);
            assertThat(refused.status()).as(filter).isEqualTo(400);
            assertThat(refused.contentType()).as(filter).startsWith("application/problem+json");
        }
        assertProblem(api.get("/api/v1/requests?team=a%00b", token), 400, "team");
        assertThat(api.get("/api/v1/requests/" + id, token).json().get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void aWildcardContentTypeOnAJsonEndpointIs415() {
        for (String type : new String[] {"*/*", "application/*", "*/json"}) {
            Response answer = api.post("/api/v1/estimates", token,
                    "{\"region\":\"eu-west-1\",\"endpointType\":\"Gateway\",\"monthlyGb\":1}", Map.of("Content-Type", type));
            assertThat(answer.status()).as(type).isEqualTo(415);
            assertThat(answer.contentType()).as(type).startsWith("application/problem+json");
        }
    }

    @Test
    void absurdListIndexesInAFormAre400AndADirectErrorPageIs404() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("requester", PortalApi.DEMO_PASSWORD);

        PortalApi.Response absurd = browser.submitForm("/requests/new", "/requests/new", Map.of(
                "title", "absurd", "items[99999999].templateKey", "s3-gateway"));
        assertThat(absurd.status()).isEqualTo(400);
        assertThat(absurd.body()).contains("The portal cannot read this request");

        PortalApi.Response error = browser.page("/error");
        assertThat(error.status()).isEqualTo(404);
        assertThat(api.get("/error", token).status()).isEqualTo(404);
    }

    @Test
    void aFormThatTakesAFileRefusesAPlainPost() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("admin", PortalApi.DEMO_PASSWORD);
        PortalApi.Response plain = browser.submitForm("/admin/prices", "/admin/prices", Map.of("file", "x"));
        assertThat(plain.status()).isEqualTo(400);
    }

    private static void assertProblem(Response answer, int status, String field) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("message").asString()).isEqualTo("must not contain control characters");
    }
}
