package io.vpcportal.inventory;

import static io.vpcportal.MotoAccounts.ec2As;
import static io.vpcportal.MotoAccounts.externalIdOf;
import static io.vpcportal.MotoAccounts.roleOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.FaultyAwsProxy;
import io.vpcportal.PortalApi;
import io.vpcportal.ProxiedAwsIntegrationTest;
import io.vpcportal.account.AccountChange;
import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.shared.TeamId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import tools.jackson.databind.JsonNode;

/**
 * The inventory against moto behind {@link FaultyAwsProxy}, for what moto will not do by itself: two member
 * accounts × two regions reached through the real STS AssumeRole; the proxy refuses one account's role as STS
 * does (HTTP 403, AccessDenied), and hides an endpoint from EC2's answers as EC2 does once it forgot it.
 */
@ProxiedAwsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InventoryFaultsIntegrationTests {

    private static final List<String> REGIONS = List.of("eu-west-1", "us-east-1");

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    AccountManagement accounts;

    FaultyAwsProxy proxy;
    PortalApi api;
    String admin;
    String first;
    String second;
    /** One hand-made gateway endpoint per account and region, in the order first/eu, first/us, second/eu, second/us. */
    List<String> endpoints;
    String hidden;
    String deleted;

    @BeforeAll
    void twoAccountsInTwoRegions() {
        proxy = ProxiedAwsIntegrationTest.ThroughTheProxy.proxy();
        proxy.reset();
        api = new PortalApi(port);
        admin = api.tokenOf("admin");
        String team = "invf-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        identity.ensureTeam(new TeamId(team), "Inventory faults team");
        first = randomAccount();
        second = randomAccount();
        for (String account : List.of(first, second)) {
            accounts.register(account, new AccountChange("member " + account, roleOf(account), externalIdOf(account),
                    AccountEnvironment.NON_PRODUCTION, new TreeSet<>(REGIONS), new TreeSet<>(Set.of(team))), "test");
        }
        List<String> made = new java.util.ArrayList<>();
        for (String account : List.of(first, second)) {
            for (String region : REGIONS) {
                made.add(gatewayEndpoint(account, region, "s3"));
            }
        }
        endpoints = List.copyOf(made);
        hidden = gatewayEndpoint(second, "us-east-1", "dynamodb");
        deleted = gatewayEndpoint(second, "eu-west-1", "dynamodb");
    }

    @AfterAll
    void noRulesLeft() {
        proxy.reset();
    }

    @Test
    @Order(1)
    void theFirstSyncFillsBothAccountsThroughAssumeRole() {
        JsonNode run = InventorySyncs.syncAndWait(api, admin);

        assertThat(targetsOf(run, first, second)).hasSize(4).allMatch(t -> t.get("status").asString().equals("SUCCEEDED"));
        for (String endpoint : endpoints) {
            JsonNode summary = endpoint(endpoint).get("summary");
            assertThat(summary.get("stale").asBoolean()).as(endpoint).isFalse();
            assertThat(summary.get("goneAt").isNull()).as(endpoint).isTrue();
        }
        assertThat(proxy.calls(c -> c.is("AssumeRole") && roleOf(first).equals(c.param("RoleArn"))))
                .as("the portal assumed the first account's role through STS").isNotEmpty();
    }

    @Test
    @Order(2)
    void anAccountWhoseRoleIsRefusedKeepsItsRowsStaleAndTheRunShowsTheError() {
        proxy.add(FaultyAwsProxy.refuseRole(roleOf(first)));

        JsonNode run = InventorySyncs.syncAndWait(api, admin);

        assertThat(run.get("status").asString()).isEqualTo("PARTIAL");
        assertThat(targetsOf(run, first)).hasSize(2).allSatisfy(t -> {
            assertThat(t.get("status").asString()).isEqualTo("FAILED");
            assertThat(t.get("errorCode").asString()).isEqualTo("AccessDenied");
            assertThat(t.get("error").asString()).contains("sts:AssumeRole", roleOf(first));
        });
        assertThat(targetsOf(run, second)).hasSize(2).allMatch(t -> t.get("status").asString().equals("SUCCEEDED"));
        assertThat(proxy.calls(c -> c.is("AssumeRole") && roleOf(first).equals(c.param("RoleArn"))))
                .as("refused at STS, not short-circuited").isNotEmpty();
        for (String endpoint : endpoints.subList(0, 2)) {
            JsonNode summary = endpoint(endpoint).get("summary");
            assertThat(summary.get("stale").asBoolean()).as("%s of the refused account is stale", endpoint).isTrue();
            assertThat(summary.get("goneAt").isNull()).as("never gone for a failed region").isTrue();
        }
        assertThat(ids(api.get("/api/v1/endpoints?account=" + first, admin).json()))
                .as("still listed").containsAll(endpoints.subList(0, 2));
        for (String endpoint : endpoints.subList(2, 4)) {
            assertThat(endpoint(endpoint).get("summary").get("stale").asBoolean()).as(endpoint).isFalse();
        }

        proxy.reset();
        InventorySyncs.syncAndWait(api, admin);
        assertThat(endpoint(endpoints.get(0)).get("summary").get("stale").asBoolean())
                .as("fresh again once the role is trusted").isFalse();
    }

    @Test
    @Order(3)
    void anEndpointMissingFromEc2sAnswersIsGoneOnlyAfterTheSecondSyncWithoutIt() {
        proxy.add(FaultyAwsProxy.hideEndpoints(hidden::equals));

        InventorySyncs.syncAndWait(api, admin);
        JsonNode once = endpoint(hidden);
        assertThat(once.get("missedSyncs").asInt()).isEqualTo(1);
        assertThat(once.get("summary").get("goneAt").isNull()).as("one missed sync is not proof").isTrue();
        assertThat(ids(api.get("/api/v1/endpoints?account=" + second, admin).json())).contains(hidden);

        JsonNode run = InventorySyncs.syncAndWait(api, admin);
        assertThat(endpoint(hidden).get("summary").get("goneAt").isNull()).as("gone at the second").isFalse();
        assertThat(run.get("endpointsGone").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(ids(api.get("/api/v1/endpoints?account=" + second, admin).json())).doesNotContain(hidden);
        assertThat(ids(api.get("/api/v1/endpoints?includeGone=true&account=" + second, admin).json())).contains(hidden);

        proxy.reset();
        InventorySyncs.syncAndWait(api, admin);
        assertThat(endpoint(hidden).get("summary").get("goneAt").isNull()).as("listed again once EC2 shows it").isTrue();
    }

    /** moto keeps a deleted endpoint in its answers with the state {@code deleted}, as EC2 does for a while. */
    @Test
    @Order(4)
    void anEndpointDeletedInMotoIsGoneAtTheSyncThatSeesItDeleted() {
        try (Ec2Client ec2 = ec2As(second, "eu-west-1")) {
            ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds(deleted));
            assertThat(ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(deleted)).vpcEndpoints())
                    .singleElement().satisfies(e -> assertThat(e.stateAsString()).isEqualTo("deleted"));
        }
        assertThat(endpoint(deleted).get("summary").get("goneAt").isNull()).as("not before a sync saw it").isTrue();

        InventorySyncs.syncAndWait(api, admin);

        JsonNode gone = endpoint(deleted).get("summary");
        assertThat(gone.get("state").asString()).isEqualTo("deleted");
        assertThat(gone.get("goneAt").isNull()).isFalse();
    }

    // ---------------------------------------------------------------------------------------------------------

    private JsonNode endpoint(String id) {
        PortalApi.Response answer = api.get("/api/v1/endpoints/" + id, admin);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).map(e -> e.get("id").asString()).toList();
    }

    private static List<JsonNode> targetsOf(JsonNode run, String... accountIds) {
        Set<String> wanted = Set.of(accountIds);
        return StreamSupport.stream(run.get("targets").spliterator(), false)
                .filter(t -> wanted.contains(t.get("accountId").asString()) && REGIONS.contains(t.get("region").asString()))
                .toList();
    }

    private static String gatewayEndpoint(String account, String region, String service) {
        try (Ec2Client ec2 = ec2As(account, region)) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.40.0.0/16")).vpc().vpcId();
            String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
            return ec2.createVpcEndpoint(r -> r.vpcId(vpc).vpcEndpointType(VpcEndpointType.GATEWAY)
                    .serviceName("com.amazonaws." + region + "." + service).routeTableIds(table)).vpcEndpoint()
                    .vpcEndpointId();
        }
    }

    private static String randomAccount() {
        return "6" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    /** The test's own look at moto, as the account, around the proxy. */
}
