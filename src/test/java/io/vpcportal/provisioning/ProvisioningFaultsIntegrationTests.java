package io.vpcportal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.FaultyAwsProxy;
import io.vpcportal.FaultyAwsProxy.Answer;
import io.vpcportal.FaultyAwsProxy.Call;
import io.vpcportal.FaultyAwsProxy.Rule;
import io.vpcportal.MotoServer;
import io.vpcportal.ProxiedAwsIntegrationTest;
import io.vpcportal.TestIdentities;
import io.vpcportal.TestIdentities.FreshTeam;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.IdentityManagement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
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
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import tools.jackson.databind.JsonNode;

/**
 * The portal against moto behind {@link FaultyAwsProxy}: what AWS does and moto does not (lost answers,
 * throttling, endpoints pending for a while, partner endpoints waiting for their provider), through the API.
 * The portal is limited to {@value #CALLS_PER_SECOND} AWS calls a second here, so that its limiter is what sets
 * the pace and can be measured at the proxy.
 */
@ProxiedAwsIntegrationTest
class ProvisioningFaultsIntegrationTests {

    static final int CALLS_PER_SECOND = ProxiedAwsIntegrationTest.CALLS_PER_SECOND;
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static FaultyAwsProxy proxy;
    private static Ec2Client ec2;

