package io.vpcportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import tools.jackson.databind.JsonNode;

/**
 * The demo sandbox account (111111111111) in moto, reached through its role as the portal reaches it (moto keeps
 * each account's data apart), for the tests that run the portal as child processes: VPCs to request endpoints in,
 * buckets with policies, and what exists per request tag. Also the few API steps those tests share.
 */
public final class SandboxAws implements AutoCloseable {

    public static final String ACCOUNT = "111111111111";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/vpc-endpoint-portal";
    private static final AtomicInteger NETWORKS = new AtomicInteger();

    private final StsClient sts;
    private final Ec2Client ec2;
    private final S3Client s3;

    public SandboxAws(URI moto) {
        sts = StsClient.builder().region(Region.EU_WEST_1).endpointOverride(moto)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
        var credentials = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(r -> r.roleArn(ROLE).roleSessionName("child-portal-tests")).build();
        ec2 = Ec2Client.builder().region(Region.EU_WEST_1).endpointOverride(moto)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).credentialsProvider(credentials).build();
        s3 = S3Client.builder().region(Region.EU_WEST_1).endpointOverride(moto).forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).credentialsProvider(credentials).build();
    }

    public record Vpc(String id, String subnet, String routeTable, String securityGroup) {
    }

    /** A VPC with DNS support, one subnet (eu-west-1a) with its own route table, and a security group. */
    public Vpc vpc() {
        int n = NETWORKS.incrementAndGet();
        String cidr = "10." + (100 + n / 250) + "." + n % 250 + ".0";
        String vpc = ec2.createVpc(r -> r.cidrBlock(cidr + "/24")).vpc().vpcId();
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsSupport(b -> b.value(true)));
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(b -> b.value(true)));
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr + "/26").availabilityZone("eu-west-1a"))
                .subnet().subnetId();
        String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(subnet));
        String group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("endpoints-" + vpc).description("443"))
                .groupId();
        return new Vpc(vpc, subnet, table, group);
    }

    /** A Glue interface endpoint for team payments in the sandbox: the network team approves it. */
    public static String glue(Vpc vpc) {
        return """
                {"team":"payments","accountId":"%s","region":"eu-west-1","vpcId":"%s","justification":"nightly ETL",
                 "items":[{"templateKey":"glue","subnetIds":["%s"],"securityGroupIds":["%s"]}]}"""
                .formatted(ACCOUNT, vpc.id(), vpc.subnet(), vpc.securityGroup());
    }

    /** An S3 gateway endpoint limited to {@code bucket}: approved automatically in the (non-production) sandbox. */
    public static String s3Gateway(Vpc vpc, String bucket) {
        return """
                {"team":"payments","accountId":"%s","region":"eu-west-1","vpcId":"%s","justification":"batch uploads",
                 "items":[{"templateKey":"s3-gateway","routeTableIds":["%s"],"policyChoice":"s3-buckets",
                           "bucketNames":["%s"]}]}"""
                .formatted(ACCOUNT, vpc.id(), vpc.routeTable(), bucket);
    }

    /** The endpoints tagged with the request's id, except deleted ones. */
    public List<VpcEndpoint> endpointsOf(String requestId) {
        return ec2.describeVpcEndpoints(r -> r.filters(Filter.builder().name("tag:portal:request-id").values(requestId)
                .build())).vpcEndpoints().stream().filter(e -> !e.stateAsString().equalsIgnoreCase("deleted")).toList();
    }

    /** A bucket whose policy holds one statement that is not the portal's ({@code Sid} {@code foreignSid}). */
    public void bucketWithForeignStatement(String bucket, String foreignSid) {
        s3.createBucket(r -> r.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        s3.putBucketPolicy(r -> r.bucket(bucket).policy("""
                {"Version":"2012-10-17","Statement":[{"Sid":"%s","Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::%s:role/DataLake"},"Action":"s3:GetObject",
                 "Resource":"arn:aws:s3:::%s/*"}]}""".formatted(foreignSid, ACCOUNT, bucket)));
    }

    /** The bucket's policy, or "" without one. */
    public String bucketPolicy(String bucket) {
        try {
            return s3.getBucketPolicy(r -> r.bucket(bucket)).policy();
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return "";
            }
            throw e;
        }
    }

    // ---- the API steps these tests share

    /** A draft: nothing is approved or scheduled yet. */
    public static String create(PortalApi api, String token, String body) {
        var created = api.post("/api/v1/requests", token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    public static void submit(PortalApi api, String token, String id) {
        var submitted = api.post("/api/v1/requests/" + id + "/submit", token, "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    }

    public static String createAndSubmit(PortalApi api, String token, String body) {
        String id = create(api, token, body);
        var submitted = api.post("/api/v1/requests/" + id + "/submit", token, "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return id;
    }

    public static void approve(PortalApi api, String approver, String id) {
        var approved = api.post("/api/v1/requests/" + id + "/approve", approver, "{\"comment\":\"ok\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    public static void reject(PortalApi api, String approver, String id) {
        var rejected = api.post("/api/v1/requests/" + id + "/reject", approver, "{\"reason\":\"not this VPC\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
    }

    public static String status(PortalApi api, String token, String id) {
        return api.get("/api/v1/requests/" + id, token).json().get("status").asString();
    }

    /** Waits until the request is in {@code wanted}; FAILED on the way fails at once. */
    public static void awaitStatus(PortalApi api, String token, String id, String wanted, Duration patience,
            ChildPortal portal) {
        Instant deadline = Instant.now().plus(patience);
        JsonNode request = null;
        while (Instant.now().isBefore(deadline)) {
            request = api.get("/api/v1/requests/" + id, token).json();
            String status = request.get("status").asString();
            if (status.equals(wanted)) {
                return;
            }
            assertThat(status).as("request %s: %s\n%s", id, request, portal.logTail()).isNotEqualTo("FAILED");
            ChildPortal.pause(Duration.ofMillis(300));
        }
        throw new AssertionError("Request " + id + " did not become " + wanted + ": " + request + "\n"
                + api.get("/api/v1/requests/" + id + "/provisioning", token).body() + "\n" + portal.logTail());
    }

    @Override
    public void close() {
        ec2.close();
        s3.close();
        sts.close();
    }
}
