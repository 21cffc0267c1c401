package io.vpcportal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.ChildPortal;
import io.vpcportal.FaultyAwsProxy;
import io.vpcportal.FaultyAwsProxy.Call;
import io.vpcportal.FaultyAwsProxy.Rule;
import io.vpcportal.MotoServer;
import io.vpcportal.PortalApi;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import tools.jackson.databind.JsonNode;

/**
 * The portal as a real process, killed with SIGKILL while it provisions 20 approved requests, then started again
 * on the same PostgreSQL: every request ends ACTIVE with exactly one endpoint. The proxy in front of moto holds
 * CreateVpcEndpoint answers for a while after moto ran them, so that the kill lands where it hurts most: endpoints
 * that exist in AWS but whose ids the portal has not stored yet. db-scheduler's dead-execution detection is made
 * quick here (heartbeat 1 s, 4 missed: db-scheduler's minimum), as an operator would to recover in seconds.
 * Tagged long (about 50 s, two portal start-ups): runs with {@code -Plong}, as the crash matrix does.
 */
@Tag("long")
class ProvisioningCrashRecoveryIntegrationTests {

    private static final int REQUESTS = 20;
    private static final String SANDBOX = "111111111111";
    private static final String SANDBOX_ROLE = "arn:aws:iam::" + SANDBOX + ":role/vpc-endpoint-portal";
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private static EmbeddedPostgres postgres;
    private static FaultyAwsProxy proxy;
    private static StsClient sts;
    private static Ec2Client ec2;
    private static final List<ChildPortal> children = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1").start();
        proxy = new FaultyAwsProxy(MotoServer.shared().endpoint());
        sts = StsClient.builder().region(Region.EU_WEST_1).endpointOverride(MotoServer.shared().endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
        // the demo sandbox account is reached through its role, as the portal does: moto keeps its data apart
        ec2 = Ec2Client.builder().region(Region.EU_WEST_1).endpointOverride(MotoServer.shared().endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                        .refreshRequest(r -> r.roleArn(SANDBOX_ROLE).roleSessionName("crash-test")).build())
                .build();
    }

    @AfterAll
    static void stop() throws IOException {
        children.forEach(ChildPortal::close);
        if (ec2 != null) {
            ec2.close();
            sts.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void killedWhileProvisioningTwentyRequestsThenRestartedEveryRequestEndsActiveWithOneEndpoint() throws Exception {
        // slow enough that the kill lands mid-provisioning: every call a little, and the answer of each create
        // held for seconds after moto made the endpoint
        proxy.add(new Rule() {
            @Override
            public Duration delay(Call call) {
                return call.service().equals("ec2") ? Duration.ofMillis(100) : Duration.ZERO;
            }

            @Override
            public Duration holdAnswer(Call call) {
                return call.is("CreateVpcEndpoint") ? Duration.ofSeconds(5) : Duration.ZERO;
            }
        });
        Child first = start(1);
        PortalApi api = new PortalApi(first.port());
        String requester = api.tokenOf("requester");
        String approver = api.tokenOf("net-approver");

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            ids.add(createAndSubmit(api, requester, glue(vpc(i))));
        }
        for (String id : ids) {
            var approved = api.post("/api/v1/requests/" + id + "/approve", approver, "{\"comment\":\"ok\"}");
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        }
        awaitCreates(REQUESTS / 4);
        first.kill();
        int creates = proxy.calls(c -> c.is("CreateVpcEndpoint")).size();
        long withEndpointAtKill = ids.stream().filter(id -> endpointsOf(id).size() == 1).count();
        assertThat(creates).as("creates that reached moto before the kill").isPositive();

        proxy.reset();
        Child second = start(2);
        PortalApi after = new PortalApi(second.port());
        String token = after.tokenOf("requester");
        for (String id : ids) {
            awaitActive(after, token, id, second);
        }

        for (String id : ids) {
            assertThat(endpointsOf(id)).as("endpoints of request %s in moto", id).hasSize(1);
        }
        int recovered = 0;
        for (String id : ids) {
            JsonNode progress = after.get("/api/v1/requests/" + id + "/provisioning", token).json();
            recovered += progress.get("attempts").asInt() > 1 ? 1 : 0;
        }
        System.out.printf("kill -9 after %d creates had reached moto; %d of %d requests had their endpoint then; "
                + "%d jobs were taken over by the second portal%n", creates, withEndpointAtKill, REQUESTS, recovered);
        assertThat(recovered).as("jobs taken over by the second portal (%d creates before the kill, %d with an "
                + "endpoint then)", creates, withEndpointAtKill).isPositive();
        assertThat(withEndpointAtKill).as("the kill landed mid-provisioning").isLessThan(REQUESTS);
    }

    private void awaitCreates(int count) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (proxy.calls(c -> c.is("CreateVpcEndpoint")).size() < count) {
            assertThat(Instant.now()).as("%d creates reached moto", count).isBefore(deadline);
            pause(Duration.ofMillis(100));
        }
    }

