package io.vpcportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import io.vpcportal.HostileInputs.Case;
import io.vpcportal.HostileInputs.Target;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.approval.RequestBodies;
import io.vpcportal.identity.IdentityManagement;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The fuzz test. Every route and form of the running portal (from its handler mapping) gets the generated corpus of
 * {@link HostileRoutes}; bad percent-escapes and a direct {@code /error} go over a raw socket through Tomcat. Besides,
 * hostile input against every JSON payload of the API: seeded random mutations of a valid body (wrong types, 1 MB
 * strings, unicode, NUL and control characters, injection strings, unknown and missing properties), malformed JSON,
 * deep nesting, wrong content types, and ids that are not UUIDs, unknown, or another team's. Whatever comes in, the
 * answer is never a 5xx, every error is {@code application/problem+json}, and nothing reaches AWS. MockMvc inside
 * the shared context keeps thousands of cases within seconds; {@link HostileInputs} builds them.
 */
@PortalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    AccountManagement accounts;

    @Autowired
    UserDetailsService users;

    @LocalServerPort
    int port;

    static final List<String> MAIN_TABLES = List.of("endpoint_request", "endpoint_request_item", "request_comment",
            "approval_decision", "approval_rule", "endpoint_template", "aws_account", "team", "portal_user", "api_token",
            "webhook", "webhook_delivery", "savings_price", "provisioning_job");

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    MockMvc mvc;
    final Map<String, String> tokens = new HashMap<>();
    final Map<Target, String> targets = new HashMap<>();
    String tokenUser;
    long awsCallsBefore;
    long jobsBefore;
    long tasksBefore;
    int webhooksBefore;

    @BeforeAll
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        PortalApi api = new PortalApi(port);
        TestIdentities identities = new TestIdentities(identity, accounts);
        for (String user : new String[] {"requester", "net-approver", "admin"}) {
            tokens.put(user, api.tokenOf(user));
        }
        tokenUser = identities.requester("payments");

        String requester = tokens.get("requester");
        for (Target draft : new Target[] {Target.DRAFT, Target.DRAFT_TO_CANCEL, Target.DRAFT_TO_REVISE}) {
            targets.put(draft, created(api.post("/api/v1/requests", requester,
                    RequestBodies.glue("payments", RequestBodies.SANDBOX, "eu-west-1").toString())));
        }
        for (Target submitted : new Target[] {Target.SUBMITTED_TO_APPROVE, Target.SUBMITTED_TO_REJECT,
                Target.SUBMITTED_TO_SEND_BACK}) {
            String id = created(api.post("/api/v1/requests", requester,
                    RequestBodies.datadogLogs("payments", RequestBodies.SANDBOX).toString()));
            assertThat(api.post("/api/v1/requests/" + id + "/submit", requester, "").status()).isEqualTo(200);
            targets.put(submitted, id);
        }
        TestIdentities.FreshTeam other = identities.team("eu-west-1");
        String stranger = api.tokenOf(identities.requester(other.id()), TestIdentities.PASSWORD);
        targets.put(Target.OTHER_TEAMS_REQUEST, created(api.post("/api/v1/requests", stranger,
                RequestBodies.glue(other.id(), other.accountId(), "eu-west-1").toString())));
        targets.put(Target.ACCOUNT, identities.team("eu-west-1", "us-east-1").accountId());
        targets.put(Target.OTHER_ACCOUNT, other.accountId());
        targets.put(Target.RANDOM_UUID, UUID.randomUUID().toString());

        awsCallsBefore = count("aws_call");
        jobsBefore = count("provisioning_job");
        tasksBefore = count("scheduled_tasks");
        webhooksBefore = api.get("/api/v1/webhooks", tokens.get("admin")).json().size();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("io.vpcportal.HostileInputs#cases")
    void hostileInputGetsA4xxProblemAndNeverA5xx(Case c) throws Exception {
        MockHttpServletResponse response = mvc.perform(request(c)).andReturn().getResponse();

        int status = response.getStatus();
        String answer = status + " " + response.getContentType() + " " + abbreviated(response.getContentAsString());
        assertThat(status).as("%s answered %s", c, answer).isLessThan(500);
        if (c.mustFail()) {
            assertThat(status).as("%s answered %s", c, answer).isBetween(400, 499);
        }
        if (status >= 400) {
            assertThat(response.getContentType()).as("%s answered %s", c, answer)
                    .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            JsonNode problem = PortalApi.json().readTree(response.getContentAsString(StandardCharsets.UTF_8));
            assertThat(problem.path("status").asInt()).as("%s answered %s", c, answer).isEqualTo(status);
            assertThat(problem.path("title").asString("")).as("%s answered %s", c, answer).isNotBlank();
        }
    }

    /**
     * Every route of the running portal, found in its handler mapping, with the generated corpus of
     * {@link HostileRoutes}: no 5xx; problem details from the API, the error page from the pages; a refused input
     * changes none of the main tables.
     */
    @TestFactory
    Stream<DynamicTest> everyRouteAndFormRefusesHostileInputCleanly() {
        List<HostileRoutes.Route> routes = HostileRoutes.routes(handlers.getHandlerMethods());
        assertThat(routes).as("routes found").hasSizeGreaterThan(100);
        assertThat(routes.stream().filter(r -> !r.api() && r.method().equals("POST")))
                .as("form posts found").hasSizeGreaterThan(20);
        List<HostileRoutes.Case> cases = HostileRoutes.cases(routes);
        Random callers = new Random(HostileRoutes.SEED);
        return cases.stream().map(c -> {
            String caller = new String[] {"admin", "requester", "net-approver"}[callers.nextInt(3)];
            return DynamicTest.dynamicTest(c + " as " + caller, () -> answersCleanly(c, caller));
        });
    }

    /** What no client library sends, so it goes over a raw socket: undecodable escapes, a direct /error. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"/api/v1/requests?status=%zz", "/api/v1/audit?action=%G1", "/api/v1/templates?q=%",
            "/api/v1/inventory/endpoints?account=%E0%A4%A", "/api/v1/requests/%zz", "/api/v1/requests?status=%00",
            "/requests?status=%zz", "/audit?action=%", "/requests?status=%00", "/inventory?account=a%07b", "/error",
            "/api/error", "/error?x=%zz", "/admin/users/%zz/edit"})
    void badEncodingsAndADirectErrorPageAreA4xx(String target) throws IOException {
        String token = tokens.get("admin");
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            boolean api = target.startsWith("/api/");
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + (api ? "Authorization: Bearer " + token + "\r\nAccept: application/json\r\n"
                            : "Accept: text/html\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase();
            assertThat(status).as("%s answered %s", target, abbreviated(answer)).isBetween(400, 499);
            // an undecodable path is refused by Tomcat itself (400) before any filter or servlet of the portal
            if (!target.substring(0, target.indexOf('?') < 0 ? target.length() : target.indexOf('?')).contains("%")) {
                assertThat(head).as("%s answered %s", target, abbreviated(answer))
                        .contains(api ? "content-type: application/problem+json" : "content-type: text/html");
            }
        }
    }

    private void answersCleanly(HostileRoutes.Case c, String caller) throws Exception {
        Map<String, Long> before = mainTables();
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(
                org.springframework.http.HttpMethod.valueOf(c.route().method()),
                URI.create(c.path() + (c.query() == null ? "" : "?" + c.query())));
        request.with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(caller)));
        if (!c.route().api()) {
            request.with(SecurityMockMvcRequestPostProcessors.csrf());
        }
        request.header("Accept", c.route().api() ? "application/json" : "text/html");
        if (c.body() != null) {
            request.content(c.body().getBytes(StandardCharsets.UTF_8)).header("Content-Type", c.contentType());
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

        int status = response.getStatus();
        String answer = status + " " + response.getContentType() + " " + abbreviated(response.getContentAsString());
        assertThat(status).as("%s answered %s", c, answer).isLessThan(500);
        if (c.mustFail()) {
            assertThat(status).as("%s answered %s", c, answer).isBetween(400, 499);
        }
        if (status >= 400) {
            // a page's sendError (the firewall, the security filters, Spring's own 400s) is rendered by the
            // container through ErrorPages, which MockMvc does not run: the raw-socket cases check that page
            boolean rendersThroughErrorPage = !c.route().api() && response.getContentType() == null
                    && response.getContentAsString().isEmpty();
            if (!rendersThroughErrorPage) {
                assertThat(response.getContentType()).as("%s answered %s", c, answer).startsWith(
                        c.route().api() ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.TEXT_HTML_VALUE);
            }
            assertThat(mainTables()).as("%s answered %s, and stored something", c, answer).isEqualTo(before);
        } else if (c.form()) {
            // a form re-shown with its messages stores nothing either: each case fills one hostile field only
            assertThat(mainTables()).as("%s answered %s, and stored something", c, answer).isEqualTo(before);
        }
    }

    private Map<String, Long> mainTables() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : MAIN_TABLES) {
            counts.put(table, count(table));
        }
        return counts;
    }

    @AfterAll
    void nothingReachedAws() {
        assertThat(count("aws_call")).as("AWS calls made").isEqualTo(awsCallsBefore);
        assertThat(count("provisioning_job")).as("provisioning jobs").isEqualTo(jobsBefore);
        assertThat(count("scheduled_tasks")).as("scheduled tasks").isEqualTo(tasksBefore);
        // webhooks a valid mutation created would send every later event of the shared context somewhere
        PortalApi api = new PortalApi(port);
        JsonNode webhooks = api.get("/api/v1/webhooks", tokens.get("admin")).json();
        for (int i = webhooksBefore; i < webhooks.size(); i++) {
            api.send(api.authorized("/api/v1/webhooks/" + webhooks.get(i).get("id").asString(), tokens.get("admin"))
                    .DELETE());
        }
    }

    private MockHttpServletRequestBuilder request(Case c) {
        String path = c.path();
        if (path.contains("{id}")) {
            String id = c.target().literal() != null ? c.target().literal() : targets.get(c.target());
            path = path.replace("{id}", URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        if (c.query() != null) {
            path = path + "?" + c.query();
        }
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(
                org.springframework.http.HttpMethod.valueOf(c.method()), URI.create(path));
        // signed in directly: the token and password checks cost a query or a bcrypt each and are tested elsewhere
        request.with(SecurityMockMvcRequestPostProcessors.user(
                users.loadUserByUsername(c.caller().equals("basic") ? tokenUser : c.caller())));
        request.header("Accept", c.accept());
        if (c.body() != null) {
            request.content(HostileInputs.expand(c.body()));
            if (c.contentType() != null) {
                request.header("Content-Type", c.contentType());
            }
        }
        return request;
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static String created(PortalApi.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static String abbreviated(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }

    static Stream<Case> cases() {
        return HostileInputs.cases();
    }
}
