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
import io.vpcportal.shared.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import tools.jackson.databind.JsonNode;

/**
 * Adoption by the owning team against moto: a member asks, which is a request through the approval rules (not
 * approvable by the one who asked); once someone else approves it, provisioning tags the endpoint with the
 * portal's tags and creates nothing, the request is ACTIVE, the next sync shows the endpoint managed without drift,
 * and webhooks hear {@code endpoint.adopted}, never {@code request.provisioned}. Admins still adopt directly.
 */
@AwsIntegrationTest
class AdoptionIntegrationTests {

    private static final String REGION = "eu-west-1";

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    AccountManagement accounts;
    @Autowired
    ApprovalRules approvalRules;

    TestRules rules;
    PortalApi api;
    String admin;
    String webhook;

    @AfterEach
    void cleanUp() {
        if (rules != null) {
            rules.disableAll();
        }
        if (webhook != null) {
            api.delete("/api/v1/webhooks/" + webhook, admin);
        }
    }

    @Test
    void theOwningTeamAdoptsThroughApprovalAndTheEndpointIsTaggedNotCreated() {
        api = new PortalApi(port);
        admin = api.tokenOf("admin");
        TestIdentities people = new TestIdentities(identity, accounts);
        String team = "adopt-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        identity.ensureTeam(new TeamId(team), "Adopting team");
        String account = "5" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        accounts.register(account, new AccountChange("member " + account, roleOf(account), externalIdOf(account),
                AccountEnvironment.NON_PRODUCTION, new TreeSet<>(Set.of(REGION)), new TreeSet<>(Set.of(team))), "test");
        rules = new TestRules(approvalRules);
        rules.route(team, TestRules.any("network"));
        String requesterName = people.requester(team);
        String requester = api.tokenOf(requesterName, TestIdentities.PASSWORD);
        String approver = api.tokenOf("net-approver");
        String outsider = api.tokenOf(people.requester(people.team(REGION).id()), TestIdentities.PASSWORD);
        Response hook = api.post("/api/v1/webhooks", admin, """
                {"name":"adoptions","url":"http://127.0.0.1:9/hook","eventTypes":["endpoint.adopted","request.provisioned"]}""");
        assertThat(hook.status()).as(hook.body()).isEqualTo(201);
        webhook = hook.json().get("id").asString();

        String vpc;
        String handMade;
        String byAdmin;
        try (Ec2Client ec2 = ec2As(account, REGION)) {
            vpc = ec2.createVpc(r -> r.cidrBlock("10.50.0.0/16")).vpc().vpcId();
            String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
            handMade = ec2.createVpcEndpoint(r -> r.vpcId(vpc).vpcEndpointType(VpcEndpointType.GATEWAY)
                    .serviceName("com.amazonaws." + REGION + ".dynamodb").routeTableIds(table)
                    .tagSpecifications(t -> t.resourceType("vpc-endpoint").tags(tag("owner", "ops"))))
                    .vpcEndpoint().vpcEndpointId();
            byAdmin = ec2.createVpcEndpoint(r -> r.vpcId(vpc).vpcEndpointType(VpcEndpointType.GATEWAY)
                    .serviceName("com.amazonaws." + REGION + ".s3").routeTableIds(table)).vpcEndpoint().vpcEndpointId();
        }
        InventorySyncs.syncAndWait(api, admin);
        PortalApi browser = PortalApi.browser(port);
        browser.signIn(requesterName, TestIdentities.PASSWORD);
        assertThat(browser.page("/inventory/endpoints/" + handMade).body()).contains("Request adoption")
                .doesNotContain("Adopt as an active request");

        Problems.assertProblem(api.post("/api/v1/endpoints/" + handMade + "/adopt", outsider, "{}"), 404);
        Response asked = api.post("/api/v1/endpoints/" + handMade + "/adopt", requester,
                "{\"reason\":\"ours, made before the portal\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        JsonNode request = asked.json();
        String requestId = request.get("id").asString();
        assertThat(request.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(request.get("kind").asString()).isEqualTo("NEW");
        assertThat(request.get("adoptsEndpointId").asString()).isEqualTo(handMade);
        assertThat(request.get("team").asString()).isEqualTo(team);
        assertThat(request.get("items").get(0).get("customPolicy").asString()).contains("Allow");
        assertThat(request.get("items").get(0).get("tags").get("owner").asString()).isEqualTo("ops");
        Problems.assertProblem(api.post("/api/v1/endpoints/" + handMade + "/adopt", requester, "{}"), 409);
        Problems.assertProblem(api.post("/api/v1/endpoints/" + handMade + "/adopt", admin, "{}"), 409);
        Problems.assertProblem(api.post("/api/v1/requests/" + requestId + "/approve", requester, "{}"), 403);
        assertThat(api.get("/api/v1/audit?action=ENDPOINT_ADOPTION_REQUESTED&subjectId=" + handMade, admin).json()
                .get("items")).singleElement().satisfies(a -> assertThat(a.get("detail").asString()).contains(requestId));

        assertThat(api.post("/api/v1/requests/" + requestId + "/approve", approver, "{}").status()).isEqualTo(200);
        api.awaitStatus(requester, requestId, "ACTIVE");

        Map<String, String> tags = tagsInMoto(account, handMade);
        assertThat(tags).containsEntry("portal:request-item", requestId + "/0").containsEntry("portal:request-id", requestId)
                .containsEntry("portal:team", team).containsEntry("owner", "ops");
        try (Ec2Client ec2 = ec2As(account, REGION)) {
            assertThat(ec2.describeVpcEndpoints(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build()))
                    .vpcEndpoints()).as("nothing created").hasSize(2);
        }
        String calls = api.get("/api/v1/requests/" + requestId + "/provisioning", requester).json().toString();
        assertThat(calls).contains("CreateTags").doesNotContain("CreateVpcEndpoint");

        InventorySyncs.syncAndWait(api, admin);
        JsonNode managed = api.get("/api/v1/endpoints/" + handMade, requester).json();
        assertThat(managed.get("summary").get("requestId").asString()).isEqualTo(requestId);
        assertThat(managed.get("drift").get("differences")).as(managed.toString()).isEmpty();

        // admins still adopt directly
        Response direct = api.post("/api/v1/endpoints/" + byAdmin + "/adopt", admin, "{}");
        assertThat(direct.status()).as(direct.body()).isEqualTo(200);
        String directRequest = direct.json().get("summary").get("requestId").asString();
        // recorded and tagged through provisioning like an approved adoption (else no later sync, change or
        // decommission would find it): the request stays ACTIVE, and its decommission deletes the endpoint
        Instant tagDeadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!directRequest.equals(tagsInMoto(account, byAdmin).get("portal:request-id"))
                && Instant.now().isBefore(tagDeadline)) {
            sleep(250);
        }
        assertThat(tagsInMoto(account, byAdmin)).containsEntry("portal:request-id", directRequest)
                .containsEntry("portal:request-item", directRequest + "/0");
        assertThat(api.get("/api/v1/requests/" + directRequest, requester).json().get("status").asString())
                .isEqualTo("ACTIVE");
        // the admin who adopted it is its requester: the one who may ask to decommission it
        Response decommission = api.post("/api/v1/requests/" + directRequest + "/decommission", admin,
                "{\"reason\":\"adopted by mistake\"}");
        assertThat(decommission.status()).as(decommission.body()).isEqualTo(200);
        Response decommissionApproved = api.post("/api/v1/requests/" + directRequest + "/approve", approver, "{}");
        assertThat(decommissionApproved.status()).as(decommissionApproved.body()).isEqualTo(200);
        api.awaitStatus(requester, directRequest, "DELETED");
        try (Ec2Client ec2 = ec2As(account, REGION)) {
            assertThat(ec2.describeVpcEndpoints(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build()))
                    .vpcEndpoints()).filteredOn(e -> e.vpcEndpointId().equals(byAdmin))
                    .allSatisfy(e -> assertThat(e.stateAsString()).isIn("deleted", "deleting"));
        }

