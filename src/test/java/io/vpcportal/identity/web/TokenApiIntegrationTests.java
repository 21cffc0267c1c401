package io.vpcportal.identity.web;

import static io.vpcportal.Problems.assertProblem;
import static io.vpcportal.Problems.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.PortalIntegrationTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Personal API tokens: created with a password over HTTP Basic, then the only way into the rest of the API. */
@PortalIntegrationTest
class TokenApiIntegrationTests {

    @LocalServerPort
    int port;

    PortalApi api;

    @BeforeEach
    void setUp() {
        api = new PortalApi(port);
    }

    @Test
    void basicAuthenticationCreatesATokenThatOpensTheApi() {
        Response created = api.createToken("net-approver", PortalApi.DEMO_PASSWORD, "ci pipeline");

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode token = created.json();
        assertThat(token.get("id").asString()).isNotBlank();
        assertThat(token.get("name").asString()).isEqualTo("ci pipeline");
        assertThat(token.get("token").asString()).startsWith("vpcp_").hasSizeGreaterThan(40);
        assertThat(Instant.parse(token.get("expiresAt").asString()))
                .isBetween(Instant.now().plus(Duration.ofDays(89)), Instant.now().plus(Duration.ofDays(91)));

        Response templates = api.get("/api/v1/templates", token.get("token").asString());
        assertThat(templates.status()).isEqualTo(200);
        assertThat(templates.json()).isNotEmpty();
        Response listed = api.get("/api/v1/tokens", token.get("token").asString());
        assertThat(listed.body()).contains("ci pipeline").doesNotContain(token.get("token").asString());
    }

    @Test
    void aWrongPasswordIsUnauthorized() {
        assertProblem(api.createToken("requester", "not-the-password", "x"), 401);
        assertProblem(api.createToken("nobody", "demo", "x"), 401);
    }

    @Test
    void creatingATokenWithoutCredentialsIsUnauthorized() {
        Response response = api.send(api.request("/api/v1/tokens").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")));

        assertProblem(response, 401);
    }

    @Test
    void theApiWithoutATokenIsUnauthorizedAndSaysHowToGetOne() {
        Response response = api.get("/api/v1/requests", null);

        JsonNode problem = assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(problem.get("detail").asString()).contains("POST /api/v1/tokens");
    }

    @Test
    void anUnknownTokenIsUnauthorized() {
        assertProblem(api.get("/api/v1/requests", "vpcp_unknown0000000000000000000000000000000"), 401);
        assertProblem(api.get("/api/v1/requests", "not-even-a-portal-token"), 401);
        assertProblem(api.get("/api/v1/templates", "x".repeat(5000)), 401);
    }

    @Test
    void aPasswordOnlyCreatesTokens() {
        String basic = Base64.getEncoder().encodeToString("requester:demo".getBytes());

        Response response = api.send(api.request("/api/v1/requests").header("Authorization", "Basic " + basic).GET());

        assertProblem(response, 401);
    }

    @Test
    void aRevokedTokenStopsWorking() {
        Response created = api.createToken("sec-approver", PortalApi.DEMO_PASSWORD, "short-lived");
        String token = created.json().get("token").asString();
        assertThat(api.get("/api/v1/templates", token).status()).isEqualTo(200);

        Response revoked = api.send(api.authorized("/api/v1/tokens/" + created.json().get("id").asString(), token)
                .DELETE());

        assertThat(revoked.status()).isEqualTo(204);
        assertProblem(api.get("/api/v1/templates", token), 401);
    }

    @Test
    void aTokenNeedsAName() {
        Response blank = api.createToken("requester", PortalApi.DEMO_PASSWORD, " ");
        Response tooLong = api.createToken("requester", PortalApi.DEMO_PASSWORD, "n".repeat(101));

        assertThat(errorFields(assertProblem(blank, 400))).containsExactly("name");
        assertThat(errorFields(assertProblem(tooLong, 400))).containsExactly("name");
    }
}
