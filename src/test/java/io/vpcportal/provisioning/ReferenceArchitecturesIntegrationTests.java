package io.vpcportal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.AwsIntegrationTest;
import io.vpcportal.MotoServer;
import io.vpcportal.PortalApi;
import io.vpcportal.TestIdentities;
import io.vpcportal.TestIdentities.FreshTeam;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.IdentityManagement;
import java.time.Duration;
import java.time.Instant;
import io.vpcportal.account.AccountChange;
import io.vpcportal.account.AccountDetails;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.s3.S3Client;
import org.junit.jupiter.api.AfterAll;
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
import tools.jackson.databind.JsonNode;

/**
 * The reference architectures (docs/using-the-portal.md) end to end through the API: request, approval, provisioning
 * through the EC2 API of the moto server, and what then exists there.
 */
@AwsIntegrationTest
class ReferenceArchitecturesIntegrationTests {

    private static Ec2Client ec2;

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    AccountManagement accounts;

    PortalApi api;
    TestIdentities people;

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
    }

    /** A VPC with a private and a public subnet in two zones, each with its own route table. */
    record Network(String vpcId, String privateSubnet, String publicSubnet, String privateRouteTable,
            String publicRouteTable, String securityGroup) {
    }

    static Network network() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsSupport(b -> b.value(true)));
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(b -> b.value(true)));
        String privateSubnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("eu-west-1a"))
                .subnet().subnetId();
        String publicSubnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.2.0/24").availabilityZone("eu-west-1b"))
                .subnet().subnetId();
        String privateTable = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        String publicTable = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.associateRouteTable(r -> r.routeTableId(privateTable).subnetId(privateSubnet));
        ec2.associateRouteTable(r -> r.routeTableId(publicTable).subnetId(publicSubnet));
        String group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("endpoints-" + vpc).description("443 from the VPC"))
                .groupId();
        return new Network(vpc, privateSubnet, publicSubnet, privateTable, publicTable, group);
    }

    @Test
    void standardArchitectureGetsOneS3GatewayEndpointOnBothRouteTables() {
        Network net = network();
        FreshTeam team = people.team("eu-west-1");
        breakGlass(team.accountId());
        try (S3Client s3 = s3()) {
            s3.createBucket(r -> r.bucket("standard-exports").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
            s3.putBucketPolicy(r -> r.bucket("standard-exports").policy(FOREIGN_POLICY));
        }
        String token = api.tokenOf(people.requester(team.id()), TestIdentities.PASSWORD);
        String body = """
                {"team":"%s","accountId":"%s","region":"eu-west-1","vpcId":"%s",
                 "justification":"Two instances upload 100 GB a day each to S3","expectedMonthlyGb":6000,
                 "items":[{"templateKey":"s3-gateway","routeTableIds":["%s","%s"],
                           "policyChoice":"s3-buckets","bucketNames":["standard-exports"]}]}"""
                .formatted(team.id(), team.accountId(), net.vpcId(), net.privateRouteTable(), net.publicRouteTable());

        String id = createAndSubmit(token, body);
        JsonNode request = api.awaitStatus(token, id, "ACTIVE");

        List<VpcEndpoint> endpoints = endpointsIn(net.vpcId());
        assertThat(endpoints).hasSize(1);
        VpcEndpoint endpoint = endpoints.get(0);
        assertThat(endpoint.serviceName()).isEqualTo("com.amazonaws.eu-west-1.s3");
        assertThat(endpoint.vpcEndpointTypeAsString()).isEqualTo("Gateway");
        assertThat(endpoint.routeTableIds()).containsExactlyInAnyOrder(net.privateRouteTable(), net.publicRouteTable());
        assertThat(endpoint.tags()).anyMatch(t -> t.key().equals("portal:request-item") && t.value().equals(id + "/0"));
        for (String table : List.of(net.privateRouteTable(), net.publicRouteTable())) {
            RouteTable routes = ec2.describeRouteTables(r -> r.routeTableIds(table)).routeTables().get(0);
            assertThat(routes.routes()).as("routes of %s", table).anyMatch(route ->
                    endpoint.vpcEndpointId().equals(route.gatewayId()) && route.destinationPrefixListId() != null);
        }
        assertThat(request.get("timeline").toString()).contains("Provisioned: " + endpoint.vpcEndpointId())
                .contains("Bucket standard-exports now only accepts requests through " + endpoint.vpcEndpointId());
        try (S3Client s3 = s3()) {
            String policy = s3.getBucketPolicy(r -> r.bucket("standard-exports")).policy();
            assertThat(policy).contains("VpcePortal").contains(endpoint.vpcEndpointId())
                    .contains("arn:aws:iam::" + team.accountId() + ":role/BreakGlassAdmin")
                    .contains("\"Sid\": \"KeepAnalyticsReadAccess\"");
        }
        JsonNode progress = api.get("/api/v1/requests/" + id + "/provisioning", token).json();
        assertThat(progress.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(progress.get("calls").toString()).contains("CreateVpcEndpoint").doesNotContain("testing");
    }

    @Test
    void serverlessPipelineGetsS3GatewayAndGlueAndRdsDataInOneRequest() {
        Network net = network();
        FreshTeam team = people.team("eu-west-1");
        String token = api.tokenOf(people.requester(team.id()), TestIdentities.PASSWORD);
        String body = """
                {"team":"%s","accountId":"%s","region":"eu-west-1","vpcId":"%s",
                 "justification":"Lambda ingestion, Glue transforms, Aurora Serverless","expectedMonthlyGb":1200,
                 "items":[{"templateKey":"s3-gateway","routeTableIds":["%s"],"policyChoice":"s3-buckets","bucketNames":["pipeline-raw"]},
                          {"templateKey":"glue","subnetIds":["%s","%s"],"securityGroupIds":["%s"]},
                          {"templateKey":"rds-data","subnetIds":["%s","%s"],"securityGroupIds":["%s"]}]}"""
                .formatted(team.id(), team.accountId(), net.vpcId(), net.privateRouteTable(),
                        net.privateSubnet(), net.publicSubnet(), net.securityGroup(),
                        net.privateSubnet(), net.publicSubnet(), net.securityGroup());

        String id = createAndSubmit(token, body);
        assertThat(api.get("/api/v1/requests/" + id, token).json().get("status").asString()).isEqualTo("SUBMITTED");
        var approved = api.post("/api/v1/requests/" + id + "/approve", api.tokenOf("net-approver"), "{\"comment\":\"ok\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        api.awaitStatus(token, id, "ACTIVE");

        JsonNode active = api.get("/api/v1/requests/" + id, token).json();
        assertThat(active.get("timeline").toString())
                .contains("Bucket pipeline-raw does not exist in account " + team.accountId());
        List<VpcEndpoint> endpoints = endpointsIn(net.vpcId());
        assertThat(endpoints).extracting(VpcEndpoint::serviceName).containsExactlyInAnyOrder(
                "com.amazonaws.eu-west-1.s3", "com.amazonaws.eu-west-1.glue", "com.amazonaws.eu-west-1.rds-data");
        assertThat(endpoints).filteredOn(e -> e.vpcEndpointTypeAsString().equals("Interface"))
                .allSatisfy(e -> assertThat(e.subnetIds()).containsExactlyInAnyOrder(net.privateSubnet(), net.publicSubnet()));
    }

    @Test
    void preflightStopsARequestForASubnetOfAnotherVpcBeforeAnyCreate() {
        Network net = network();
        Network other = network();
        FreshTeam team = people.team("eu-west-1");
        String token = api.tokenOf(people.requester(team.id()), TestIdentities.PASSWORD);
        String body = """
                {"team":"%s","accountId":"%s","region":"eu-west-1","vpcId":"%s","justification":"glue",
                 "items":[{"templateKey":"glue","subnetIds":["%s"]}]}"""
                .formatted(team.id(), team.accountId(), net.vpcId(), other.privateSubnet());

        String id = createAndSubmit(token, body);
        api.post("/api/v1/requests/" + id + "/approve", api.tokenOf("net-approver"), "{}");
        JsonNode failed = api.awaitStatus(token, id, "FAILED");

        assertThat(failed.get("timeline").toString()).contains("belongs to " + other.vpcId());
        assertThat(endpointsIn(net.vpcId())).isEmpty();
        JsonNode progress = api.get("/api/v1/requests/" + id + "/provisioning", token).json();
        assertThat(progress.get("status").asString()).isEqualTo("NEEDS_OPERATOR");
        assertThat(progress.get("calls").toString()).doesNotContain("CreateVpcEndpoint");
    }

    private static final String FOREIGN_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"KeepAnalyticsReadAccess","Effect":"Allow",
             "Principal":{"AWS":"arn:aws:iam::123456789012:role/analytics"},"Action":"s3:GetObject",
             "Resource":"arn:aws:s3:::standard-exports/*"}]}""";

    private void breakGlass(String accountId) {
        AccountDetails a = accounts.find(accountId).orElseThrow();
        accounts.update(accountId, new AccountChange(a.name(), a.roleArn(), a.externalId(), a.environment(), a.regions(),
                a.teams(), null, new TreeSet<>(Set.of("arn:aws:iam::" + accountId + ":role/BreakGlassAdmin"))), "test");
    }

    private static S3Client s3() {
        return S3Client.builder().region(Region.EU_WEST_1).endpointOverride(MotoServer.shared().endpoint())
                .forcePathStyle(true).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
    }

    private String createAndSubmit(String token, String body) {
        var created = api.post("/api/v1/requests", token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        var submitted = api.post("/api/v1/requests/" + id + "/submit", token, "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return id;
    }


    private static List<VpcEndpoint> endpointsIn(String vpcId) {
        return ec2.describeVpcEndpoints(r -> r.filters(Filter.builder().name("vpc-id").values(vpcId).build()))
                .vpcEndpoints().stream().filter(e -> !e.stateAsString().equalsIgnoreCase("deleted")).toList();
    }
}
