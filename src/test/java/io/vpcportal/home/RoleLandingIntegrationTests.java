package io.vpcportal.home;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.PortalIntegrationTest;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The start page by role, the Approvals menu count, the request form hidden from users who may not ask, and bad ids
 * in page addresses: over real HTTP as a signed-in browser, against the portal's real database.
 */
@PortalIntegrationTest
class RoleLandingIntegrationTests {

    private static final Pattern WAITING = Pattern.compile("data-waiting=\"count\">(\\d+)<");
    private static final Pattern OVER_SLA = Pattern.compile("data-waiting=\"over-sla\"><span[^>]*>(\\d+)<");
    private static final Pattern BADGE = Pattern.compile("data-pending-decisions>(\\d+)<");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theApproversCountsAreTheInboxsCounted() {
        PortalApi api = new PortalApi(port);
        UUID fresh = api.createAndSubmit(api.tokenOf("requester"));
        UUID old = api.createAndSubmit(api.tokenOf("requester"));
        // submitted two days ago: past the 24-hour decision SLA
        jdbc.update("update approval_case set submitted_at = now() - interval '2 days' where request_id = ?", old);

        PortalApi browser = PortalApi.browser(port);
        browser.signIn("net-approver", PortalApi.DEMO_PASSWORD);
        String home = browser.page("/").body();

        List<JsonNode> inbox = entries(api.get("/api/v1/approvals", api.tokenOf("net-approver")));
        assertThat(inbox).extracting(e -> e.get("requestId").asString()).contains(fresh.toString(), old.toString());
        long overdue = inbox.stream().filter(e -> e.get("overdue").asBoolean()).count();
        assertThat(number(WAITING, home)).isEqualTo(inbox.size());
        assertThat(number(OVER_SLA, home)).isEqualTo(overdue).isPositive();
        assertThat(number(BADGE, home)).as("the menu's count").isEqualTo(inbox.size());
        assertThat(home).contains("Waiting for your decision").contains("Open the approvals inbox")
                .contains("2 days").contains("over SLA");

        // the count is on every full page's menu, and follows a decision at once
        assertThat(number(BADGE, browser.page("/catalog").body())).isEqualTo(inbox.size());
        Response approved = api.post("/api/v1/requests/" + fresh + "/approve", api.tokenOf("net-approver"), "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(number(BADGE, browser.page("/requests").body())).isEqualTo(inbox.size() - 1);
    }

    @Test
    void theRequesterSeesTheirRequestsAndNoApproverOrAdminParts() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("requester", PortalApi.DEMO_PASSWORD);
        String home = browser.page("/").body();
        assertThat(home).contains("Your latest requests").contains("Start from a common setup")
                .doesNotContain("id=\"waiting-for-you\"").doesNotContain("id=\"portal-health\"")
                .doesNotContain("data-pending-decisions").doesNotContain("href=\"/approvals\"")
                .doesNotContain("id=\"nav-admin\"");
    }

