package io.vpcportal.inventory;

import io.vpcportal.inventory.internal.Baselines;
import io.vpcportal.inventory.internal.DriftCheck;
import io.vpcportal.inventory.internal.InventoryStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalIntegrationTest;
import io.vpcportal.TestIdentities;
import io.vpcportal.TestIdentities.FreshTeam;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.inventory.RegionSnapshot.ObservedEndpoint;
import io.vpcportal.provisioning.internal.ProvisioningStore;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestLifecycle;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The approved state of a managed endpoint is taken only from an ACTIVE request (commit 7f97303): a sync that first
 * sees an endpoint while its request is being decommissioned must not take the decommission's plan (which sends no
 * policy) for what created the endpoint, or the endpoint's own policy would show as drift from AWS's default one.
 */
@PortalIntegrationTest
class DecommissionBaselineIntegrationTests {

    private static final String REGION = "eu-west-1";

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    AccountManagement accounts;
    @Autowired
    RequestLifecycle lifecycle;
    @Autowired
    ProvisioningStore provisioning;
    @Autowired
    InventoryStore store;
    @Autowired
    Baselines baselines;
    @Autowired
    DriftCheck driftCheck;

    @Test
    void anEndpointFirstSeenWhileItsRequestIsDecommissionedShowsNoPolicyDriftFromTheDecommissionPlan() {
        PortalApi api = new PortalApi(port);
        TestIdentities people = new TestIdentities(identity, accounts);
        FreshTeam team = people.team(REGION);
        String token = api.tokenOf(people.requester(team.id()), TestIdentities.PASSWORD);
        String endpoint = "vpce-" + String.format("%017x", java.util.concurrent.ThreadLocalRandom.current()
                .nextLong(1L << 60));
        String table = "rtb-0a1b2c3d4e5f60720";
        var created = api.post("/api/v1/requests", token, """
                {"team":"%s","accountId":"%s","region":"%s","vpcId":"vpc-0a1b2c3d4e5f60720","justification":"baseline",
                 "items":[{"templateKey":"s3-gateway","routeTableIds":["%s"],
                           "policyChoice":"s3-buckets","bucketNames":["baseline-reports"]}]}"""
                .formatted(team.id(), team.accountId(), REGION, table));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        api.post("/api/v1/requests/" + id + "/submit", token, "");
        JsonNode job = api.get("/api/v1/requests/" + id + "/provisioning", token).json();
        String createdWith = JsonMapper.builder().build().readTree(StreamSupport.stream(job.get("plan").spliterator(), false)
                .filter(c -> c.get("action").asString().equals("ec2:CreateVpcEndpoint")).findFirst().orElseThrow()
                .get("parameters").asString()).get("PolicyDocument").asString();
        assertThat(createdWith).contains("baseline-reports");
        // what an apply-mode portal records once the endpoint exists
        UUID requestId = UUID.fromString(id);
        provisioning.endpoint(requestId, 0, "vpce-portal-baseline", endpoint, "available", null);
        lifecycle.startProvisioning(new EndpointRequestId(requestId), "test: as if provisioned");
        lifecycle.provisioned(new EndpointRequestId(requestId), List.of(endpoint));

        var decommission = api.post("/api/v1/requests/" + id + "/decommission", token, "{\"reason\":\"done\"}");
        assertThat(decommission.status()).as(decommission.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/requests/" + id, token).json().get("status").asString()).isEqualTo("DECOMMISSIONING");
        assertThat(api.get("/api/v1/requests/" + id + "/provisioning", token).json().get("plan").toString())
                .as("the job now holds the decommission's plan").doesNotContain("CreateVpcEndpoint");

        // the first sync that sees the endpoint, which still has the policy it was created with
        TreeMap<String, String> tags = new TreeMap<>();
        tags.put("portal:request-item", id + "/0");
        store.apply(team.accountId(), REGION, new RegionSnapshot(List.of(new ObservedEndpoint(endpoint,
                "vpc-0a1b2c3d4e5f60720", "com.amazonaws." + REGION + ".s3", "Gateway", "available", false, createdWith,
                List.of(table), List.of(), List.of(), List.of(), List.of(), tags, Instant.now())), List.of()),
                Instant.now());
        baselines.ensure(team.accountId(), REGION, Instant.now());
        driftCheck.check(team.accountId(), REGION);

        JsonNode seen = api.get("/api/v1/endpoints/" + endpoint, token).json();
        assertThat(seen.get("summary").get("requestId").asString()).isEqualTo(id);
        assertThat(seen.get("summary").get("driftSummary").isNull()).as("no drift from the decommission's plan: %s",
                seen.get("summary").get("driftSummary")).isTrue();
        assertThat(seen.get("summary").get("drift").asBoolean()).isFalse();
        assertThat(baselines.find(endpoint)).as("no approved state from a request that is not ACTIVE").isEmpty();
    }
}
