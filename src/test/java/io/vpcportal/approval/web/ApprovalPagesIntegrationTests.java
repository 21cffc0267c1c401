package io.vpcportal.approval.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.PortalIntegrationTest;
import io.vpcportal.TestIdentities;
import io.vpcportal.TestIdentities.FreshTeam;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.approval.RequestBodies;
import io.vpcportal.identity.IdentityManagement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The approval view as a browser gets it over a signed-in session: only an eligible approver sees the decision
 * form, and a decision posted by hand (forged by the requester, or without the CSRF token) changes nothing.
 */
@PortalIntegrationTest
class ApprovalPagesIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    @Autowired
    AccountManagement accounts;

    PortalApi api;
    String id;

    @BeforeEach
    void submitAGlueRequest() {
        api = new PortalApi(port);
        String requester = api.tokenOf("requester");
        Response created = api.post("/api/v1/requests", requester,
                RequestBodies.glue("payments", RequestBodies.SANDBOX, "eu-west-1").toString());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        id = created.json().get("id").asString();
        assertThat(api.post("/api/v1/requests/" + id + "/submit", requester, "").status()).isEqualTo(200);
    }

    @Test
    void theRequesterSeesNoDecisionFormOnTheirOwnRequest() {
        Browser riley = Browser.signIn(port, "requester", PortalApi.DEMO_PASSWORD);

        Page view = riley.get("/approvals/" + id);

        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body()).contains("Glue for the nightly ETL")
                .contains("You requested it: somebody else decides.")
                .doesNotContain("name=\"decision\"")
                .doesNotContain("/approvals/" + id + "/decide");
    }

    @Test
    void theNetworkApproverSeesTheDecisionForm() {
        Browser noor = Browser.signIn(port, "net-approver", PortalApi.DEMO_PASSWORD);

        Page view = noor.get("/approvals/" + id);

        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body()).contains("action=\"/approvals/" + id + "/decide\"")
                .contains("name=\"decision\" value=\"APPROVE\"")
                .contains("name=\"decision\" value=\"REQUEST_CHANGES\"")
                .contains("name=\"decision\" value=\"REJECT\"");
    }

    @Test
    void anApproverOfAnotherTeamSeesWhyTheyCannotDecide() {
        Browser sam = Browser.signIn(port, "sec-approver", PortalApi.DEMO_PASSWORD);

        Page view = sam.get("/approvals/" + id);

        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body()).doesNotContain("name=\"decision\"").contains("waits for approvers of team network");
    }

    @Test
    void aRequesterOfAnotherTeamCannotOpenTheApprovalView() {
        TestIdentities identities = new TestIdentities(identity, accounts);
        FreshTeam other = identities.team("eu-west-1");
        Browser stranger = Browser.signIn(port, identities.requester(other.id()), TestIdentities.PASSWORD);

        Page view = stranger.get("/approvals/" + id);

        assertThat(view.status()).isEqualTo(404);
        assertThat(view.body()).contains("This page does not exist").contains("No request " + id)
                .doesNotContain("Glue for the nightly ETL");
    }

    @Test
    void aDecisionForgedByTheRequesterIsRefusedAndChangesNothing() {
        Browser riley = Browser.signIn(port, "requester", PortalApi.DEMO_PASSWORD);
        String csrf = riley.csrfTokenOf("/approvals/" + id);

        Page forged = riley.post("/approvals/" + id + "/decide", Map.of("decision", "APPROVE", "comment", "",
                "_csrf", csrf));

        assertThat(forged.status()).as("back to the view with a message").isEqualTo(302);
        assertThat(forged.location()).endsWith("/approvals/" + id);
        assertThat(riley.get("/approvals/" + id).body()).contains("You cannot decide on your own request");
        assertThat(statusOfRequest()).isEqualTo("SUBMITTED");
        assertThat(api.get("/api/v1/requests/" + id + "/approval", api.tokenOf("requester")).json()
                .get("stages").get(0).get("decisions")).isEmpty();
    }

    @Test
    void aDecisionPostedWithoutTheCsrfTokenIsRefused() {
        Browser noor = Browser.signIn(port, "net-approver", PortalApi.DEMO_PASSWORD);
        assertThat(noor.get("/approvals/" + id).body()).as("signed in and eligible").contains("name=\"decision\"");

        Page withoutToken = noor.post("/approvals/" + id + "/decide", Map.of("decision", "APPROVE"));
        Page wrongToken = noor.post("/approvals/" + id + "/decide", Map.of("decision", "APPROVE",
                "_csrf", "not-the-token"));

        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(statusOfRequest()).isEqualTo("SUBMITTED");

        Page approved = noor.post("/approvals/" + id + "/decide", Map.of("decision", "APPROVE", "comment", "ok",
                "_csrf", noor.csrfTokenOf("/approvals/" + id)));

        assertThat(approved.status()).as("the same post with the token goes through").isEqualTo(302);
        assertThat(approved.location()).endsWith("/approvals");
        assertThat(statusOfRequest()).isEqualTo("APPROVED");
    }

    @Test
    void aRejectionWithoutAReasonKeepsTheApproverOnTheView() {
        Browser noor = Browser.signIn(port, "net-approver", PortalApi.DEMO_PASSWORD);

        Page rejected = noor.post("/approvals/" + id + "/decide", Map.of("decision", "REJECT", "comment", " ",
                "_csrf", noor.csrfTokenOf("/approvals/" + id)));

        assertThat(rejected.location()).endsWith("/approvals/" + id);
        assertThat(noor.get("/approvals/" + id).body()).contains("A reason must say why");
        assertThat(statusOfRequest()).isEqualTo("SUBMITTED");
    }

    private String statusOfRequest() {
        return api.get("/api/v1/requests/" + id, api.tokenOf("requester")).json().get("status").asString();
    }

    /** One HTML answer. */
    record Page(int status, String body, String location) {
    }

    /** A browser session: cookies kept, redirects not followed, forms posted url-encoded. */
    static final class Browser {

        private final String base;
        private final HttpClient http;

        private Browser(int port) {
            this.base = "http://127.0.0.1:" + port;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        }

        /** Signs in through the login form, as a person does. */
        static Browser signIn(int port, String username, String password) {
            Browser browser = new Browser(port);
            String csrf = browser.csrfTokenOf("/login");
            Page signedIn = browser.post("/login", Map.of("username", username, "password", password, "_csrf", csrf));
            assertThat(signedIn.status()).as("sign-in of %s", username).isEqualTo(302);
            assertThat(signedIn.location()).as("sign-in of %s", username).doesNotContain("error");
            return browser;
        }

        Page get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
        }

        Page post(String path, Map<String, String> form) {
            String body = new LinkedHashMap<>(form).entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        /** The CSRF token of the forms on {@code path}, read from their hidden input. */
        String csrfTokenOf(String path) {
            Page page = get(path);
            assertThat(page.status()).as("GET %s", path).isEqualTo(200);
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).as("a _csrf input on %s", path).isTrue();
            return token.group(1);
        }

        private Page send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return new Page(response.statusCode(), response.body(),
                        response.headers().firstValue("Location").orElse(""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
