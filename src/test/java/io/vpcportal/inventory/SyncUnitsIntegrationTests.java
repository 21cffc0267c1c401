package io.vpcportal.inventory;

import static io.vpcportal.MotoAccounts.ec2As;
import static io.vpcportal.MotoAccounts.externalIdOf;
import static io.vpcportal.MotoAccounts.roleOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.FaultyAwsProxy;
import io.vpcportal.FaultyAwsProxy.Call;
import io.vpcportal.FaultyAwsProxy.Rule;
import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.ProxiedAwsIntegrationTest;
import io.vpcportal.account.AccountChange;
import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.shared.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
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
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import tools.jackson.databind.JsonNode;

/**
 * A sync run as units of work against moto behind {@link FaultyAwsProxy}, at a scale where the units matter: fifty
 * member accounts (one gateway endpoint each) reached through STS AssumeRole, one of which refuses the role; EC2
 * throttling 30% of the calls; a slow EC2 to follow the live progress and cancel a run. The portal keeps to
 * {@value ProxiedAwsIntegrationTest#CALLS_PER_SECOND} calls a second per account and region here, which the proxy's
 * record of every call checks.
 */
@ProxiedAwsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncUnitsIntegrationTests {

    private static final String REGION = "eu-west-1";
    private static final int ACCOUNTS = 50;

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    AccountManagement accounts;
    @Autowired
    JdbcTemplate jdbc;

    FaultyAwsProxy proxy;
    PortalApi api;
    String admin;
    /** account id to its one gateway endpoint in {@link #REGION} */
    Map<String, String> endpoints = new TreeMap<>();
    String refusing;

    @BeforeAll
    void fiftyAccountsWithAnEndpointEach() {
        proxy = ProxiedAwsIntegrationTest.ThroughTheProxy.proxy();
        proxy.reset();
        api = new PortalApi(port);
        admin = api.tokenOf("admin");
        String team = "units-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        identity.ensureTeam(new TeamId(team), "Sync units team");
        for (int i = 0; i < ACCOUNTS; i++) {
            String account = randomAccount();
            accounts.register(account, new AccountChange("units " + i, roleOf(account), externalIdOf(account),
                    AccountEnvironment.NON_PRODUCTION, new TreeSet<>(Set.of(REGION)), new TreeSet<>(Set.of(team))),
                    "test");
            endpoints.put(account, gatewayEndpoint(account));
        }
        refusing = endpoints.keySet().iterator().next();
    }

    @AfterAll
    void noRulesLeft() {
        proxy.reset();
    }

    @Test
    @Order(1)
    void oneOfFiftyAccountsRefusingTheRoleEndsThePartialRunNamingItWhileTheOther49AreFresh() {
        proxy.add(FaultyAwsProxy.refuseRole(roleOf(refusing)));

        JsonNode run = InventorySyncs.syncAndWait(api, admin);

        assertThat(run.get("status").asString()).isEqualTo("PARTIAL");
        List<JsonNode> failed = targets(run).stream().filter(t -> t.get("status").asString().equals("FAILED")).toList();
        assertThat(failed).as("failed units of the run").isNotEmpty()
                .allSatisfy(t -> assertThat(t.get("accountId").asString()).isEqualTo(refusing));
        assertThat(failed).extracting(t -> t.get("region").asString()).containsExactlyInAnyOrder(REGION, "global");
        assertThat(failed).allSatisfy(t -> {
            assertThat(t.get("errorCode").asString()).isEqualTo("AccessDenied");
            assertThat(t.get("error").asString()).contains(roleOf(refusing));
        });
        for (var e : endpoints.entrySet()) {
            if (e.getKey().equals(refusing)) {
                continue;
            }
            List<JsonNode> ofAccount = targets(run).stream().filter(t -> t.get("accountId").asString().equals(e.getKey()))
                    .toList();
            assertThat(ofAccount).as("units of %s", e.getKey()).hasSize(2)
                    .allMatch(t -> t.get("status").asString().equals("SUCCEEDED"));
            Response endpoint = api.get("/api/v1/endpoints/" + e.getValue(), admin);
            assertThat(endpoint.status()).as("%s of %s is in the inventory: %s", e.getValue(), e.getKey(), endpoint.body())
                    .isEqualTo(200);
            assertThat(endpoint.json().get("summary").get("stale").asBoolean()).as(e.getValue()).isFalse();
        }
        assertThat(run.get("targetsDone").asInt()).isEqualTo(run.get("targetsTotal").asInt());
        assertThat(run.get("calls").asLong()).as("calls counted").isPositive();
        assertThat(run.get("instances")).as("this one instance took every unit").hasSize(1);
    }

    @Test
    @Order(2)
    void withThirtyPercentOfCallsThrottledEveryTargetSucceedsAndNoneGoesOverItsRateLimit() {
        proxy.reset();
        proxy.add(FaultyAwsProxy.throttle(0.3, 15));

        JsonNode run = InventorySyncs.syncAndWait(api, admin);

        List<JsonNode> mine = targets(run);
        assertThat(mine).as("units of the fifty accounts").hasSize(ACCOUNTS * 2)
                .allSatisfy(t -> assertThat(t.get("status").asString()).as("%s", t).isEqualTo("SUCCEEDED"));
        long ec2Calls = proxy.calls(c -> c.service().equals("ec2")).size();
        int retriedUnits = (int) mine.stream().filter(t -> t.get("attempts").asInt() > 1).count();
        assertThat(ec2Calls).as("the proxy saw EC2 calls").isPositive();

        // one limiter per (account, region) with one permit per 1/LIMIT seconds: any sliding second of permits holds
        // at most LIMIT + 1 calls (a call at the very end of one permit period, the next at the start of the following
        // one). The proxy sees arrivals, not permits: a call whose thread stalls after its permit (a busy machine, a
        // new connection) arrives late, next to the following one, so one more is allowed; without the limiter a
        // unit's calls arrive all in the same second, far over this
        int limit = ProxiedAwsIntegrationTest.CALLS_PER_SECOND;
        Map<String, List<Long>> perTarget = proxy.calls(c -> c.service().equals("ec2") && proxy.accountOf(c) != null
                && endpoints.containsKey(proxy.accountOf(c))).stream()
                .collect(Collectors.groupingBy(c -> proxy.accountOf(c) + "/" + c.region(),
                        Collectors.mapping(Call::nanos, Collectors.toList())));
        assertThat(perTarget).as("calls attributed to the fifty accounts").hasSize(ACCOUNTS);
        int worstSecond = 0;
        int worstFive = 0;
        for (var e : perTarget.entrySet()) {
            List<Long> times = e.getValue().stream().sorted().toList();
            int second = maxInWindow(times, Duration.ofSeconds(1));
            int five = maxInWindow(times, Duration.ofSeconds(5));
            worstSecond = Math.max(worstSecond, second);
            worstFive = Math.max(worstFive, five);
            assertThat(second).as("calls of %s in one sliding second (limit %d/s)", e.getKey(), limit)
                    .isLessThanOrEqualTo(limit + 2);
            assertThat(five).as("calls of %s in five sliding seconds (limit %d/s)", e.getKey(), limit)
                    .isLessThanOrEqualTo(5 * limit + 2);
        }
        System.out.printf("throttled sync: %d units of the fifty accounts, %d retried by the unit back-off; "
                + "the busiest target made %d calls in a sliding second and %d in five (limit %d/s)%n", mine.size(),
                retriedUnits, worstSecond, worstFive, limit);
    }

    @Test
    @Order(3)
    void aRunShowsItsProgressAndAnAdminCancelsIt() {
        proxy.reset();
        // EC2 answers in 300 ms: the run takes long enough to be watched and cancelled
        proxy.add(new Rule() {
            @Override
            public Duration delay(Call call) {
                return call.service().equals("ec2") ? Duration.ofMillis(300) : Duration.ZERO;
            }
        });
        Response started = api.post("/api/v1/sync", admin, "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asString();
        assertThat(started.json().get("targetsTotal").asInt()).isGreaterThanOrEqualTo(ACCOUNTS * 2);
        assertThat(api.post("/api/v1/sync", admin, "").status()).as("one run at a time").isEqualTo(409);

        JsonNode progress = await(id, r -> r.get("targetsDone").asInt() >= 3);
        assertThat(progress.get("status").asString()).isEqualTo("RUNNING");
        assertThat(progress.get("callsPerSecond").asDouble()).isPositive();
        assertThat(progress.get("etaSeconds").asLong()).isPositive();
        assertThat(progress.get("instances")).hasSize(1);
        assertThat(progress.get("instances").get(0).get("unitsDone").asInt()
                + progress.get("instances").get(0).get("unitsRunning").asInt()).isPositive();

        String requester = api.tokenOf("requester");
        assertThat(api.post("/api/v1/sync/runs/" + id + "/cancel", requester, "").status()).as("not an admin")
                .isEqualTo(403);
        Response cancelled = api.post("/api/v1/sync/runs/" + id + "/cancel", admin, "");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("cancelledBy").asString()).isEqualTo("admin");

        JsonNode ended = await(id, r -> !r.get("status").asString().equals("RUNNING"));
        assertThat(ended.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(ended.get("targetsCancelled").asInt()).as("pending units dropped").isPositive();
        assertThat(ended.get("targetsDone").asInt() + ended.get("targetsCancelled").asInt())
                .as("every unit either ran or was dropped").isEqualTo(ended.get("targetsTotal").asInt());
        assertThat(ended.get("targets")).hasSize(ended.get("targetsDone").asInt());
        assertThat(api.post("/api/v1/sync/runs/" + id + "/cancel", admin, "").status()).as("already ended")
                .isEqualTo(409);
        assertThat(api.post("/api/v1/sync/runs/00000000-0000-0000-0000-000000000000/cancel", admin, "").status())
                .isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'SYNC_RUN_CANCELLED' "
                + "and subject_id = ? and actor = 'admin'", Integer.class, id)).as("audited").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from inventory_sync_unit where run_id = ?::uuid "
                + "and status in ('PENDING', 'RUNNING')", Integer.class, id)).isZero();

        proxy.reset();
        JsonNode next = InventorySyncs.syncAndWait(api, admin);
        assertThat(next.get("status").asString()).as("a new run may start once the cancelled one ended")
                .isIn("SUCCEEDED", "PARTIAL");
    }

    // ---------------------------------------------------------------------------------------------------------

    private JsonNode await(String id, java.util.function.Predicate<JsonNode> until) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            Response run = api.get("/api/v1/sync/runs/" + id, admin);
            assertThat(run.status()).as(run.body()).isEqualTo(200);
            if (until.test(run.json())) {
                return run.json();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Run " + id + " did not get there: " + api.get("/api/v1/sync/runs/" + id, admin).body());
    }

    private static int maxInWindow(List<Long> sortedNanos, Duration window) {
        int max = 0;
        int from = 0;
        for (int to = 0; to < sortedNanos.size(); to++) {
            while (sortedNanos.get(to) - sortedNanos.get(from) >= window.toNanos()) {
                from++;
            }
            max = Math.max(max, to - from + 1);
        }
        return max;
    }

    /** The run's units of this class's fifty accounts. */
    private List<JsonNode> targets(JsonNode run) {
        List<JsonNode> mine = new ArrayList<>();
        StreamSupport.stream(run.get("targets").spliterator(), false)
                .filter(t -> endpoints.containsKey(t.get("accountId").asString())).forEach(mine::add);
        return mine;
    }

    private static String gatewayEndpoint(String account) {
        try (Ec2Client ec2 = ec2As(account, REGION)) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.41.0.0/16")).vpc().vpcId();
            String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
            return ec2.createVpcEndpoint(r -> r.vpcId(vpc).vpcEndpointType(VpcEndpointType.GATEWAY)
                    .serviceName("com.amazonaws." + REGION + ".s3").routeTableIds(table)).vpcEndpoint().vpcEndpointId();
        }
    }

    private static String randomAccount() {
        return "7" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }
}
