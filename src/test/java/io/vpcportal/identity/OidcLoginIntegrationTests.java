package io.vpcportal.identity;

import static io.vpcportal.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.identity.Browser.Page;
import io.vpcportal.shared.TeamId;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a real OpenID Connect provider ({@link OidcTestProvider}, Spring Authorization Server in
 * this JVM), driven over HTTP as a browser would: the portal's "Sign in with" button, the provider's login form,
 * the code flow back to the portal. Then what the portal made of it: the provisioned user with teams and roles from
 * the group mappings, API tokens, and no takeover of a local account.
 * <p>
 * With a client registration configured, this is the suite's one portal context besides the shared one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OidcLoginIntegrationTests {

    private static final Pattern API_TOKEN = Pattern.compile("vpcp_[A-Za-z0-9_-]{40,}");

    static OidcTestProvider provider;

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry registry) {
        provider = OidcTestProvider.start();
        String registration = "spring.security.oauth2.client.registration.test.";
        registry.add(registration + "client-id", () -> OidcTestProvider.CLIENT_ID);
        registry.add(registration + "client-secret", () -> OidcTestProvider.CLIENT_SECRET);
        registry.add(registration + "client-name", () -> "Test IdP");
        registry.add(registration + "scope", () -> "openid,profile,email");
        registry.add("spring.security.oauth2.client.provider.test.issuer-uri", provider::issuer);
        registry.add("portal.identity.oidc.team-mappings.payments-devs", () -> "payments");
        registry.add("portal.identity.oidc.team-mappings.data-platform", () -> "data"); // a team nobody created
        registry.add("portal.identity.oidc.role-mappings.net-approvers", () -> "APPROVER");
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    PortalApi api;

    @BeforeEach
    void setUp() {
        api = new PortalApi(port);
        identity.ensureTeam(new TeamId("payments"), "Payments");
    }

    @Test
    void aliceSignsInThroughTheProviderAndIsProvisionedFromHerGroups() {
        provider.user("alice", "Alice Example", "alice@example.test",
                List.of("payments-devs", "net-approvers", "data-platform"));
        Browser browser = new Browser();

        Page login = browser.get(portal("/login"));
        assertThat(login.body()).contains("Sign in with Test IdP").contains("href=\"/oauth2/authorization/test\"")
                .as("the password form stays for the first administrator").contains("name=\"password\"");
        Page home = signIn(browser, "alice");

        assertThat(home.uri()).as("%s", home).isEqualTo(URI.create(portal("/")));
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Hello, Alice Example");
        assertThat(home.visited()).as("went through the provider")
                .anyMatch(uri -> uri.toString().startsWith(provider.issuer() + "/oauth2/authorize"))
                .anyMatch(uri -> uri.toString().startsWith(portal("/login/oauth2/code/test?code=")));

        UserSummary alice = identity.findUserByUsername("alice").orElseThrow();
        assertThat(alice.displayName()).isEqualTo("Alice Example");
        assertThat(alice.roles()).containsExactlyInAnyOrder(Role.REQUESTER, Role.APPROVER);
        assertThat(alice.teams()).as("data-platform maps to a team that does not exist")
                .containsExactly(new TeamId("payments"));
        assertThat(identity.teamExists(new TeamId("data"))).as("create-teams is off").isFalse();
        assertThat(identity.approversOf(new TeamId("payments"))).extracting(UserSummary::username).contains("alice");
        assertThat(identity.loadPrincipal("alice").orElseThrow().getPassword()).isNull();
    }

    @Test
    void aSingleSignOnSessionFollowsTheAccountLikeAPasswordOne() {
        provider.user("olga", "Olga Example", "olga@example.test", List.of("payments-devs"));
        Browser browser = new Browser();
        signIn(browser, "olga");
        assertThat(browser.get(portal("/requests/new")).status()).as("a requester by default").isEqualTo(200);
        UserSummary olga = identity.findUserByUsername("olga").orElseThrow();

        identity.administer(olga.id(), olga.displayName(), java.util.Set.of(Role.APPROVER), olga.teams(), true);
        Page refused = browser.get(portal("/requests/new"));
        assertThat(refused.status()).as("REQUESTER taken away, on the next request: %s", refused).isEqualTo(403);
        assertThat(browser.get(portal("/approvals")).status()).as("still signed in").isEqualTo(200);

        identity.administer(olga.id(), olga.displayName(), java.util.Set.of(Role.APPROVER), olga.teams(), false);
        Page after = browser.get(portal("/approvals"));
        assertThat(after.visited()).as("disabled: the session ended, the browser is sent to sign in again")
                .contains(URI.create(portal("/login")));
    }

    @Test
    void aSignedInUserCreatesAnApiTokenOnTheTokensPageAndUsesItOnTheApi() {
        provider.user("alice", "Alice Example", "alice@example.test", List.of("payments-devs", "net-approvers"));
        Browser browser = new Browser();
        signIn(browser, "alice");

        Page tokens = browser.get(portal("/tokens"));
        Page created = browser.post(portal("/tokens"),
                Map.of("_csrf", tokens.csrfToken(), "name", "alice laptop", "expiresInDays", "30"));

        assertThat(created.uri()).as("%s", created).isEqualTo(URI.create(portal("/tokens")));
        Matcher token = API_TOKEN.matcher(created.body());
        assertThat(token.find()).as("the new token is shown once: %s", created).isTrue();
        PortalApi.Response requests = api.get("/api/v1/requests", token.group());
        assertThat(requests.status()).as("%s", requests).isEqualTo(200);
        assertThat(api.get("/api/v1/tokens", token.group()).body()).contains("alice laptop");
    }

    @Test
    void usersWithoutAPasswordCannotUseHttpBasicOrThePasswordForm() {
        provider.user("alice", "Alice Example", "alice@example.test", List.of("payments-devs"));
        signIn(new Browser(), "alice");

        PortalApi.Response basic = api.createToken("alice", OidcTestProvider.PASSWORD, "from a script");

        assertThat(assertProblem(basic, 401).get("detail").asString())
                .contains("Wrong username or password").contains("single sign-on").contains("/tokens");
        assertThat(basic.header("WWW-Authenticate")).startsWith("Basic");

        Browser browser = new Browser();
        Page login = browser.get(portal("/login"));
        Page refused = browser.post(portal("/login"), Map.of("_csrf", login.csrfToken(), "username", "alice",
                "password", OidcTestProvider.PASSWORD));
        assertThat(refused.uri()).as("%s", refused).isEqualTo(URI.create(portal("/login?error")));
        assertThat(refused.body()).contains("Wrong username or password.");
    }

    @Test
    void groupsThatMapToNothingGiveOnlyTheDefaultRole() {
        provider.user("bob", "Bob Example", "bob@example.test", List.of("marketing", "PAYMENTS-DEVS"));

        Page home = signIn(new Browser(), "bob");

        assertThat(home.body()).as("%s", home).contains("Hello, Bob Example");
        UserSummary bob = identity.findUserByUsername("bob").orElseThrow();
        assertThat(bob.roles()).containsExactly(Role.REQUESTER);
        assertThat(bob.teams()).as("group names are matched exactly").isEmpty();
    }

    @Test
    void rolesAndTeamsFollowTheProviderAtEverySignIn() {
        provider.user("erin", "Erin Example", "erin@example.test", List.of("payments-devs", "net-approvers"));
        signIn(new Browser(), "erin");
        assertThat(identity.approversOf(new TeamId("payments"))).extracting(UserSummary::username).contains("erin");

        provider.user("erin", "Erin Renamed", "erin@example.test", List.of("marketing"));
        Page home = signIn(new Browser(), "erin");

        assertThat(home.body()).contains("Hello, Erin Renamed");
        UserSummary erin = identity.findUserByUsername("erin").orElseThrow();
        assertThat(erin.displayName()).isEqualTo("Erin Renamed");
        assertThat(erin.roles()).containsExactly(Role.REQUESTER);
        assertThat(erin.teams()).isEmpty();
        assertThat(identity.approversOf(new TeamId("payments"))).extracting(UserSummary::username).doesNotContain("erin");
    }

    @Test
    void aLocalUserWithAPasswordIsNotTakenOverBySingleSignOn() {
        identity.createUser("carol", "Carol Local", "carol-local-password", Set.of(Role.ADMIN),
                Set.of());
        provider.user("carol", "Carol Elsewhere", "carol@example.test", List.of("net-approvers"));
        Browser browser = new Browser();

        Page refused = signIn(browser, "carol");

        assertThat(refused.uri()).as("%s", refused).isEqualTo(URI.create(portal("/login?sso-error")));
        assertThat(refused.body()).contains("already exists and signs in with a password")
                .contains("ask an administrator to link the account");
        assertThat(browser.get(portal("/")).uri()).as("not signed in").isEqualTo(URI.create(portal("/login")));
        UserSummary carol = identity.findUserByUsername("carol").orElseThrow();
        assertThat(carol.displayName()).isEqualTo("Carol Local");
        assertThat(carol.roles()).containsExactly(Role.ADMIN);
        assertThat(identity.loadPrincipal("carol").orElseThrow().getPassword()).isNotNull();
        assertThat(api.createToken("carol", "carol-local-password", "still mine").status()).isEqualTo(201);
    }

    /** From the portal's "Sign in with" button through the provider's login form, back to wherever that leads. */
    private Page signIn(Browser browser, String username) {
        Page providerLogin = browser.get(portal("/oauth2/authorization/test"));
        assertThat(providerLogin.uri()).as("%s", providerLogin).isEqualTo(URI.create(provider.issuer() + "/login"));
        return browser.post(provider.issuer() + "/login", Map.of("_csrf", providerLogin.csrfToken(),
                "username", username, "password", OidcTestProvider.PASSWORD));
    }

    private String portal(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
