package io.vpcportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.PortalIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document as a client generator fetches it: with its API token. What Redocly's recommended rules ask
 * that matters is checked here, so {@code ./mvnw verify} alone guards it; the document is written to
 * {@code target/openapi.json} for {@code .ci/run} to lint with Redocly's own linter.
 */
@PortalIntegrationTest
class ApiDocumentationIntegrationTests {

    static final Path WRITTEN = Path.of("target", "openapi.json");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @LocalServerPort
    int port;

    @Test
    void theDocumentAnswersABearerTokenAndDescribesThePortal() throws IOException {
        PortalApi api = new PortalApi(port);
        Response response = api.get("/v3/api-docs", api.tokenOf("requester"));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        Files.createDirectories(WRITTEN.getParent());
        Files.writeString(WRITTEN, response.body());
        JsonNode doc = response.json();
        assertThat(doc.path("info").path("title").asString()).isEqualTo("VPC Endpoint Portal API");
        assertThat(doc.path("info").path("version").asString()).isNotBlank().isNotEqualTo("v0");
        assertThat(doc.path("info").path("description").asString()).contains("Bearer");
        JsonNode bearer = doc.path("components").path("securitySchemes").path("bearer");
        assertThat(bearer.path("type").asString()).isEqualTo("http");
        assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
        assertThat(bearer.path("bearerFormat").asString()).isEqualTo("API token");
        assertThat(doc.path("security").get(0).has("bearer")).isTrue();

        List<String> operations = new ArrayList<>();
        List<String> withoutSummary = new ArrayList<>();
        List<String> withoutSecurity = new ArrayList<>();
        List<String> without4xx = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                if (op.getValue().path("summary").asString("").isBlank()) {
                    withoutSummary.add(name);
                }
                JsonNode security = op.getValue().path("security");
                boolean known = security.isArray() && !security.isEmpty();
                for (JsonNode requirement : security) {
                    for (String scheme : requirement.propertyNames()) {
                        known &= doc.path("components").path("securitySchemes").has(scheme);
                    }
                }
                if (!known) {
                    withoutSecurity.add(name);
                }
                if (op.getValue().path("responses").propertyNames().stream().noneMatch(code -> code.startsWith("4"))) {
                    without4xx.add(name);
                }
            }
        }
        assertThat(operations).hasSizeGreaterThan(50).contains("POST /api/v1/estimates", "GET /api/v1/savings");
        assertThat(withoutSummary).as("operations without a summary").isEmpty();
        assertThat(withoutSecurity).as("operations without a declared security requirement").isEmpty();
        assertThat(without4xx).as("operations without a 4xx answer").isEmpty();
        assertThat(doc.path("paths").path("/api/v1/tokens").path("post").path("security").toString())
                .contains("basic").contains("bearer");
    }

    @Test
    void aSignedInBrowserStillReadsItAndNobodyElseDoes() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("requester", PortalApi.DEMO_PASSWORD);
        assertThat(browser.page("/v3/api-docs").status()).isEqualTo(200);

        PortalApi api = new PortalApi(port);
        Response wrongToken = api.get("/v3/api-docs", "vpcp_not-a-token");
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.contentType()).startsWith("application/problem+json");
        Response anonymous = api.send(api.request("/v3/api-docs").GET());
        assertThat(anonymous.status()).as("a signed-out browser is sent to the login page").isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/login");
    }
}