    static FaultyAwsProxy proxy() {
        proxy = ProxiedAwsIntegrationTest.ThroughTheProxy.proxy();
        return proxy;
    }

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
        // the test's own look at moto goes around the proxy
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
        proxy().reset();
        api = new PortalApi(port);
        people = new TestIdentities(identity, accounts);
    }

    @Test
    void aLostAnswerToTheFirstCreateLeavesExactlyOneEndpoint() {
        AtomicInteger creates = new AtomicInteger();
        proxy.add(new Rule() {
            @Override
            public boolean dropAnswer(Call call) {
                return call.is("CreateVpcEndpoint") && creates.incrementAndGet() == 1;
            }
        });
        Vpc vpc = vpc();
        FreshTeam team = people.team("eu-west-1");
        String token = api.tokenOf(people.requester(team.id()), TestIdentities.PASSWORD);

        String id = createAndSubmit(token, s3Gateway(team, vpc));
        awaitStatus(token, id, "ACTIVE");

        assertThat(endpointsIn(vpc.id())).as("endpoints in moto").hasSize(1);
        assertThat(proxy.calls(c -> c.is("CreateVpcEndpoint"))).as("creates that reached moto").hasSize(1);
        JsonNode progress = api.get("/api/v1/requests/" + id + "/provisioning", token).json();
        assertThat(progress.get("attempts").asInt()).as("attempts").isGreaterThanOrEqualTo(2);
        assertThat(progress.get("calls").toString()).contains("ClientError");
    }

    @Test
    void underThirtyPercentThrottlingEveryRequestBecomesActiveAndTheCallRateStaysWithinTheLimit() {
        Rule throttle = FaultyAwsProxy.throttle(0.3, 20240605L);
        AtomicInteger throttled = new AtomicInteger();
        proxy.add(new Rule() {
            @Override
            public Answer instead(Call call) {
                Answer answer = throttle.instead(call);
                if (answer != null) {
                    throttled.incrementAndGet();
                }
                return answer;
            }
        });
        FreshTeam team = people.team("eu-west-1");
        String token = api.tokenOf(people.requester(team.id()), TestIdentities.PASSWORD);
        List<Vpc> vpcs = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Vpc vpc = vpc();
            vpcs.add(vpc);
            ids.add(createAndSubmit(token, s3Gateway(team, vpc)));
        }

        for (String id : ids) {
            awaitStatus(token, id, "ACTIVE");
        }

        for (Vpc vpc : vpcs) {
            assertThat(endpointsIn(vpc.id())).as("endpoints in %s", vpc.id()).hasSize(1);
        }
        List<Call> calls = proxy.calls(c -> c.region().equals("eu-west-1"));
        assertThat(throttled.get()).as("calls answered RequestLimitExceeded").isGreaterThan(5);
        // Resilience4j hands out CALLS_PER_SECOND permits per one-second cycle; any window of w seconds overlaps at
        // most w + 1 cycles. Without the limiter (or with SDK retries bypassing it) the portal sends far more.
        int window = 5;
        assertThat(calls).as("calls of account %s in eu-west-1", team.accountId()).hasSizeGreaterThan(
                CALLS_PER_SECOND * (window + 1));
        assertThat(maxInWindow(calls, Duration.ofSeconds(window))).as("most calls in any %d s window", window)
                .isLessThanOrEqualTo(CALLS_PER_SECOND * (window + 1));
    }

    @Test
    void notFoundRightAfterTheCreateIsWaitedOutWithoutASecondCreate() {
        AtomicInteger lookups = new AtomicInteger();
        proxy.add(new Rule() {
            @Override
            public Answer instead(Call call) {
                return call.is("DescribeVpcEndpoints") && call.param("VpcEndpointId.1") != null
                        && lookups.incrementAndGet() <= 2
                        ? FaultyAwsProxy.ec2Error(400, "InvalidVpcEndpointId.NotFound",
                                "The Vpc Endpoint Id '" + call.param("VpcEndpointId.1") + "' does not exist")
                        : null;
            }
        });
        Vpc vpc = vpc();
        FreshTeam team = people.team("eu-west-1");
        String token = api.tokenOf(people.requester(team.id()), TestIdentities.PASSWORD);

        String id = createAndSubmit(token, s3Gateway(team, vpc));
        awaitStatus(token, id, "ACTIVE");

        assertThat(endpointsIn(vpc.id())).hasSize(1);
        assertThat(proxy.calls(c -> c.is("CreateVpcEndpoint"))).hasSize(1);
        assertThat(lookups.get()).isGreaterThan(2);
        JsonNode progress = api.get("/api/v1/requests/" + id + "/provisioning", token).json();
        assertThat(progress.get("calls").toString()).contains("InvalidVpcEndpointId.NotFound");
        assertThat(progress.get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void anEndpointPendingForAFewPollsBecomesActiveOnceAvailable() {
        proxy.add(FaultyAwsProxy.stateOfPolledEndpoints("pending", 3, body -> true));
        Vpc vpc = vpc();
        FreshTeam team = people.team("eu-west-1");
        String token = api.tokenOf(people.requester(team.id()), TestIdentities.PASSWORD);

        String id = createAndSubmit(token, s3Gateway(team, vpc));
        awaitStatus(token, id, "ACTIVE");

        assertThat(endpointsIn(vpc.id())).hasSize(1);
        assertThat(proxy.calls(c -> c.is("DescribeVpcEndpoints") && c.param("VpcEndpointId.1") != null))
                .as("polls: three pending, then available").hasSizeGreaterThanOrEqualTo(4);
        JsonNode progress = api.get("/api/v1/requests/" + id + "/provisioning", token).json();
        assertThat(progress.get("endpoints").get(0).get("state").asString()).isEqualTo("available");
    }

    /** Datadog's logs intake exists in us-east-1, ap-northeast-1 and ap-southeast-2 (the catalog's regions). */
    private static final String DATADOG_US1 = "com.amazonaws.vpce.us-east-1.vpce-svc-025a56b9187ac1f63";

    /**
     * Reference architecture 3 and a partner endpoint waiting for its provider. What is emulated, and why: moto
     * does not know Datadog's endpoint services (it only offers the AWS services and services registered in the
     * same moto account, under random names), so the proxy answers DescribeVpcEndpointServices for Datadog's US1
     * logs service as AWS would for a cross-region lookup. Moto accepts the create with that service name and
     * ignores ServiceRegion, so the test checks ServiceRegion on the wire, at the proxy. Moto makes every endpoint
     * available at once; the proxy shows it as pendingAcceptance until the test "accepts" it as Datadog would.
     */
    @Test
    void aPartnerServiceIsRefusedWhereItDoesNotExistAndCreatedCrossRegionThenWaitsForItsProvider() {
        AtomicBoolean accepted = new AtomicBoolean();
        proxy.add(new Rule() {
            @Override
            public Answer instead(Call call) {
                return call.is("DescribeVpcEndpointServices") && DATADOG_US1.equals(call.param("ServiceName.1"))
                        ? new Answer(200, "text/xml;charset=UTF-8", datadogServiceDetails()) : null;
            }

            @Override
            public String rewrite(Call call, String body) {
                return !accepted.get() && call.is("DescribeVpcEndpoints") && body.contains(DATADOG_US1)
                        ? body.replaceAll("<state>[A-Za-z]+</state>", "<state>pendingAcceptance</state>") : body;
            }
        });
        Vpc vpc = vpc();
        FreshTeam team = people.team("eu-west-1");
        String requester = people.requester(team.id());
        String token = api.tokenOf(requester, TestIdentities.PASSWORD);

        var refused = api.post("/api/v1/requests", token, datadog(team, vpc, null));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("does not exist in eu-west-1")
                .contains("us-east-1").contains("ap-northeast-1").contains("ap-southeast-2")
                .contains("cross-region endpoint");

        String id = createAndSubmit(token, datadog(team, vpc, "us-east-1"));
        approve(id, "net-approver");
        approve(id, "sec-approver");

        JsonNode waiting = awaitProvisioning(token, id, p -> "waiting-for-provider".equals(p.path("step").asString()));
        assertThat(waiting.get("status").asString()).isEqualTo("RUNNING");
        assertThat(waiting.get("endpoints").get(0).get("state").asString()).isEqualTo("pendingAcceptance");
        assertThat(api.get("/api/v1/requests/" + id, token).json().get("status").asString())
                .as("neither active nor failed while the provider has not accepted").isEqualTo("PROVISIONING");
        PortalApi browser = PortalApi.browser(port);
        browser.signIn(requester, TestIdentities.PASSWORD);
        // the request page loads this panel (htmx) and refreshes it while the job runs
        assertThat(browser.page("/provisioning/" + id + "/panel").body()).contains("waiting for the provider")
                .contains("pendingAcceptance");
        List<Call> creates = proxy.calls(c -> c.is("CreateVpcEndpoint"));
        assertThat(creates).hasSize(1);
        assertThat(creates.get(0).param("ServiceName")).isEqualTo(DATADOG_US1);
        assertThat(creates.get(0).param("ServiceRegion")).isEqualTo("us-east-1");
        awaitPolls(id, 4);

        accepted.set(true);
        JsonNode active = awaitStatus(token, id, "ACTIVE");

        assertThat(active.get("timeline").toString()).contains("waits for the provider");
        List<VpcEndpoint> endpoints = endpointsIn(vpc.id());
        assertThat(endpoints).singleElement().satisfies(e -> assertThat(e.serviceName()).isEqualTo(DATADOG_US1));
        List<Long> polls = proxy.calls(c -> c.is("DescribeVpcEndpoints") && c.param("VpcEndpointId.1") != null)
                .stream().map(Call::nanos).toList();
        assertThat(polls.get(polls.size() - 1) - polls.get(polls.size() - 2))
                .as("the pause between polls grows").isGreaterThan(polls.get(1) - polls.get(0));
    }

    private void awaitPolls(String id, int polls) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (proxy.calls(c -> c.is("DescribeVpcEndpoints") && c.param("VpcEndpointId.1") != null).size() < polls) {
            assertThat(Instant.now()).as("%d polls of the endpoint of %s", polls, id).isBefore(deadline);
            pause();
        }
    }

    private static String datadogServiceDetails() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <DescribeVpcEndpointServicesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                <requestId>4c5d1e0f-0000-4000-8000-000000000001</requestId>
                <serviceNameSet><item>%1$s</item></serviceNameSet>
                <serviceDetailSet><item>
                <serviceName>%1$s</serviceName><serviceId>vpce-svc-025a56b9187ac1f63</serviceId>
                <serviceType><item><serviceType>Interface</serviceType></item></serviceType>
                <serviceRegion>us-east-1</serviceRegion>
                <availabilityZoneSet><item>us-east-1a</item><item>us-east-1b</item><item>us-east-1c</item></availabilityZoneSet>
                <owner>464622532012</owner><acceptanceRequired>true</acceptanceRequired>
                <vpcEndpointPolicySupported>false</vpcEndpointPolicySupported>
                </item></serviceDetailSet>
                </DescribeVpcEndpointServicesResponse>""".formatted(DATADOG_US1);
    }

    private void approve(String id, String approver) {
        var approved = api.post("/api/v1/requests/" + id + "/approve", api.tokenOf(approver), "{\"comment\":\"ok\"}");
        assertThat(approved.status()).as("%s approves: %s", approver, approved.body()).isEqualTo(200);
    }

    record Vpc(String id, String subnetA, String subnetB, String routeTable, String securityGroup) {
    }

    /** A VPC with DNS support, two subnets in two zones, a route table and a security group. */
    static Vpc vpc() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsSupport(b -> b.value(true)));
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(b -> b.value(true)));
        String a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.1.1.0/24").availabilityZone("eu-west-1a"))
                .subnet().subnetId();
        String b = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.1.2.0/24").availabilityZone("eu-west-1b"))
                .subnet().subnetId();
        String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(a));
        String group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("endpoints-" + vpc).description("443"))
                .groupId();
        return new Vpc(vpc, a, b, table, group);
    }

    /** An S3 gateway endpoint limited to one bucket: approved automatically in a non-production account. */
    private static String s3Gateway(FreshTeam team, Vpc vpc) {
        return """
                {"team":"%s","accountId":"%s","region":"eu-west-1","vpcId":"%s","justification":"batch uploads",
                 "items":[{"templateKey":"s3-gateway","routeTableIds":["%s"],"policyChoice":"s3-buckets",
                           "bucketNames":["faults-%s"]}]}"""
                .formatted(team.id(), team.accountId(), vpc.id(), vpc.routeTable(), vpc.id());
    }

    private static String datadog(FreshTeam team, Vpc vpc, String serviceRegion) {
        return """
                {"team":"%s","accountId":"%s","region":"eu-west-1","vpcId":"%s","justification":"logs without NAT",
                 "items":[{"templateKey":"datadog-logs","subnetIds":["%s","%s"],"securityGroupIds":["%s"]%s}]}"""
                .formatted(team.id(), team.accountId(), vpc.id(), vpc.subnetA(), vpc.subnetB(), vpc.securityGroup(),
                        serviceRegion == null ? "" : ",\"serviceRegion\":\"" + serviceRegion + "\"");
    }

    private String createAndSubmit(String token, String body) {
        var created = api.post("/api/v1/requests", token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        var submitted = api.post("/api/v1/requests/" + id + "/submit", token, "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return id;
    }

    private JsonNode awaitStatus(String token, String id, String status) {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode request = null;
        while (Instant.now().isBefore(deadline)) {
            request = api.get("/api/v1/requests/" + id, token).json();
            String now = request.get("status").asString();
            if (now.equals(status)) {
                return request;
            }
            assertThat(now).as("request %s, waiting for %s: %s", id, status, request).isNotIn("FAILED", "REJECTED");
            pause();
        }
        throw new AssertionError("Request " + id + " did not become " + status + " within " + PATIENCE + ": " + request
                + "\nprovisioning: " + api.get("/api/v1/requests/" + id + "/provisioning", token).body());
    }

    private JsonNode awaitProvisioning(String token, String id, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode progress = null;
        while (Instant.now().isBefore(deadline)) {
            var answer = api.get("/api/v1/requests/" + id + "/provisioning", token);
            if (answer.status() == 200) {
                progress = answer.json();
                if (condition.test(progress)) {
                    return progress;
                }
            }
            pause();
        }
        throw new AssertionError("Provisioning of " + id + " never got there: " + progress);
    }

    /** The most calls that arrived within any {@code window}. */
    static int maxInWindow(List<Call> calls, Duration window) {
        List<Long> at = calls.stream().map(Call::nanos).sorted().toList();
        int most = 0;
        int first = 0;
        for (int last = 0; last < at.size(); last++) {
            while (at.get(last) - at.get(first) >= window.toNanos()) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    private static List<VpcEndpoint> endpointsIn(String vpcId) {
        return ec2.describeVpcEndpoints(r -> r.filters(Filter.builder().name("vpc-id").values(vpcId).build()))
                .vpcEndpoints().stream().filter(e -> !e.stateAsString().equalsIgnoreCase("deleted")).toList();
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
