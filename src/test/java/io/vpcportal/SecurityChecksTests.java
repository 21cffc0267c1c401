package io.vpcportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import io.vpcportal.PortalApi.Response;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.approval.RequestBodies;
import io.vpcportal.identity.IdentityManagement;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * What the portal owes its users whatever they send: no route without signing in (login, health and static assets
 * aside), no token in the logs, sessions that end, password guessing slowed down, and what users typed shown as text.
 */
@PortalIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityChecksTests {

    /** Reachable without signing in, on purpose. */
    private static final Set<String> PUBLIC = Set.of("/login", "/error", "/actuator/health", "/actuator/health/**");

    @Autowired
    WebApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    AccountManagement accounts;

    @Autowired
    LoggingSystem logging;

    @Autowired
    org.springframework.core.env.Environment environment;

    @LocalServerPort
    int port;

    @Test
    void everyRouteButLoginHealthAndAssetsNeedsAUser() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        List<String> checked = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                if (methods.isEmpty()) {
                    methods.add("GET");
                }
                for (String pattern : info.getPatternValues()) {
                    if (PUBLIC.contains(pattern)) {
                        continue;
                    }
                    String path = pattern.replaceAll("\\{\\*?[^}]+}", UUID.randomUUID().toString())
                            .replace("/**", "/x").replace("*", "x");
                    for (String method : methods) {
                        MockHttpServletRequestBuilder request = MockMvcRequestBuilders
                                .request(HttpMethod.valueOf(method), URI.create(path))
                                .contentType("application/json").content("{}");
                        if (!path.startsWith("/api/") && !method.equals("GET")) {
                            request.with(csrf()); // so that authentication, not the CSRF check, is what refuses it
                        }
                        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                        String route = method + " " + pattern + " -> " + response.getStatus() + " "
                                + response.getRedirectedUrl();
                        checked.add(route);
                        boolean toLogin = response.getStatus() == 302 && response.getRedirectedUrl() != null
                                && response.getRedirectedUrl().endsWith("/login");
                        boolean unauthorized = response.getStatus() == 401 && (!path.startsWith("/api/")
                                || response.getContentType().startsWith("application/problem+json"));
                        if (!toLogin && !unauthorized) {
                            open.add(route);
                        }
                    }
                }
            }
        }
        assertThat(checked).as("routes found").hasSizeGreaterThan(60)
                .anyMatch(r -> r.startsWith("POST /api/v1/requests "))
                .anyMatch(r -> r.startsWith("GET /requests/{id} "))
                .anyMatch(r -> r.startsWith("GET /v3/api-docs"));
        assertThat(open).as("routes answering without a signed-in user").isEmpty();
        // the public ones really are public
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/login")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/actuator/health")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/webjars/bootstrap/css/bootstrap.min.css")).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void tokensNeverReachTheLogsEvenAtDebugLevel(CapturedOutput output) {
        PortalApi api = new PortalApi(port);
        TestIdentities identities = new TestIdentities(identity, accounts);
        String user = identities.requester("payments");
        List<String> loggers = List.of("org.springframework.security", "org.springframework.web", "io.vpcportal");
        List<LogLevel> before = loggers.stream().map(l -> logging.getLoggerConfiguration(l).getConfiguredLevel()).toList();
        loggers.forEach(l -> logging.setLogLevel(l, LogLevel.DEBUG));
        String token;
        try {
            Response created = api.createToken(user, TestIdentities.PASSWORD, "logged?");
            assertThat(created.status()).isEqualTo(201);
            token = created.json().get("token").asString();
            assertThat(api.post("/api/v1/requests", token, RequestBodies.glue("payments", RequestBodies.SANDBOX,
                    "eu-west-1").toString()).status()).isEqualTo(201);
            assertThat(api.post("/api/v1/requests", token, "{\"broken\":").status()).isEqualTo(400);
            assertThat(api.get("/api/v1/requests/" + UUID.randomUUID(), token).status()).isEqualTo(404);
            // a token that is wrong by one character is refused, and not logged either
            String wrong = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
            assertThat(api.get("/api/v1/requests", wrong).status()).isEqualTo(401);
            assertThat(output.getAll()).as("the capture works").contains("Securing GET /api/v1/requests");
            assertThat(output.getAll()).doesNotContain(token).doesNotContain(wrong)
                    .doesNotContain(token.substring(5, 25)).doesNotContain(TestIdentities.PASSWORD);
        } finally {
            for (int i = 0; i < loggers.size(); i++) {
                logging.setLogLevel(loggers.get(i), before.get(i));
            }
        }
    }

    @Test
    void sessionsExpireAndTheTimeoutIsDocumented() throws Exception {
        Duration timeout = environment.getProperty("server.servlet.session.timeout", Duration.class);
        assertThat(timeout).isPositive().isLessThanOrEqualTo(Duration.ofHours(8));
        assertThat(Files.readString(Path.of("docs/configuration.md")))
                .contains("| `server.servlet.session.timeout` | `8h` |")
                .contains("| `portal.identity.login.max-failures` |");
    }

    @Test
    void aUserAndAddressWithTooManyWrongPasswordsIsPausedOnTheFormAndOverBasic() {
        TestIdentities identities = new TestIdentities(identity, accounts);
        String user = identities.requester("payments");
        for (int n = 0; n < 5; n++) {
            Response wrong = PortalApi.browser(port).signIn(user, "wrong-" + n);
            assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        }
        Response right = PortalApi.browser(port).signIn(user, TestIdentities.PASSWORD);
        assertThat(right.headers().firstValue("Location")).as("the right password while paused")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?locked"));
        assertThat(PortalApi.browser(port).page("/login?locked").body()).contains("Too many wrong passwords");

        // HTTP Basic counts the same way, and answers 429 with a problem and Retry-After
        String other = identities.requester("payments");
        PortalApi api = new PortalApi(port);
        for (int n = 0; n < 5; n++) {
            assertThat(api.createToken(other, "wrong-" + n, "guess").status()).isEqualTo(401);
        }
        Response paused = api.createToken(other, TestIdentities.PASSWORD, "guess");
        Problems.assertProblem(paused, 429);
        assertThat(Long.parseLong(paused.header("Retry-After"))).isBetween(1L, 900L);

        // another user from the same address is not affected, and a success resets the count
        String third = identities.requester("payments");
        for (int n = 0; n < 4; n++) {
            assertThat(api.createToken(third, "wrong-" + n, "guess").status()).isEqualTo(401);
        }
        assertThat(api.createToken(third, TestIdentities.PASSWORD, "ok").status()).isEqualTo(201);
        for (int n = 0; n < 4; n++) {
            assertThat(api.createToken(third, "wrong-again-" + n, "guess").status()).isEqualTo(401);
        }
        assertThat(api.createToken(third, TestIdentities.PASSWORD, "ok").status()).isEqualTo(201);
    }

    @Test
    void whatUsersTypedRendersAsTextOnTheRequestPageAndTheApprovalView() {
        PortalApi api = new PortalApi(port);
        String script = "<script>alert('x')</script>";
        String image = "<img src=x onerror=alert(1)>";
        var body = RequestBodies.datadogLogs("payments", RequestBodies.SANDBOX)
                .put("title", "Logs " + script).put("justification", "Because " + image);
        Response created = api.post("/api/v1/requests", api.tokenOf("requester"), body.toString());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/api/v1/requests/" + id + "/comments", api.tokenOf("requester"),
                "{\"body\":\"see " + image.replace("\"", "\\\"") + "\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/requests/" + id + "/submit", api.tokenOf("requester"), "").status()).isEqualTo(200);

        PortalApi requester = PortalApi.browser(port);
        requester.signIn("requester", "demo");
        String page = requester.page("/requests/" + id).body();
        PortalApi approver = PortalApi.browser(port);
        approver.signIn("net-approver", "demo");
        String view = approver.page("/approvals/" + id).body();

        for (String html : List.of(page, view)) {
            assertThat(html).contains("Logs &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                    .contains("Because &lt;img src=x onerror=alert(1)&gt;")
                    .doesNotContain(script).doesNotContain(image);
        }
        assertThat(view).contains("see &lt;img src=x onerror=alert(1)&gt;");
    }
}
