package io.vpcportal;

import static io.vpcportal.SandboxAws.approve;
import static io.vpcportal.SandboxAws.awaitStatus;
import static io.vpcportal.SandboxAws.createAndSubmit;
import static io.vpcportal.SandboxAws.glue;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.FaultyAwsProxy.Call;
import io.vpcportal.FaultyAwsProxy.Rule;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two portal processes (child JVMs, {@link ChildPortal}) on one PostgreSQL, each calling AWS (moto) through a proxy of
 * its own, so that every AWS call says which instance made it: approved requests are provisioned exactly once and
 * by both instances, an inventory sync runs once per trigger, and killing one instance mid-job lets the other finish
 * the job (db-scheduler's dead-execution detection, set to 1 s × 4 heartbeats here); one sync run is shared by both
 * instances unit by unit, and a third instance killed mid-run leaves its units to the others once their lease ends.
 */
@Tag("long")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIntegrationTests {

    private static final int REQUESTS = 24;
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Duration SYNC_INTERVAL = Duration.ofMinutes(1);

    private static EmbeddedPostgres postgres;
    private static FaultyAwsProxy proxyA;
    private static FaultyAwsProxy proxyB;
    private static SandboxAws sandbox;
    private static ChildPortal a;
    private static ChildPortal b;
    private static ChildPortal c;
    private static String requester;
    private static String approver;
    private static String admin;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1").start();
        proxyA = new FaultyAwsProxy(MotoServer.shared().endpoint());
        proxyB = new FaultyAwsProxy(MotoServer.shared().endpoint());
        sandbox = new SandboxAws(MotoServer.shared().endpoint());
        // the scheduled sync fires 20 s after the first start, then a minute after each run ends
        List<String> sync = List.of("--portal.inventory.scheduled=true", "--portal.inventory.initial-delay=20s",
                "--portal.inventory.sync-interval=1m");
        String jdbc = postgres.getJdbcUrl("postgres", "postgres");
        // one after the other: the first one migrates the schema and seeds the demo
        a = ChildPortal.start("two-instances-a", jdbc, proxyA.endpoint(), sync);
        b = ChildPortal.start("two-instances-b", jdbc, proxyB.endpoint(), sync);
        requester = a.api().tokenOf("requester");
        approver = a.api().tokenOf("net-approver");
        admin = a.api().tokenOf("admin");
    }

    @AfterAll
    static void stop() throws IOException {
        Stream.of(a, b, c).filter(java.util.Objects::nonNull).forEach(ChildPortal::close);
        Stream.of(proxyA, proxyB).filter(java.util.Objects::nonNull).forEach(FaultyAwsProxy::close);
        if (sandbox != null) {
            sandbox.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void everyApprovedRequestIsProvisionedExactlyOnceAndBothInstancesDoWork() {
        // a little slower than moto, so that jobs overlap and both schedulers find work
        Rule slow = new Rule() {
            @Override
            public Duration delay(Call call) {
                return call.service().equals("ec2") ? Duration.ofMillis(50) : Duration.ZERO;
            }
        };
        proxyA.add(slow);
        proxyB.add(slow);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            ids.add(createAndSubmit(i % 2 == 0 ? a.api() : b.api(), requester, glue(sandbox.vpc())));
        }
        // approvals alternate between the instances; each schedules the job, either may run it
        for (int i = 0; i < REQUESTS; i++) {
            approve(i % 2 == 0 ? a.api() : b.api(), approver, ids.get(i));
        }
        for (String id : ids) {
            awaitStatus(a.api(), requester, id, "ACTIVE", PATIENCE, a);
        }

        Map<String, Long> createsByA = createsPerRequest(proxyA);
        Map<String, Long> createsByB = createsPerRequest(proxyB);
        for (String id : ids) {
            assertThat(sandbox.endpointsOf(id)).as("endpoints of %s in moto", id).hasSize(1);
            assertThat(createsByA.getOrDefault(id, 0L) + createsByB.getOrDefault(id, 0L))
                    .as("CreateVpcEndpoint calls for %s (A, B)", id).isEqualTo(1);
        }
        long jobsOfA = ids.stream().filter(createsByA::containsKey).count();
        long jobsOfB = ids.stream().filter(createsByB::containsKey).count();
        System.out.printf("two instances: %d requests, %d provisioned by A, %d by B; %d AWS calls through A, %d through B%n",
                REQUESTS, jobsOfA, jobsOfB, proxyA.calls().size(), proxyB.calls().size());
        assertThat(jobsOfA).as("jobs run by instance A").isPositive();
        assertThat(jobsOfB).as("jobs run by instance B").isPositive();
    }

    @Test
    @Order(2)
    void eachSyncRunsOnceWhetherStartedOnBothInstancesOrByTheSchedule() throws Exception {
        // slow enough that the two "sync now" overlap (every EC2 read takes 200 ms)
        Rule slow = new Rule() {
            @Override
            public Duration delay(Call call) {
                return call.service().equals("ec2") ? Duration.ofMillis(200) : Duration.ZERO;
            }
        };
        proxyA.reset();
        proxyB.reset();
        proxyA.add(slow);
        proxyB.add(slow);
        awaitNoRunningSync();
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<PortalApi.Response> onA = CompletableFuture.supplyAsync(() -> postSync(go, a));
        CompletableFuture<PortalApi.Response> onB = CompletableFuture.supplyAsync(() -> postSync(go, b));
        go.countDown();
        List<Integer> statuses = Stream.of(onA.get(), onB.get()).map(PortalApi.Response::status).sorted().toList();
        assertThat(statuses).as("sync now on A and B at once: %s / %s", onA.get().body(), onB.get().body())
                .containsExactly(202, 409);

        // then let the schedule fire on its own, twice (it is one db-scheduler execution for both instances)
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (runs().stream().filter(r -> r.trigger().equals("SCHEDULE") && r.finished() != null).count() < 2) {
            assertThat(Instant.now()).as("two scheduled syncs ran: %s", runs()).isBefore(deadline);
            ChildPortal.pause(Duration.ofSeconds(1));
        }
        List<SyncRun> runs = runs();
        System.out.printf("sync runs: %s%n", runs);
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i).started()).as("run %s starts after run %s ended", runs.get(i), runs.get(i - 1))
                    .isAfterOrEqualTo(runs.get(i - 1).finished());
        }
        List<SyncRun> scheduled = runs.stream().filter(r -> r.trigger().equals("SCHEDULE")).toList();
        for (int i = 1; i < scheduled.size(); i++) {
            // fixed delay after each scheduled run: a second instance running it too would start one in between
            assertThat(Duration.between(scheduled.get(i - 1).finished(), scheduled.get(i).started()))
                    .as("pause between scheduled runs %s and %s", scheduled.get(i - 1), scheduled.get(i))
                    .isGreaterThanOrEqualTo(SYNC_INTERVAL.minusSeconds(1));
        }
        assertThat(count("select count(*) from scheduled_tasks where task_name = 'inventory-sync'"))
                .as("the recurring sync is one execution shared by both instances").isEqualTo(1);
    }

    @Test
    @Order(3)
    void bothInstancesShareOneSyncRunAndEveryUnitRunsOnce() {
        proxyA.reset();
        proxyB.reset();
        // every EC2 read takes 100 ms, as against AWS: units overlap and both instances find work
        Rule aws = new Rule() {
            @Override
            public Duration delay(Call call) {
                return call.service().equals("ec2") ? Duration.ofMillis(100) : Duration.ZERO;
            }
        };
        proxyA.add(aws);
        proxyB.add(aws);
        List<String> members = registerMembers("share", 30);

        String run = startSync(b);
        SyncRunView ended = awaitRunEnd(a, run);

        assertThat(ended.status()).as("run %s", run).isEqualTo("SUCCEEDED");
        assertThat(ended.instances()).as("instances that took units").containsKeys("two-instances-a", "two-instances-b");
        assertThat(ended.instances().values()).as("units each instance finished").allMatch(n -> n > 0);
        assertThat(count("select count(*) from inventory_sync_target where run_id = '" + run + "'"))
                .as("one result per unit").isEqualTo(ended.total());
        assertThat(ended.done()).as("units done, counted once each").isEqualTo(ended.total());
        assertThat(count("select count(*) from inventory_sync_unit where run_id = '" + run + "' and (status <> 'DONE' "
                + "or attempts <> 1)")).as("units not done, or run more than once").isZero();
        // every region unit lists the VPCs exactly once: no unit ran on both instances
        Map<String, Long> describeVpcs = new HashMap<>();
        for (FaultyAwsProxy proxy : List.of(proxyA, proxyB)) {
            proxy.calls(c -> c.is("DescribeVpcs") && members.contains(proxy.accountOf(c)))
                    .forEach(c -> describeVpcs.merge(proxy.accountOf(c) + "/" + c.region(), 1L, Long::sum));
        }
        assertThat(describeVpcs).as("DescribeVpcs per member account and region").hasSize(members.size() * 2)
                .allSatisfy((target, calls) -> assertThat(calls).as(target).isEqualTo(1L));
        System.out.printf("one run on two instances: %d units, %s; %d AWS calls through A, %d through B%n",
                ended.total(), ended.instances(), proxyA.calls().size(), proxyB.calls().size());
    }

    @Test
    @Order(5)
    void killingAnInstanceMidRunLetsTheOtherTakeOverItsUnits() throws Exception {
        proxyA.reset();
        proxyB.reset();
        Rule aws = new Rule() {
            @Override
            public Duration delay(Call call) {
                return call.service().equals("ec2") ? Duration.ofMillis(200) : Duration.ZERO;
            }
        };
        proxyA.add(aws);
        proxyB.add(aws);
        // A died in the test before: a third instance on A's proxy, with a short lease so that B takes over soon
        c = ChildPortal.start("two-instances-c", postgres.getJdbcUrl("postgres", "postgres"), proxyA.endpoint(),
                List.of("--portal.inventory.unit-lease=6s", "--portal.inventory.lease-renewal=2s"));
        registerMembers("kill", 20);

        String run = startSync(b);
        Instant deadline = Instant.now().plus(PATIENCE);
        List<String> heldByC = List.of();
        while (heldByC.isEmpty() || count("select count(*) from inventory_sync_unit where run_id = '" + run
                + "' and claimed_by = 'two-instances-c' and status = 'DONE'") == 0) {
            assertThat(Instant.now()).as("C finished a unit and holds others").isBefore(deadline);
            ChildPortal.pause(Duration.ofMillis(100));
            heldByC = units(run, "two-instances-c", "RUNNING");
        }
        c.kill();
        long killed = System.nanoTime();
        // read after the kill, not before: C may finish a unit between a read and the kill. A commit C sent just
        // before it died still lands, so wait a moment; B takes nothing over before C's lease (6 s) runs out
        ChildPortal.pause(Duration.ofSeconds(1));
        heldByC = units(run, "two-instances-c", "RUNNING");
        assertThat(heldByC).as("units C held when it was killed").isNotEmpty();

        SyncRunView ended = awaitRunEnd(b, run);

        assertThat(ended.status()).isEqualTo("SUCCEEDED");
        assertThat(count("select count(*) from inventory_sync_target where run_id = '" + run + "'"))
                .as("every unit recorded once").isEqualTo(ended.total());
        assertThat(ended.done()).isEqualTo(ended.total());
        List<String> takenOver = units(run, "two-instances-b", "DONE");
        assertThat(takenOver).as("B finished the units C held").containsAll(heldByC);
        assertThat(count("select count(*) from inventory_sync_target where run_id = '" + run + "' and instance = "
                + "'two-instances-c' and (account_id || '/' || region) in ('" + String.join("','", heldByC) + "')"))
                .as("no result of C for the units it held").isZero();
        System.out.printf("kill -9 of C holding %d units (%s); B took them over and the run ended %s %d ms after "
                + "the kill (lease 6 s)%n", heldByC.size(), heldByC, ended.status(),
                Duration.ofNanos(System.nanoTime() - killed).toMillis());
    }

    @Test
    @Order(4)
    void killingOneInstanceMidJobLetsTheOtherFinishIt() throws Exception {
        proxyA.reset();
        proxyB.reset();
        // A's create answers come back 5 s after moto made the endpoint: A dies holding endpoints it has not stored
        proxyA.add(new Rule() {
            @Override
            public Duration holdAnswer(Call call) {
                return call.is("CreateVpcEndpoint") ? Duration.ofSeconds(5) : Duration.ZERO;
            }
        });
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(createAndSubmit(a.api(), requester, glue(sandbox.vpc())));
        }
        for (String id : ids) {
            approve(a.api(), approver, id);
        }
        Instant deadline = Instant.now().plus(PATIENCE);
        while (proxyA.calls(c -> c.is("CreateVpcEndpoint")).size() < 2) {
            assertThat(Instant.now()).as("A sent two creates").isBefore(deadline);
            ChildPortal.pause(Duration.ofMillis(50));
        }
        List<String> pickedByA = picked("two-instances-a");
        a.kill();
        Instant killed = Instant.now();
        long killedNanos = System.nanoTime();
        assertThat(pickedByA).as("jobs A held when it was killed").isNotEmpty();

        for (String id : ids) {
            awaitStatus(b.api(), requester, id, "ACTIVE", PATIENCE, b);
        }
        Map<String, Long> creates = createsPerRequest(proxyA);
        createsPerRequest(proxyB).forEach((id, n) -> creates.merge(id, n, Long::sum));
        for (String id : ids) {
            assertThat(sandbox.endpointsOf(id)).as("endpoints of %s in moto", id).hasSize(1);
            assertThat(creates.getOrDefault(id, 0L)).as("CreateVpcEndpoint calls for %s", id).isEqualTo(1);
        }
        for (String id : pickedByA) {
            List<Call> byB = proxyB.calls(c -> c.filter("tag:portal:request-item") != null
                    && c.filter("tag:portal:request-item").startsWith(id));
            assertThat(byB).as("B looked up the endpoint of %s, a job A held when it died", id).isNotEmpty();
        }
        long takeover = proxyB.calls(c -> pickedByA.stream().anyMatch(id -> id.equals(requestOf(c))))
                .stream().mapToLong(Call::nanos).min().orElseThrow();
        Duration after = Duration.ofNanos(takeover - killedNanos);
        System.out.printf("kill -9 of A holding %d jobs (%s); B finished them all; B's first call for one of them "
                + "came %d ms after the kill (heartbeat 1 s x 4 missed; %s since the kill)%n", pickedByA.size(),
                pickedByA, after.toMillis(), Duration.between(killed, Instant.now()));
    }

    /** Registers {@code n} member accounts in eu-west-1 and us-east-1 through the API (moto lets any role be assumed). */
    private static List<String> registerMembers(String prefix, int n) {
        List<String> ids = new ArrayList<>();
        long base = 800_000_000_000L + (System.nanoTime() % 1_000_000) * 1000;
        for (int i = 0; i < n; i++) {
            String id = Long.toString(base + i);
            PortalApi.Response created = b.api().post("/api/v1/accounts", admin, """
                    {"id": "%s", "name": "%s %d", "roleArn": "%s", "externalId": "%s", "environment": "NON_PRODUCTION",
                     "regions": ["eu-west-1", "us-east-1"], "teams": []}""".formatted(id, prefix, i,
                    MotoAccounts.roleOf(id), MotoAccounts.externalIdOf(id)));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ids.add(id);
        }
        return ids;
    }

    /** POST /api/v1/sync on {@code portal}, waiting while a scheduled run is in progress; the new run's id. */
    private static String startSync(ChildPortal portal) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            PortalApi.Response started = portal.api().post("/api/v1/sync", admin, "");
            if (started.status() == 202) {
                return started.json().get("id").asString();
            }
            assertThat(started.status()).as(started.body()).isEqualTo(409);
            assertThat(Instant.now()).as("a sync could be started").isBefore(deadline);
            ChildPortal.pause(Duration.ofMillis(250));
        }
    }

    record SyncRunView(String status, int total, int done, Map<String, Integer> instances) {
    }

    private static SyncRunView awaitRunEnd(ChildPortal portal, String run) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            PortalApi.Response answer = portal.api().get("/api/v1/sync/runs/" + run, admin);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            var json = answer.json();
            if (!json.get("status").asString().equals("RUNNING")) {
                Map<String, Integer> instances = new HashMap<>();
                json.get("instances").forEach(i -> instances.put(i.get("instance").asString(), i.get("unitsDone").asInt()));
                return new SyncRunView(json.get("status").asString(), json.get("targetsTotal").asInt(),
                        json.get("targetsDone").asInt(), instances);
            }
            assertThat(Instant.now()).as("run %s ended: %s", run, answer.body()).isBefore(deadline);
            ChildPortal.pause(Duration.ofMillis(250));
        }
    }

    /** The run's units ("account/region") claimed by {@code instance} in {@code status}. */
    private static List<String> units(String run, String instance, String status) throws SQLException {
        List<String> units = new ArrayList<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.prepareStatement("select account_id || '/' || region from "
                        + "inventory_sync_unit where run_id = ?::uuid and claimed_by = ? and status = ?")) {
            statement.setString(1, run);
            statement.setString(2, instance);
            statement.setString(3, status);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    units.add(rs.getString(1));
                }
            }
        }
        return units;
    }

    private static String requestOf(Call call) {
        String item = call.filter("tag:portal:request-item");
        return item == null ? call.tag("portal:request-id") : item.substring(0, item.indexOf('/'));
    }

    private static PortalApi.Response postSync(CountDownLatch go, ChildPortal portal) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return portal.api().post("/api/v1/sync", admin, "");
    }

    private static void awaitNoRunningSync() {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (count("select count(*) from inventory_sync_run where status = 'RUNNING'") > 0) {
            assertThat(Instant.now()).as("no sync running").isBefore(deadline);
            ChildPortal.pause(Duration.ofMillis(200));
        }
    }

    /** CreateVpcEndpoint calls that reached the proxy, per request (its portal:request-id tag). */
    private static Map<String, Long> createsPerRequest(FaultyAwsProxy proxy) {
        return new HashMap<>(proxy.calls(c -> c.is("CreateVpcEndpoint")).stream()
                .collect(Collectors.groupingBy(c -> c.tag("portal:request-id"), Collectors.counting())));
    }

    record SyncRun(String trigger, String status, Instant started, Instant finished) {
    }

    private static List<SyncRun> runs() {
        List<SyncRun> runs = new ArrayList<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "select trigger, status, started_at, finished_at from inventory_sync_run order by started_at")) {
            while (rs.next()) {
                Timestamp finished = rs.getTimestamp(4);
                runs.add(new SyncRun(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        finished == null ? null : finished.toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return runs;
    }

    private static List<String> picked(String scheduler) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                var statement = c.prepareStatement("select task_instance from scheduled_tasks where task_name = "
                        + "'provision-request' and picked and picked_by = ?")) {
            statement.setString(1, scheduler);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static long count(String sql) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
