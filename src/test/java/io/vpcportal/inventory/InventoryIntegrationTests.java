package io.vpcportal.inventory;

import io.vpcportal.inventory.internal.Drift;
import static io.vpcportal.MotoAccounts.ec2As;
import static io.vpcportal.MotoAccounts.externalIdOf;
import static io.vpcportal.MotoAccounts.roleOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.AwsIntegrationTest;
import io.vpcportal.PortalApi;
import io.vpcportal.MotoServer;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.TestIdentities;
import io.vpcportal.account.AccountChange;
import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.shared.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import tools.jackson.databind.JsonNode;

/**
 * The inventory against moto: two member accounts × two regions reached through AssumeRole. One story in
 * order: the portal provisions an endpoint, someone creates another one by hand, the sync finds both (managed
 * and unmanaged), an unchanged re-sync writes nothing, coverage points at the VPC behind a NAT gateway without
 * an S3 gateway endpoint, a policy changed by hand is drift that an admin accepts, the unmanaged endpoint is
 * adopted, and an endpoint EC2 reports deleted is gone. What moto will not do by itself (a refused role, an endpoint
 * EC2 forgot) is in {@link InventoryFaultsIntegrationTests}.
 */
@AwsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InventoryIntegrationTests {

    private static final List<String> REGIONS = List.of("eu-west-1", "us-east-1");

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    AccountManagement accounts;
    @Autowired
    JdbcTemplate jdbc;

    PortalApi api;
    String team;
    String first;
    String second;
    String requesterName;
    String requester;
    String outsider;
    String admin;
    String vpcWithNat;
    String natGateway;
    String vpcInSecond;
    String managedEndpoint;
    String handMadeEndpoint;
    String requestId;

    @BeforeAll
    void twoAccountsInTwoRegions() {
        api = new PortalApi(port);
        TestIdentities people = new TestIdentities(identity, accounts);
        team = "inv-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        identity.ensureTeam(new TeamId(team), "Inventory team");
        first = randomAccount();
        second = randomAccount();
        for (String account : List.of(first, second)) {
            accounts.register(account, new AccountChange("member " + account, roleOf(account), externalIdOf(account),
                    AccountEnvironment.NON_PRODUCTION, new TreeSet<>(REGIONS), new TreeSet<>(Set.of(team))), "test");
        }
        requesterName = people.requester(team);
        requester = api.tokenOf(requesterName, TestIdentities.PASSWORD);
        outsider = api.tokenOf(people.requester(people.team("eu-west-1").id()), TestIdentities.PASSWORD);
        admin = api.tokenOf("admin");

        try (Ec2Client ec2 = ec2As(first, "eu-west-1")) {
            vpcWithNat = ec2.createVpc(r -> r.cidrBlock("10.20.0.0/16")).vpc().vpcId();
            String subnet = ec2.createSubnet(r -> r.vpcId(vpcWithNat).cidrBlock("10.20.1.0/24")).subnet().subnetId();
            ec2.createRouteTable(r -> r.vpcId(vpcWithNat));
            String eip = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
            natGateway = ec2.createNatGateway(r -> r.subnetId(subnet).allocationId(eip)).natGateway().natGatewayId();
        }
        try (Ec2Client ec2 = ec2As(second, "us-east-1")) {
            vpcInSecond = ec2.createVpc(r -> r.cidrBlock("10.30.0.0/16")).vpc().vpcId();
            String table = ec2.createRouteTable(r -> r.vpcId(vpcInSecond)).routeTable().routeTableId();
            handMadeEndpoint = ec2.createVpcEndpoint(r -> r.vpcId(vpcInSecond).vpcEndpointType(VpcEndpointType.GATEWAY)
                    .serviceName("com.amazonaws.us-east-1.dynamodb").routeTableIds(table)).vpcEndpoint().vpcEndpointId();
        }
        requestId = provision(first, "eu-west-1", vpcWithNat);
        managedEndpoint = api.get("/api/v1/requests/" + requestId + "/provisioning", requester).json()
                .get("endpoints").get(0).get("vpcEndpointId").asString();
    }

    @Test
    @Order(1)
    void portalEndpointsAreManagedAndOthersUnmanaged() {
        JsonNode run = syncAndWait();
        assertThat(targetsOf(run, first, second)).hasSize(4).allMatch(t -> t.get("status").asString().equals("SUCCEEDED"));

        JsonNode managed = api.get("/api/v1/endpoints/" + managedEndpoint, requester).json();
        assertThat(managed.get("summary").get("requestId").asString()).isEqualTo(requestId);
        assertThat(managed.get("summary").get("vpcId").asString()).isEqualTo(vpcWithNat);
        assertThat(managed.get("drift").get("differences")).isEmpty();

        JsonNode unmanaged = api.get("/api/v1/endpoints?managed=false&account=" + second, requester).json();
        assertThat(unmanaged.get("items")).singleElement()
                .satisfies(e -> assertThat(e.get("id").asString()).isEqualTo(handMadeEndpoint));
        assertThat(api.get("/api/v1/endpoints?managed=true&account=" + first, requester).json().get("items"))
                .extracting(e -> e.get("id").asString()).containsExactly(managedEndpoint);
        // requesters of other teams see neither the rows nor the endpoint
        assertThat(api.get("/api/v1/endpoints?account=" + first, outsider).json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/endpoints/" + managedEndpoint, outsider).status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void anUnchangedResyncWritesNothing() {
        Instant before = updatedAt(managedEndpoint);
        long tuple = xmin(managedEndpoint);

        JsonNode run = syncAndWait();

        assertThat(allTargetsOf(run, first, second)).as("4 regions and each account's Route 53 zones").hasSize(6)
                .allMatch(t -> t.get("rowsWritten").asInt() == 0);
        assertThat(updatedAt(managedEndpoint)).isEqualTo(before);
        assertThat(xmin(managedEndpoint)).as("no new row version").isEqualTo(tuple);
    }

    @Test
    @Order(3)
    void aVpcBehindNatWithoutAnS3GatewayIsCoveredWithAPrefilledRequest() {
        JsonNode coverage = api.get("/api/v1/vpcs/" + vpcWithNat + "/coverage", requester).json();

        assertThat(coverage.get("natGatewayIds").toString()).contains(natGateway);
        JsonNode s3 = stream(coverage.get("recommendations")).filter(r -> r.get("kind").asString()
                .equals("MISSING_S3_GATEWAY")).findFirst().orElseThrow(() -> new AssertionError(coverage.toString()));
        assertThat(s3.get("requestLink").asString()).isEqualTo("/requests/new?template=s3-gateway&account=" + first
                + "&region=eu-west-1&vpc=" + vpcWithNat + "&nat=" + natGateway);
        // the DynamoDB gateway endpoint the portal made is there: nothing to recommend for DynamoDB
        assertThat(stream(coverage.get("recommendations")).map(r -> r.get("kind").asString()))
                .doesNotContain("MISSING_DYNAMODB_GATEWAY");
        assertThat(api.get("/api/v1/vpcs/" + vpcWithNat + "/coverage", outsider).status()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void anInterfaceEndpointWithPrivateDnsOffAndNoPrivateZoneIsRecommendedUntilAZoneAnswersItsName() {
        String ssm;
        try (Ec2Client ec2 = ec2As(first, "eu-west-1")) {
            String subnet = ec2.describeSubnets(r -> r.filters(Filter.builder().name("vpc-id").values(vpcWithNat)
                    .build())).subnets().get(0).subnetId();
            ssm = ec2.createVpcEndpoint(r -> r.vpcId(vpcWithNat).vpcEndpointType(VpcEndpointType.INTERFACE)
                    .serviceName("com.amazonaws.eu-west-1.ssm").subnetIds(subnet).privateDnsEnabled(false))
                    .vpcEndpoint().vpcEndpointId();
        }
        JsonNode run = syncAndWait();
        assertThat(allTargetsOf(run, first)).filteredOn(t -> t.get("region").asString().equals("global"))
                .singleElement().satisfies(t -> assertThat(t.get("status").asString()).isEqualTo("SUCCEEDED"));

        JsonNode dnsOff = stream(api.get("/api/v1/vpcs/" + vpcWithNat + "/coverage", requester).json()
                .get("recommendations")).filter(r -> r.get("kind").asString().equals("PRIVATE_DNS_OFF")).findFirst()
                .orElseThrow(() -> new AssertionError("no PRIVATE_DNS_OFF for " + ssm));
        assertThat(dnsOff.get("message").asString()).contains(ssm, "ssm.eu-west-1.amazonaws.com", "NAT gateway");
        assertThat(stream(api.get("/api/v1/endpoints?account=" + first, requester).json().get("items")))
                .as("the endpoint is listed").anyMatch(e -> e.get("id").asString().equals(ssm));

        try (Route53Client route53 = route53As(first)) {
            route53.createHostedZone(r -> r.name("ssm.eu-west-1.amazonaws.com").callerReference("inv-" + ssm)
                    .hostedZoneConfig(c -> c.privateZone(true))
                    .vpc(v -> v.vpcId(vpcWithNat).vpcRegion("eu-west-1")));
        }
        JsonNode after = syncAndWait();
        assertThat(allTargetsOf(after, first)).filteredOn(t -> t.get("region").asString().equals("global"))
                .singleElement().satisfies(t -> assertThat(t.get("rowsWritten").asInt()).isPositive());
        assertThat(stream(api.get("/api/v1/vpcs/" + vpcWithNat + "/coverage", requester).json().get("recommendations"))
                .map(r -> r.get("kind").asString())).as("the zone answers the name in the VPC")
                .doesNotContain("PRIVATE_DNS_OFF");
    }

    @Test
    @Order(5)
    void aPolicyChangedByHandIsDriftThatAnAdminAccepts() {
        String handWritten = """
                {"Version":"2012-10-17","Statement":[{"Sid":"ByHand","Effect":"Allow","Principal":"*",
                 "Action":"dynamodb:GetItem","Resource":"*"}]}""";
        try (Ec2Client ec2 = ec2As(first, "eu-west-1")) {
            ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(managedEndpoint).policyDocument(handWritten));
        }
        syncAndWait();

        JsonNode drifted = api.get("/api/v1/endpoints/" + managedEndpoint, requester).json();
        assertThat(drifted.get("summary").get("drift").asBoolean()).isTrue();
        assertThat(drifted.get("summary").get("driftSummary").asString()).isEqualTo("policy");
        String diff = stream(drifted.get("drift").get("policyDiff")).map(l -> l.get("change").asString() + " "
                + l.get("text").asString()).reduce("", (a, b) -> a + b + "\n");
        assertThat(diff).contains("ADDED").contains("\"ByHand\"").contains("REMOVED");
        assertThat(api.get("/api/v1/endpoints?drift=true&account=" + first, requester).json().get("items"))
                .extracting(e -> e.get("id").asString()).containsExactly(managedEndpoint);

        assertThat(api.post("/api/v1/endpoints/" + managedEndpoint + "/drift/accept", requester,
                "{\"reason\":\"mine\"}").status()).isEqualTo(403);
        Response accepted = api.post("/api/v1/endpoints/" + managedEndpoint + "/drift/accept", admin,
                "{\"reason\":\"the team narrowed the policy during an incident\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("drift").get("source").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.json().get("drift").get("differences")).isEmpty();
        JsonNode audit = api.get("/api/v1/audit?action=DRIFT_ACCEPTED&subjectId=" + managedEndpoint, admin).json();
        assertThat(audit.get("items")).singleElement().satisfies(a -> assertThat(a.get("detail").asString())
                .contains("during an incident"));

        syncAndWait();
        assertThat(api.get("/api/v1/endpoints/" + managedEndpoint, requester).json().get("summary").get("drift")
                .asBoolean()).isFalse();
    }

    @Test
    @Order(6)
    void anUnmanagedEndpointIsAdoptedAsAnActiveRequest() throws InterruptedException {
        // an approver outside the teams that may use the account sees the endpoint but may not ask for it (the
        // owning team's adoption through approval is in AdoptionIntegrationTests)
        assertThat(api.post("/api/v1/endpoints/" + handMadeEndpoint + "/adopt", api.tokenOf("net-approver"), "{}")
                .status()).isEqualTo(403);

        Response adopted = api.post("/api/v1/endpoints/" + handMadeEndpoint + "/adopt", admin, "{}");

        assertThat(adopted.status()).as(adopted.body()).isEqualTo(200);
        String request = adopted.json().get("summary").get("requestId").asString();
        JsonNode details = api.get("/api/v1/requests/" + request, requester).json();
        assertThat(details.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(details.get("team").asString()).isEqualTo(team);
        assertThat(details.get("items").get(0).get("templateKey").asString()).isEqualTo("dynamodb-gateway");
        assertThat(details.get("items").get(0).get("customPolicy").asString()).contains("Allow");
        assertThat(adopted.json().get("drift").get("source").asString()).isEqualTo("ADOPTED");
        assertThat(api.get("/api/v1/audit?action=ENDPOINT_ADOPTED&subjectId=" + handMadeEndpoint, admin).json()
                .get("items")).hasSize(1);
        assertThat(api.post("/api/v1/endpoints/" + handMadeEndpoint + "/adopt", admin, "{}").status()).isEqualTo(409);
        // provisioning tags it with the portal's tags (the approved state the baseline records includes them)
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        try (Ec2Client ec2 = ec2As(second, "us-east-1")) {
            while (ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(handMadeEndpoint)).vpcEndpoints().get(0).tags()
                    .stream().noneMatch(t -> t.key().equals("portal:request-id") && t.value().equals(request))) {
                assertThat(Instant.now()).as("tagged by the adoption job").isBefore(deadline);
                Thread.sleep(250);
            }
        }

        syncAndWait();
        JsonNode after = api.get("/api/v1/endpoints/" + handMadeEndpoint, requester).json();
        assertThat(after.get("summary").get("requestId").asString()).as("the link survives syncs").isEqualTo(request);
        assertThat(after.get("summary").get("drift").asBoolean()).isFalse();
    }

    @Test
    @Order(7)
    void anEndpointEc2ReportsDeletedIsGone() {
        try (Ec2Client ec2 = ec2As(second, "us-east-1")) {
            ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds(handMadeEndpoint));
        }
        syncAndWait();
        // moto, like EC2, keeps a deleted endpoint for a while with the state "deleted": that is proof enough
        JsonNode deleted = api.get("/api/v1/endpoints/" + handMadeEndpoint, requester).json();
        assertThat(deleted.get("summary").get("state").asString()).isEqualTo("deleted");
        assertThat(deleted.get("summary").get("goneAt").isNull()).isFalse();
        assertThat(deleted.get("drift").get("differences").toString()).as("a managed endpoint gone is drift")
                .contains("gone");
        assertThat(api.get("/api/v1/endpoints?account=" + second, requester).json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/endpoints?includeGone=true&account=" + second, requester).json().get("items"))
                .extracting(e -> e.get("id").asString()).containsExactly(handMadeEndpoint);
    }

    @Test
    @Order(8)
    void onlyAdminsSyncAndRequestersDoNotReadTheRunHistory() {
        assertThat(api.post("/api/v1/sync", requester, "").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/sync/runs", requester).status()).isEqualTo(403);
    }

    @Test
    @Order(9)
    void thePagesShowTheInventoryAnEndpointAVpcTheCsvAndThePrefilledRequestForm() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn(requesterName, TestIdentities.PASSWORD);

        PortalApi.Response list = browser.page("/inventory?account=" + first);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(managedEndpoint, "Coverage", vpcWithNat, "Request it").doesNotContain("Sync now");
        PortalApi.Response endpoint = browser.page("/inventory/endpoints/" + managedEndpoint);
        assertThat(endpoint.status()).isEqualTo(200);
        assertThat(endpoint.body()).contains("Drift from the approved state", "ACCEPTED", requestId);
        PortalApi.Response vpc = browser.page("/inventory/vpcs/" + vpcWithNat);
        assertThat(vpc.body()).contains(natGateway, managedEndpoint, "S3 gateway endpoint would carry");
        PortalApi.Response csv = browser.page("/inventory.csv?account=" + first);
        assertThat(csv.body()).startsWith("\"endpoint_id\",\"account_id\",\"region\",")
                .contains("\"" + managedEndpoint + "\",\"" + first + "\"");
        PortalApi.Response form = browser.page("/requests/new?template=s3-gateway&account=" + first
                + "&region=eu-west-1&vpc=" + vpcWithNat + "&nat=" + natGateway);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"" + vpcWithNat + "\"", "value=\"" + natGateway + "\"");
        assertThat(browser.page("/inventory/endpoints/" + managedEndpoint).body()).doesNotContain("Adopt as");
        assertThat(list.body()).as("runs span every account").doesNotContain("Last sync");
        String lastRun = api.get("/api/v1/sync/runs?limit=1", admin).json().get(0).get("id").asString();
        assertThat(browser.page("/inventory/sync/" + lastRun).status()).isEqualTo(403);
        PortalApi adminBrowser = PortalApi.browser(port);
        adminBrowser.signIn("admin", PortalApi.DEMO_PASSWORD);
        assertThat(adminBrowser.page("/inventory").body()).contains("Sync now", "Last sync");
        PortalApi.Response progress = adminBrowser.page("/inventory/sync/" + lastRun);
        assertThat(progress.body()).contains("id=\"sync-progress\"", "Last sync").doesNotContain("<html");
    }

    // ---------------------------------------------------------------------------------------------------------

    private String provision(String account, String region, String vpc) {
        String table;
        try (Ec2Client ec2 = ec2As(account, region)) {
            table = ec2.describeRouteTables(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build()))
                    .routeTables().get(0).routeTableId();
        }
        Response created = api.post("/api/v1/requests", requester, """
                {"team":"%s","accountId":"%s","region":"%s","vpcId":"%s","justification":"inventory test",
                 "items":[{"templateKey":"dynamodb-gateway","routeTableIds":["%s"]}]}"""
                .formatted(team, account, region, vpc, table));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/api/v1/requests/" + id + "/submit", requester, "").status()).isEqualTo(200);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (api.get("/api/v1/requests/" + id, requester).json().get("status").asString().equals("ACTIVE")) {
                return id;
            }
            sleep(250);
        }
        throw new AssertionError("Request " + id + " did not become ACTIVE");
    }

    /** POST /api/v1/sync (waiting for a scheduled run first if one is in progress), then the finished run. */
    private JsonNode syncAndWait() {
        return InventorySyncs.syncAndWait(api, admin);
    }

    /** The region targets of the accounts. */
    private static List<JsonNode> targetsOf(JsonNode run, String... accountIds) {
        return allTargetsOf(run, accountIds).stream().filter(t -> REGIONS.contains(t.get("region").asString())).toList();
    }

    /** The region targets of the accounts and their Route 53 ("global") ones. */
    private static List<JsonNode> allTargetsOf(JsonNode run, String... accountIds) {
        Set<String> wanted = Set.of(accountIds);
        return stream(run.get("targets")).filter(t -> wanted.contains(t.get("accountId").asString())).toList();
    }

    private Instant updatedAt(String endpoint) {
        return jdbc.queryForObject("select updated_at from inventory_endpoint where vpc_endpoint_id = ?",
                java.sql.Timestamp.class, endpoint).toInstant();
    }

    private long xmin(String endpoint) {
        return jdbc.queryForObject("select xmin::text::bigint from inventory_endpoint where vpc_endpoint_id = ?",
                Long.class, endpoint);
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String randomAccount() {
        return "7" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    private static Route53Client route53As(String account) {
        StsClient sts = StsClient.builder().region(Region.US_EAST_1).endpointOverride(MotoServer.shared().endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
        return Route53Client.builder().region(Region.AWS_GLOBAL).endpointOverride(MotoServer.shared().endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                        .refreshRequest(r -> r.roleArn(roleOf(account)).roleSessionName("test").externalId("ext-" + account))
                        .build())
                .build();
    }

}
