package io.vpcportal.inventory;

import static io.vpcportal.MotoAccounts.ec2As;
import static io.vpcportal.MotoAccounts.externalIdOf;
import static io.vpcportal.MotoAccounts.roleOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.AwsIntegrationTest;
import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.Problems;
import io.vpcportal.TestIdentities;
import io.vpcportal.account.AccountChange;
import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.approval.ApprovalRules;
import io.vpcportal.approval.TestRules;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.policy.PolicyManagement;
import io.vpcportal.shared.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.ec2.Ec2Client;
import tools.jackson.databind.JsonNode;

/**
 * Reconcile against moto: a policy changed by hand is drift; the owning team asks to reconcile, which is a change
 * request (kind CHANGE) with the approved settings; someone else approves it, provisioning sends the approved
 * policy back with ModifyVpcEndpoint, moto shows it again and the next sync finds no drift. A later ordinary change
 * becomes the approved state (no drift after it).
 */
@AwsIntegrationTest
class DriftReconcileIntegrationTests {

    private static final String REGION = "eu-west-1";

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    AccountManagement accounts;
    @Autowired
    ApprovalRules approvalRules;
    @Autowired
    PolicyManagement policies;

    TestRules rules;

    @AfterEach
    void disableRules() {
        if (rules != null) {
            rules.disableAll();
        }
    }

