package io.vpcportal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.AwsIntegrationTest;
import io.vpcportal.MotoServer;
import io.vpcportal.PortalApi;
import io.vpcportal.Problems;
import io.vpcportal.TestIdentities;
import io.vpcportal.TestIdentities.FreshTeam;
import io.vpcportal.account.AccountChange;
import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.approval.ApprovalRules;
import io.vpcportal.approval.TestRules;
import io.vpcportal.audit.AuditAction;
import io.vpcportal.audit.AuditFilter;
import io.vpcportal.audit.AuditTrail;
import io.vpcportal.identity.IdentityManagement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.databind.JsonNode;

/**
 * Day-2 operations end to end through the API against the moto server: a change to an active endpoint is
 * approved by someone else and applied with ModifyVpcEndpoint; a decommission removes the portal's bucket
 * policy statements (and only those), deletes the endpoint and ends DELETED.
 */
@AwsIntegrationTest
class DayTwoIntegrationTests {

    private static Ec2Client ec2;

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    AccountManagement accounts;
    @Autowired
    ApprovalRules approvalRules;
    @Autowired
    AuditTrail audit;

    PortalApi api;
    TestIdentities people;
    TestRules rules;

    @BeforeAll
    static void emulator() {
        ec2 = Ec2Client.builder().region(Region.EU_WEST_1).endpointOverride(MotoServer.shared().endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
    }

    @AfterAll
    static void close() {
        ec2.close();
    }

    @BeforeEach
    void setUp() {
        api = new PortalApi(port);
        people = new TestIdentities(identity, accounts);
        rules = new TestRules(approvalRules);
    }

    @AfterEach
    void disableRules() {
        rules.disableAll();
    }

    @Test
    void aPolicyChangeIsApprovedBySomeoneElseAndAppliedWithModifyVpcEndpoint() {
        Network net = network();
        FreshTeam team = people.team("eu-west-1");
        rules.route(team.id(), TestRules.any("network"));
        String token = api.tokenOf(people.requester(team.id()), TestIdentities.PASSWORD);
        String id = activeGateway(token, team, net, List.of(net.privateRouteTable()), "day2-reports");
        VpcEndpoint before = endpointsIn(net.vpcId()).get(0);
        assertThat(before.policyDocument()).contains("day2-reports").doesNotContain("day2-archive");

        var created = api.post("/api/v1/requests/" + id + "/changes", token, """
                {"bucketNames":["day2-reports","day2-archive"],"justification":"The archive job writes there too"}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode change = created.json();
        String changeId = change.get("id").asString();
        assertThat(change.get("kind").asString()).isEqualTo("CHANGE");
        assertThat(change.get("changeOf").asString()).isEqualTo(id);
        assertThat(change.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(api.get("/api/v1/requests/" + id, token).json().get("status").asString()).isEqualTo("ACTIVE");
        JsonNode plan = api.get("/api/v1/requests/" + changeId + "/plan", token).json();
        assertThat(plan.toString()).contains("ec2:ModifyVpcEndpoint").contains(before.vpcEndpointId())
                .contains("day2-archive").doesNotContain("CreateVpcEndpoint");
        assertThat(api.post("/api/v1/requests/" + id + "/changes", token, """
                {"bucketNames":["day2-other"],"justification":"a second change while one is open"}""").status())
                .isEqualTo(409);

        var approved = api.post("/api/v1/requests/" + changeId + "/approve", api.tokenOf("net-approver"), "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        api.awaitStatus(token, changeId, "APPLIED");

        VpcEndpoint after = endpointsIn(net.vpcId()).get(0);
        assertThat(after.vpcEndpointId()).isEqualTo(before.vpcEndpointId());
        assertThat(after.policyDocument()).contains("arn:aws:s3:::day2-archive").contains("arn:aws:s3:::day2-reports");
        JsonNode original = api.get("/api/v1/requests/" + id, token).json();
        assertThat(original.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(original.get("items").get(0).get("bucketNames").toString()).contains("day2-archive");
        assertThat(original.get("timeline").toString()).contains("Change " + changeId + " applied to "
                + after.vpcEndpointId());
        JsonNode progress = api.get("/api/v1/requests/" + changeId + "/provisioning", token).json();
        assertThat(progress.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(progress.get("calls").toString()).contains("ModifyVpcEndpoint").doesNotContain("CreateVpcEndpoint");
        assertThat(audit.page(new AuditFilter(null, AuditAction.REQUEST_CHANGE_APPLIED.name(), null, id, null, null), null, 10)
                .items()).hasSize(1);
        // the approved state is now the base of the next change
        assertThat(api.get("/api/v1/requests/" + changeId, token).json().get("status").asString()).isEqualTo("APPLIED");
    }

    @Test
    void aRouteTableChangeAddsTheGatewayRouteToTheNewTable() {
        Network net = network();
        FreshTeam team = people.team("eu-west-1");
        rules.route(team.id(), TestRules.any("network"));
        String token = api.tokenOf(people.requester(team.id()), TestIdentities.PASSWORD);
        String id = activeGateway(token, team, net, List.of(net.privateRouteTable()), "day2-routes");
        String endpointId = endpointsIn(net.vpcId()).get(0).vpcEndpointId();
        assertThat(routesTo(net.publicRouteTable(), endpointId)).isFalse();

        var created = api.post("/api/v1/requests/" + id + "/changes", token, """
                {"position":0,"routeTableIds":["%s","%s"],"justification":"the public subnet uploads too"}"""
                .formatted(net.privateRouteTable(), net.publicRouteTable()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String changeId = created.json().get("id").asString();
        api.post("/api/v1/requests/" + changeId + "/approve", api.tokenOf("net-approver"), "{}");
        api.awaitStatus(token, changeId, "APPLIED");

        VpcEndpoint endpoint = endpointsIn(net.vpcId()).get(0);
        assertThat(endpoint.vpcEndpointId()).isEqualTo(endpointId);
        assertThat(endpoint.routeTableIds()).containsExactlyInAnyOrder(net.privateRouteTable(), net.publicRouteTable());
        // moto 5.2.1 records AddRouteTableIds on the endpoint but, unlike AWS and unlike its own create, does not
        // add the prefix-list route to the table: the route is only checked where moto makes it (the create)
        assertThat(routesTo(net.privateRouteTable(), endpointId)).isTrue();
        assertThat(api.get("/api/v1/requests/" + changeId + "/provisioning", token).json().get("calls").toString())
                .contains("ModifyVpcEndpoint").contains("add route tables " + net.publicRouteTable());
        assertThat(api.get("/api/v1/requests/" + id, token).json().get("items").get(0).get("routeTableIds").toString())
                .contains(net.publicRouteTable());
    }

    @Test
    void changesThatCannotApplyAreRefusedWithProblems() {
        Network net = network();
        Network other = network();
        FreshTeam team = people.team("eu-west-1");
        String requester = people.requester(team.id());
        String token = api.tokenOf(requester, TestIdentities.PASSWORD);
        String id = activeGateway(token, team, net, List.of(net.privateRouteTable()), "day2-problems");
        String path = "/api/v1/requests/" + id + "/changes";

        JsonNode foreign = Problems.assertProblem(api.post(path, token, """
                {"routeTableIds":["%s"],"justification":"wrong VPC"}""".formatted(other.privateRouteTable())), 422);
        assertThat(foreign.get("detail").asString()).contains("belongs to " + other.vpcId());
        Problems.assertProblem(api.post(path, token, """
                {"routeTableIds":["%s"],"justification":"same as now"}""".formatted(net.privateRouteTable())), 422);
        JsonNode invalid = Problems.assertProblem(api.post(path, token, """
                {"routeTableIds":["not-a-table"],"justification":"bad id"}"""), 400);
        assertThat(Problems.errorFields(invalid)).containsExactly("routeTableIds");
        Problems.assertProblem(api.post(path, token, "{\"routeTableIds\":[\"%s\"]}".formatted(net.publicRouteTable())), 400);
        // other teams: unseen for requesters, forbidden for approvers who see everything
        String stranger = api.tokenOf(people.requester(people.team("eu-west-1").id()), TestIdentities.PASSWORD);
        Problems.assertProblem(api.post(path, stranger, "{\"justification\":\"x\"}"), 404);
        Problems.assertProblem(api.post(path, api.tokenOf("net-approver"), """
                {"routeTableIds":["%s"],"justification":"not my team"}""".formatted(net.publicRouteTable())), 403);
        Problems.assertProblem(api.post("/api/v1/requests/" + id + "/decommission", api.tokenOf("net-approver"), "{}"), 403);
        // a draft is not active: nothing to change or decommission yet
        var draft = api.post("/api/v1/requests", token, gatewayBody(team, net, List.of(net.publicRouteTable()), "day2-x"));
        String draftId = draft.json().get("id").asString();
        Problems.assertProblem(api.post("/api/v1/requests/" + draftId + "/changes", token, """
                {"bucketNames":["day2-y"],"justification":"too early"}"""), 409);
        Problems.assertProblem(api.post("/api/v1/requests/" + draftId + "/decommission", token, "{}"), 409);
        assertThat(endpointsIn(net.vpcId()).get(0).routeTableIds()).containsExactly(net.privateRouteTable());
    }

    @Test
    void decommissionRemovesOnlyThePortalsStatementsDeletesTheEndpointAndEndsDeleted() {
        Network net = network();
        FreshTeam team = people.team("eu-west-1");
        rules.route(team.id(), TestRules.any("network"));
        breakGlass(team.accountId());
        try (S3Client s3 = s3()) {
            for (String bucket : List.of("day2-shared", "day2-own")) {
                s3.createBucket(r -> r.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
            }
            s3.putBucketPolicy(r -> r.bucket("day2-shared").policy(FOREIGN_POLICY));
        }
        String token = api.tokenOf(people.requester(team.id()), TestIdentities.PASSWORD);
        String id = activeGateway(token, team, net, List.of(net.privateRouteTable()), "day2-shared", "day2-own");
        String endpointId = endpointsIn(net.vpcId()).get(0).vpcEndpointId();
        try (S3Client s3 = s3()) {
            assertThat(s3.getBucketPolicy(r -> r.bucket("day2-shared")).policy()).contains(endpointId)
                    .contains("KeepAnalyticsReadAccess");
            assertThat(s3.getBucketPolicy(r -> r.bucket("day2-own")).policy()).contains(endpointId);
        }

        var requested = api.post("/api/v1/requests/" + id + "/decommission", token, "{\"reason\":\"moved to another VPC\"}");
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        assertThat(requested.json().get("status").asString()).isEqualTo("DECOMMISSION_REQUESTED");
        Problems.assertProblem(api.post("/api/v1/requests/" + id + "/approve", token, "{}"), 403);
        var approved = api.post("/api/v1/requests/" + id + "/approve", api.tokenOf("net-approver"), "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonNode deleted = api.awaitStatus(token, id, "DELETED");

        assertThat(endpointsIn(net.vpcId())).isEmpty();
        try (S3Client s3 = s3()) {
            String shared = s3.getBucketPolicy(r -> r.bucket("day2-shared")).policy();
            assertThat(shared).contains("KeepAnalyticsReadAccess").doesNotContain("VpcePortal").doesNotContain(endpointId);
            assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(S3Exception.class,
                    () -> s3.getBucketPolicy(r -> r.bucket("day2-own"))).awsErrorDetails().errorCode())
                    .isEqualTo("NoSuchBucketPolicy");
        }
        assertThat(deleted.get("timeline").toString()).contains("Decommission requested: moved to another VPC")
                .contains("Decommission approved").contains("Decommissioned: " + endpointId + " deleted");
        JsonNode progress = api.get("/api/v1/requests/" + id + "/provisioning", token).json();
        assertThat(progress.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(progress.get("calls").toString()).contains("DeleteVpcEndpoints").contains("DeleteBucketPolicy");
        assertThat(progress.get("endpoints").get(0).get("state").asString()).isEqualTo("deleted");
        assertThat(audit.page(new AuditFilter(null, AuditAction.REQUEST_STATUS_CHANGED.name(), null, id, null, null), null, 50)
                .items().stream().map(e -> e.after()).toList().toString())
                .contains("DECOMMISSION_REQUESTED").contains("DECOMMISSIONING").contains("DELETED");
    }

    /** A VPC with two subnets in two zones, each with its own route table (as in the reference architectures). */
    record Network(String vpcId, String privateSubnet, String publicSubnet, String privateRouteTable,
            String publicRouteTable) {
    }

    static Network network() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String privateSubnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("eu-west-1a"))
                .subnet().subnetId();
        String publicSubnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.2.0/24").availabilityZone("eu-west-1b"))
                .subnet().subnetId();
        String privateTable = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        String publicTable = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.associateRouteTable(r -> r.routeTableId(privateTable).subnetId(privateSubnet));
        ec2.associateRouteTable(r -> r.routeTableId(publicTable).subnetId(publicSubnet));
        return new Network(vpc, privateSubnet, publicSubnet, privateTable, publicTable);
    }

    private static final String FOREIGN_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"KeepAnalyticsReadAccess","Effect":"Allow",
             "Principal":{"AWS":"arn:aws:iam::123456789012:role/analytics"},"Action":"s3:GetObject",
             "Resource":"arn:aws:s3:::day2-shared/*"}]}""";

    /** An S3 gateway endpoint created through the API, approved by net-approver, ACTIVE. */
    private String activeGateway(String token, FreshTeam team, Network net, List<String> routeTables, String... buckets) {
        var created = api.post("/api/v1/requests", token, gatewayBody(team, net, routeTables, buckets));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/api/v1/requests/" + id + "/submit", token, "").status()).isEqualTo(200);
        if (api.get("/api/v1/requests/" + id, token).json().get("status").asString().equals("SUBMITTED")) {
            var approved = api.post("/api/v1/requests/" + id + "/approve", api.tokenOf("net-approver"), "{}");
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        }
        api.awaitStatus(token, id, "ACTIVE");
        return id;
    }

    private static String gatewayBody(FreshTeam team, Network net, List<String> routeTables, String... buckets) {
        return """
                {"team":"%s","accountId":"%s","region":"eu-west-1","vpcId":"%s","justification":"day-2 test",
                 "items":[{"templateKey":"s3-gateway","routeTableIds":%s,"policyChoice":"s3-buckets","bucketNames":%s}]}"""
                .formatted(team.id(), team.accountId(), net.vpcId(), json(routeTables), json(List.of(buckets)));
    }

    private static String json(List<String> values) {
        return PortalApi.json().writeValueAsString(values);
    }

    private void breakGlass(String accountId) {
        AccountDetails a = accounts.find(accountId).orElseThrow();
        accounts.update(accountId, new AccountChange(a.name(), a.roleArn(), a.externalId(), a.environment(), a.regions(),
                a.teams(), null, new TreeSet<>(Set.of("arn:aws:iam::" + accountId + ":role/BreakGlassAdmin"))), "test");
    }

    private static boolean routesTo(String routeTable, String endpointId) {
        RouteTable table = ec2.describeRouteTables(r -> r.routeTableIds(routeTable)).routeTables().get(0);
        return table.routes().stream().anyMatch(route -> endpointId.equals(route.gatewayId())
                && route.destinationPrefixListId() != null);
    }

    private static S3Client s3() {
        return S3Client.builder().region(Region.EU_WEST_1).endpointOverride(MotoServer.shared().endpoint())
                .forcePathStyle(true).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
    }


    private static List<VpcEndpoint> endpointsIn(String vpcId) {
        return ec2.describeVpcEndpoints(r -> r.filters(Filter.builder().name("vpc-id").values(vpcId).build()))
                .vpcEndpoints().stream().filter(e -> !e.stateAsString().equalsIgnoreCase("deleted")).toList();
    }
}
