package io.vpcportal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalIntegrationTest;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The demo's work in flight, as on a first {@code ./mvnw spring-boot:run}: every demo user's start page shows
 * theirs. In a context of its own (the shared test contexts leave the demo requests out).
 */
@PortalIntegrationTest
@TestPropertySource(properties = "portal.demo.requests=true")
class DemoRequestsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    DemoRequests seeding;

    @Test
    void eachDemoUsersStartPageShowsTheirWorkAndASecondStartSeedsNothing() {
        PortalApi api = new PortalApi(port);
        List<JsonNode> network = entries(api.get("/api/v1/approvals", api.tokenOf("net-approver")).json());
        List<JsonNode> security = entries(api.get("/api/v1/approvals", api.tokenOf("sec-approver")).json());
        assertThat(network).extracting(e -> e.get("title").asString()).containsExactly("STS without NAT for standard-web");
        assertThat(security).extracting(e -> e.get("title").asString())
                .containsExactly("Datadog metrics over PrivateLink");

        assertThat(home("requester")).contains("STS without NAT for standard-web")
                .contains("Datadog metrics over PrivateLink").doesNotContain("You have not asked for an endpoint yet");
        assertThat(home("net-approver")).contains("Waiting for your decision").contains("STS without NAT for standard-web")
                .doesNotContain("Nothing waits for your decision");
        assertThat(home("sec-approver")).contains("Datadog metrics over PrivateLink")
                .doesNotContain("Nothing waits for your decision");

        seeding.run(new DefaultApplicationArguments());
        assertThat(entries(api.get("/api/v1/approvals", api.tokenOf("net-approver")).json())).as("seeded once")
                .hasSize(1);
    }

    private String home(String user) {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn(user, PortalApi.DEMO_PASSWORD);
        return browser.page("/").body();
    }

    private static List<JsonNode> entries(JsonNode page) {
        JsonNode items = page.has("items") ? page.get("items") : page;
        return StreamSupport.stream(items.spliterator(), false).toList();
    }
}