        List<JsonNode> deliveries = awaitDeliveries(2);
        assertThat(deliveries).filteredOn(d -> d.get("payload").asString().contains(requestId))
                .extracting(d -> d.get("eventType").asString()).containsExactly("endpoint.adopted");
        assertThat(deliveries).filteredOn(d -> d.get("payload").asString().contains(directRequest))
                .extracting(d -> d.get("eventType").asString()).containsExactly("endpoint.adopted");
    }

    // ---------------------------------------------------------------------------------------------------------

    private List<JsonNode> awaitDeliveries(int atLeast) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<JsonNode> items = List.of();
        while (Instant.now().isBefore(deadline)) {
            items = StreamSupport.stream(api.get("/api/v1/webhooks/" + webhook + "/deliveries", admin).json()
                    .get("items").spliterator(), false).toList();
            if (items.size() >= atLeast) {
                return items;
            }
            sleep(250);
        }
        return items;
    }

    private static Map<String, String> tagsInMoto(String account, String endpoint) {
        try (Ec2Client ec2 = ec2As(account, REGION)) {
            Map<String, String> tags = new TreeMap<>();
            ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(endpoint)).vpcEndpoints().get(0).tags()
                    .forEach(t -> tags.put(t.key(), t.value()));
            return tags;
        }
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
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