    @Test
    void anApproverWithoutTheRequesterRoleIsNeitherOfferedNorShownTheForm() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("sec-approver", PortalApi.DEMO_PASSWORD);
        String home = browser.page("/").body();
        assertThat(home).contains("id=\"waiting-for-you\"").doesNotContain("/requests/new")
                .doesNotContain("Start from a common setup").doesNotContain("Your latest requests");
        assertThat(browser.page("/requests").body()).doesNotContain(">New request<");
        assertThat(browser.page("/catalog/s3-gateway").body()).doesNotContain("Request this endpoint");
        Response form = browser.page("/requests/new?template=s3-gateway");
        assertThat(form.status()).isEqualTo(403);
        assertThat(form.body()).contains("You may not open this page");
    }

    @Test
    void theAdminSeesSyncJobsAndDeliveriesWithLinks() {
        PortalApi api = new PortalApi(port);
        UUID id = api.createAndSubmit(api.tokenOf("requester"));
        Response approved = api.post("/api/v1/requests/" + id + "/approve", api.tokenOf("net-approver"), "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        // plan-only mode never runs a job: make this one's plan stop as a failed run would
        assertThat(jdbc.update("update provisioning_job set status = 'FAILED', last_error = 'ec2:CreateVpcEndpoint: "
                + "UnauthorizedOperation', updated_at = now() + interval '1 minute' where request_id = ?", id)).isEqualTo(1);
        UUID hook = UUID.randomUUID();
        jdbc.update("insert into webhook (id, name, url, secret, event_types, enabled, created_by, created_at) "
                + "values (?, 'landing check', 'https://hooks.example.com/x', 'c2VjcmV0', '{request.failed}', true, "
                + "'admin', now())", hook);
        jdbc.update("insert into webhook_delivery (webhook_id, event_type, event_id, payload, status, attempts, "
                + "created_at) values (?, 'request.failed', ?, '{}', 'GIVING_UP', 8, now())", hook, UUID.randomUUID());

        PortalApi browser = PortalApi.browser(port);
        browser.signIn("admin", PortalApi.DEMO_PASSWORD);
        String home = browser.page("/").body();
        long stopped = jdbc.queryForObject("select count(*) from provisioning_job where status in "
                + "('FAILED', 'NEEDS_OPERATOR')", Long.class);
        long undelivered = jdbc.queryForObject("select count(*) from webhook_delivery where status in "
                + "('FAILED', 'GIVING_UP')", Long.class);
        assertThat(home).contains("Portal health").contains("id=\"waiting-for-you\"")
                .contains("href=\"/provisioning/" + id + "\"").contains("UnauthorizedOperation")
                .contains("href=\"/requests?status=FAILED\"").contains("href=\"/admin/webhooks\"")
                .containsPattern("data-health=\"jobs\">\\s*<span[^>]*>" + stopped + "<")
                .containsPattern("data-health=\"deliveries\">\\s*<span[^>]*>" + undelivered + "<")
                .contains("AWS is not configured (plan-only mode)");
        jdbc.update("delete from webhook where id = ?", hook);
    }

    @Test
    void aBadIdInAPageAddressIsA404PageNotAnError() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("admin", PortalApi.DEMO_PASSWORD);
        for (String path : List.of("/requests/not-a-uuid", "/requests/not-a-uuid/edit", "/requests/not-a-uuid/change",
                "/approvals/not-a-uuid", "/approvals/not-a-uuid/panel", "/provisioning/not-a-uuid",
                "/provisioning/not-a-uuid/panel", "/requests/not-a-uuid/policies", "/inventory/endpoints/not-a-uuid",
                "/inventory/sync/not-a-uuid", "/diagrams/requests/not-a-uuid", "/admin/users/not-a-uuid/edit",
                "/admin/webhooks/not-a-uuid/deliveries", "/savings/requests/not-a-uuid/estimate",
                "/requests/" + UUID.randomUUID(), "/catalog/no-such-template", "/diagrams/vpcs/not-a-vpc",
                "/inventory/vpcs/not-a-vpc", "/accounts/not-an-account/edit", "/admin/approval-rules/no-such-rule/edit",
                "/admin/templates/no-such-template/edit")) {
            Response page = browser.page(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("This page does not exist").doesNotContain("Something went wrong");
        }
        // the API names the field it could not read, as for every malformed input
        PortalApi api = new PortalApi(port);
        Response problem = api.get("/api/v1/requests/not-a-uuid", api.tokenOf("requester"));
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(problem.body()).contains("\"field\":\"id\"");
    }

    @Test
    void aDecisionsCommentIsNotContradictedByTheCommentsCard() {
        PortalApi api = new PortalApi(port);
        UUID id = api.createAndSubmit(api.tokenOf("requester"));
        Response approved = api.post("/api/v1/requests/" + id + "/approve", api.tokenOf("net-approver"),
                "{\"comment\":\"Only the exports bucket, fine.\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("requester", PortalApi.DEMO_PASSWORD);
        String panel = browser.page("/approvals/" + id + "/panel").body();
        assertThat(panel).contains("Only the exports bucket, fine.").doesNotContain("No comment yet.")
                .contains("No comment besides those given with the decisions");
    }

    private static List<JsonNode> entries(Response reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return StreamSupport.stream(reply.json().spliterator(), false).toList();
    }

    private static long number(Pattern pattern, String page) {
        Matcher m = pattern.matcher(page);
        assertThat(m.find()).as("%s in the page", pattern).isTrue();
        return Long.parseLong(m.group(1));
    }
}