    private static void awaitActive(PortalApi api, String token, String id, Child child) {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode request = null;
        while (Instant.now().isBefore(deadline)) {
            request = api.get("/api/v1/requests/" + id, token).json();
            String status = request.get("status").asString();
            if (status.equals("ACTIVE")) {
                return;
            }
            assertThat(status).as("request %s: %s\n%s", id, request, child.logTail()).isNotEqualTo("FAILED");
            pause(Duration.ofMillis(300));
        }
        throw new AssertionError("Request " + id + " did not become ACTIVE after the restart: " + request + "\n"
                + api.get("/api/v1/requests/" + id + "/provisioning", token).body() + "\n" + child.logTail());
    }

    private static String createAndSubmit(PortalApi api, String token, String body) {
        var created = api.post("/api/v1/requests", token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        var submitted = api.post("/api/v1/requests/" + id + "/submit", token, "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return id;
    }

    record Vpc(String id, String subnet, String securityGroup) {
    }

    private static Vpc vpc(int n) {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.2" + n / 10 + "." + n % 10 + ".0/24")).vpc().vpcId();
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsSupport(b -> b.value(true)));
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(b -> b.value(true)));
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.2" + n / 10 + "." + n % 10 + ".0/26")
                .availabilityZone("eu-west-1a")).subnet().subnetId();
        String group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("glue-" + vpc).description("443"))
                .groupId();
        return new Vpc(vpc, subnet, group);
    }

    /** A Glue interface endpoint in the demo sandbox: the network team approves it. */
    private static String glue(Vpc vpc) {
        return """
                {"team":"payments","accountId":"%s","region":"eu-west-1","vpcId":"%s","justification":"nightly ETL",
                 "items":[{"templateKey":"glue","subnetIds":["%s"],"securityGroupIds":["%s"]}]}"""
                .formatted(SANDBOX, vpc.id(), vpc.subnet(), vpc.securityGroup());
    }

    private static List<VpcEndpoint> endpointsOf(String requestId) {
        return ec2.describeVpcEndpoints(r -> r.filters(Filter.builder().name("tag:portal:request-id").values(requestId)
                .build())).vpcEndpoints().stream().filter(e -> !e.stateAsString().equalsIgnoreCase("deleted")).toList();
    }

    private static Child start(int n) throws IOException {
        ChildPortal child = ChildPortal.start("crash-recovery-portal-" + n, postgres.getJdbcUrl("postgres", "postgres"),
                proxy.endpoint(), List.of());
        children.add(child);
        return new Child(child);
    }

    /** The child portal, as this test uses it. */
    record Child(ChildPortal portal) {

        int port() {
            return portal.port();
        }

        void kill() {
            portal.kill();
        }

        String logTail() {
            return portal.logTail();
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