    @Test
    void aPolicyChangedByHandIsReconciledThroughAnApprovedChangeAndMotoShowsTheApprovedPolicyAgain() {
        PortalApi api = new PortalApi(port);
        TestIdentities people = new TestIdentities(identity, accounts);
        String team = "rec-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        identity.ensureTeam(new TeamId(team), "Reconcile team");
        String account = "6" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        accounts.register(account, new AccountChange("member " + account, roleOf(account), externalIdOf(account),
                AccountEnvironment.NON_PRODUCTION, new TreeSet<>(Set.of(REGION)), new TreeSet<>(Set.of(team))), "test");
        rules = new TestRules(approvalRules);
        rules.route(team, TestRules.any("network"));
        String requesterName = people.requester(team);
        String requester = api.tokenOf(requesterName, TestIdentities.PASSWORD);
        String admin = api.tokenOf("admin");
        String approver = api.tokenOf("net-approver");

        String vpc;
        String table;
        try (Ec2Client ec2 = ec2As(account, REGION)) {
            vpc = ec2.createVpc(r -> r.cidrBlock("10.40.0.0/16")).vpc().vpcId();
            table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        }
        Response created = api.post("/api/v1/requests", requester, """
                {"team":"%s","accountId":"%s","region":"%s","vpcId":"%s","justification":"reconcile test",
                 "items":[{"templateKey":"dynamodb-gateway","routeTableIds":["%s"]}]}"""
                .formatted(team, account, REGION, vpc, table));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String requestId = created.json().get("id").asString();
        assertThat(api.post("/api/v1/requests/" + requestId + "/submit", requester, "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/requests/" + requestId + "/approve", approver, "{}").status()).isEqualTo(200);
        api.awaitStatus(requester, requestId, "ACTIVE");
        String endpoint = api.get("/api/v1/requests/" + requestId + "/provisioning", requester).json()
                .get("endpoints").get(0).get("vpcEndpointId").asString();
        String approvedPolicy = policyInMoto(account, endpoint);

        syncAndWait(api, admin);
        assertThat(api.get("/api/v1/endpoints/" + endpoint, requester).json().get("summary").get("drift").asBoolean())
                .isFalse();
        Problems.assertProblem(api.post("/api/v1/endpoints/" + endpoint + "/drift/reconcile", requester, "{}"), 409);

        try (Ec2Client ec2 = ec2As(account, REGION)) {
            ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(endpoint).policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Sid":"ByHand","Effect":"Allow","Principal":"*",
                     "Action":"dynamodb:*","Resource":"*"}]}"""));
        }
        syncAndWait(api, admin);
        JsonNode drifted = api.get("/api/v1/endpoints/" + endpoint, requester).json();
        assertThat(drifted.get("summary").get("driftSummary").asString()).isEqualTo("policy");

        PortalApi browser = PortalApi.browser(port);
        browser.signIn(requesterName, TestIdentities.PASSWORD);
        String page = "/inventory/endpoints/" + endpoint;
        assertThat(browser.page(page).body()).contains("Reconcile: restore the approved state");

        // people of other teams do not see it; approvers outside the team may not ask
        String stranger = api.tokenOf(people.requester(people.team(REGION).id()), TestIdentities.PASSWORD);
        Problems.assertProblem(api.post("/api/v1/endpoints/" + endpoint + "/drift/reconcile", stranger, "{}"), 404);
        Problems.assertProblem(api.post("/api/v1/endpoints/" + endpoint + "/drift/reconcile", approver, "{}"), 403);

        Response reconcile = api.post("/api/v1/endpoints/" + endpoint + "/drift/reconcile", requester,
                "{\"reason\":\"the hand edit opened dynamodb:*\"}");
        assertThat(reconcile.status()).as(reconcile.body()).isEqualTo(201);
        JsonNode change = reconcile.json();
        String changeId = change.get("id").asString();
        assertThat(change.get("kind").asString()).isEqualTo("CHANGE");
        assertThat(change.get("changeOf").asString()).isEqualTo(requestId);
        assertThat(change.get("status").asString()).as("separation of duties: it waits for approval")
                .isEqualTo("SUBMITTED");
        assertThat(change.get("justification").asString()).contains("Reconcile drift of " + endpoint, "dynamodb:*");
        assertThat(policyInMoto(account, endpoint)).as("nothing is sent before approval").contains("ByHand");
        Problems.assertProblem(api.post("/api/v1/endpoints/" + endpoint + "/drift/reconcile", admin, "{}"), 409);
        assertThat(browser.submitForm(page, page + "/reconcile", Map.of("reason", "twice")).status()).isEqualTo(302);
        assertThat(browser.page(page).body()).as("the page's form says why it cannot").contains("still open");
        Problems.assertProblem(api.post("/api/v1/requests/" + changeId + "/approve", requester, "{}"), 403);

        assertThat(api.post("/api/v1/requests/" + changeId + "/approve", approver, "{}").status()).isEqualTo(200);
        api.awaitStatus(requester, changeId, "APPLIED");
        String restored = policyInMoto(account, endpoint);
        assertThat(restored).doesNotContain("ByHand");
        assertThat(policies.canonical(restored)).isEqualTo(policies.canonical(approvedPolicy));
        assertThat(api.get("/api/v1/requests/" + changeId + "/provisioning", requester).json().get("calls").toString())
                .contains("ModifyVpcEndpoint");

        syncAndWait(api, admin);
        JsonNode after = api.get("/api/v1/endpoints/" + endpoint, requester).json();
        assertThat(after.get("summary").get("drift").asBoolean()).isFalse();
        assertThat(after.get("drift").get("differences")).isEmpty();
        JsonNode audit = api.get("/api/v1/audit?action=DRIFT_RECONCILE_REQUESTED&subjectId=" + endpoint, admin).json();
        assertThat(audit.get("items")).singleElement().satisfies(a -> assertThat(a.get("detail").asString())
                .contains(changeId, "policy"));

        // an ordinary day-2 change becomes the approved state: no drift after it, and nothing to reconcile
        Response narrowed = api.post("/api/v1/requests/" + requestId + "/changes", requester, """
                {"policyChoice":"dynamodb-tables","tableNames":["orders"],"justification":"only the orders table"}""");
        assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(201);
        String narrowId = narrowed.json().get("id").asString();
        assertThat(api.post("/api/v1/requests/" + narrowId + "/approve", approver, "{}").status()).isEqualTo(200);
        api.awaitStatus(requester, narrowId, "APPLIED");
        assertThat(policyInMoto(account, endpoint)).contains("table/orders");
        syncAndWait(api, admin);
        JsonNode changed = api.get("/api/v1/endpoints/" + endpoint, requester).json();
        assertThat(changed.get("drift").get("differences")).as(changed.toString()).isEmpty();
        Problems.assertProblem(api.post("/api/v1/endpoints/" + endpoint + "/drift/reconcile", requester, "{}"), 409);
    }

    @Test
    void tagsChangedByHandAreDriftAndAReconcileTagsTheEndpointAsApprovedAgain() {
        PortalApi api = new PortalApi(port);
        TestIdentities people = new TestIdentities(identity, accounts);
        String team = "tag-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        identity.ensureTeam(new TeamId(team), "Tag team");
        String account = "6" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        accounts.register(account, new AccountChange("member " + account, roleOf(account), externalIdOf(account),
                AccountEnvironment.NON_PRODUCTION, new TreeSet<>(Set.of(REGION)), new TreeSet<>(Set.of(team))), "test");
        rules = new TestRules(approvalRules);
        rules.route(team, TestRules.any("network"));
        String requesterName = people.requester(team);
        String requester = api.tokenOf(requesterName, TestIdentities.PASSWORD);
        String admin = api.tokenOf("admin");
        String approver = api.tokenOf("net-approver");
        String vpc;
        String table;
        try (Ec2Client ec2 = ec2As(account, REGION)) {
            vpc = ec2.createVpc(r -> r.cidrBlock("10.41.0.0/16")).vpc().vpcId();
            table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        }
        Response created = api.post("/api/v1/requests", requester, """
                {"team":"%s","accountId":"%s","region":"%s","vpcId":"%s","justification":"tag drift test",
                 "items":[{"templateKey":"dynamodb-gateway","routeTableIds":["%s"],"tags":{"cost-centre":"cc-1"}}]}"""
                .formatted(team, account, REGION, vpc, table));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String requestId = created.json().get("id").asString();
        assertThat(api.post("/api/v1/requests/" + requestId + "/submit", requester, "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/requests/" + requestId + "/approve", approver, "{}").status()).isEqualTo(200);
        api.awaitStatus(requester, requestId, "ACTIVE");
        String endpoint = api.get("/api/v1/requests/" + requestId + "/provisioning", requester).json()
                .get("endpoints").get(0).get("vpcEndpointId").asString();
        Map<String, String> approvedTags = tagsInMoto(account, endpoint);
        assertThat(approvedTags).containsEntry("cost-centre", "cc-1").containsKey("portal:template");

        syncAndWait(api, admin);
        JsonNode clean = api.get("/api/v1/endpoints/" + endpoint, requester).json();
        assertThat(clean.get("drift").get("differences")).as("the tags provisioning wrote are the approved ones: %s",
                clean).isEmpty();

        try (Ec2Client ec2 = ec2As(account, REGION)) {
            ec2.createTags(r -> r.resources(endpoint).tags(tag("cost-centre", "cc-2"), tag("owner", "someone"),
                    tag("aws:cloudformation:stack-name", "by-aws")));
            ec2.deleteTags(r -> r.resources(endpoint).tags(software.amazon.awssdk.services.ec2.model.Tag.builder()
                    .key("portal:template").build()));
        }
        syncAndWait(api, admin);

        JsonNode drifted = api.get("/api/v1/endpoints/" + endpoint, requester).json();
        assertThat(drifted.get("summary").get("driftSummary").asString()).isEqualTo("tags");
        Map<String, String> diff = new java.util.TreeMap<>();
        drifted.get("drift").get("tagDiff").forEach(t -> diff.put(t.get("key").asString(),
                text(t.get("approved")) + " -> " + text(t.get("actual"))));
        assertThat(diff).as("aws: tags are AWS's, never drift").containsOnly(
                Map.entry("cost-centre", "cc-1 -> cc-2"), Map.entry("owner", "null -> someone"),
                Map.entry("portal:template", approvedTags.get("portal:template") + " -> null"));
        PortalApi browser = PortalApi.browser(port);
        browser.signIn(requesterName, TestIdentities.PASSWORD);
        assertThat(browser.page("/inventory/endpoints/" + endpoint).body()).contains("tag-diff", "cost-centre",
                "(not approved)", "(missing)");

        Response reconcile = api.post("/api/v1/endpoints/" + endpoint + "/drift/reconcile", requester,
                "{\"reason\":\"restore the cost centre\"}");
        assertThat(reconcile.status()).as(reconcile.body()).isEqualTo(201);
        String changeId = reconcile.json().get("id").asString();
        assertThat(tagsInMoto(account, endpoint)).as("nothing is sent before approval").containsEntry("cost-centre", "cc-2");
        assertThat(api.post("/api/v1/requests/" + changeId + "/approve", approver, "{}").status()).isEqualTo(200);
        api.awaitStatus(requester, changeId, "APPLIED");

        Map<String, String> restored = new java.util.TreeMap<>(tagsInMoto(account, endpoint));
        assertThat(restored.remove("aws:cloudformation:stack-name")).as("left alone").isEqualTo("by-aws");
        assertThat(restored).isEqualTo(approvedTags);
        String calls = api.get("/api/v1/requests/" + changeId + "/provisioning", requester).json().get("calls").toString();
        assertThat(calls).contains("CreateTags", "DeleteTags").doesNotContain("ModifyVpcEndpoint");

        syncAndWait(api, admin);
        JsonNode after = api.get("/api/v1/endpoints/" + endpoint, requester).json();
        assertThat(after.get("drift").get("differences")).as(after.toString()).isEmpty();
    }

    @Test
    void onlyManagedDriftedEndpointsCanBeReconciled() {
        PortalApi api = new PortalApi(port);
        String admin = api.tokenOf("admin");
        Problems.assertProblem(api.post("/api/v1/endpoints/vpce-0000000000000dead/drift/reconcile", admin, "{}"), 404);
        String longReason = "{\"reason\":\"" + "x".repeat(501) + "\"}";
        Problems.assertProblem(api.post("/api/v1/endpoints/vpce-0000000000000dead/drift/reconcile", admin, longReason),
                400);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String policyInMoto(String account, String endpoint) {
        try (Ec2Client ec2 = ec2As(account, REGION)) {
            return ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(endpoint)).vpcEndpoints().get(0).policyDocument();
        }
    }

    private static Map<String, String> tagsInMoto(String account, String endpoint) {
        try (Ec2Client ec2 = ec2As(account, REGION)) {
            Map<String, String> tags = new java.util.TreeMap<>();
            ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(endpoint)).vpcEndpoints().get(0).tags()
                    .forEach(t -> tags.put(t.key(), t.value()));
            return tags;
        }
    }

    private static software.amazon.awssdk.services.ec2.model.Tag tag(String key, String value) {
        return software.amazon.awssdk.services.ec2.model.Tag.builder().key(key).value(value).build();
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "null" : value.asString();
    }


    /** POST /api/v1/sync (waiting while another run is in progress), then the finished run. */
    private static JsonNode syncAndWait(PortalApi api, String admin) {
        return InventorySyncs.syncAndWait(api, admin);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
