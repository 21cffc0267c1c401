package io.vpcportal.provisioning;

import static io.vpcportal.SandboxAws.approve;
import static io.vpcportal.SandboxAws.create;
import static io.vpcportal.SandboxAws.createAndSubmit;
import static io.vpcportal.SandboxAws.glue;
import static io.vpcportal.SandboxAws.reject;
import static io.vpcportal.SandboxAws.s3Gateway;
import static io.vpcportal.SandboxAws.status;
import static io.vpcportal.SandboxAws.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.ChildPortal;
import io.vpcportal.FaultyAwsProxy;
import io.vpcportal.FaultyAwsProxy.Answer;
import io.vpcportal.FaultyAwsProxy.Call;
import io.vpcportal.FaultyAwsProxy.Rule;
import io.vpcportal.MotoServer;
import io.vpcportal.PortalApi;
import io.vpcportal.SandboxAws;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The crash matrix: the portal (a child JVM) is killed with SIGKILL at each named point of provisioning and at random
 * points over a list of seeds, then started again on the same PostgreSQL. After each restart every approved request
 * ends ACTIVE with exactly one endpoint (and exactly one CreateVpcEndpoint ever reached moto for it), every rejected
 * one has none, every decommissioned one ends DELETED with none, and every bucket keeps the foreign statement seeded
 * into its policy before the portal touched it.
 *
 * <p>Every kill comes from outside the portal: the {@link FaultyAwsProxy} in front of moto kills it when it sees a
 * chosen AWS call (before forwarding it, after moto ran it but before answering, or right after answering), the
 * test's own PostgreSQL connection sees a job claimed, or holds a row lock so that the portal blocks storing an
 * endpoint id it has just received. The production code has no test hook.
 *
 * <p>The restarted portal of one case is the one killed in the next. Random seeds: {@code -Dcrash.seeds=1,2,3} or
 * {@code -Dcrash.seeds=1-40} (default: the list below). A line per case goes to {@code target/crash-matrix.txt}.
 */
@Tag("long")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashMatrixIntegrationTests {

    private static final long[] DEFAULT_SEEDS = {11, 23, 37, 41, 53, 67};
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Duration KILL_PATIENCE = Duration.ofMinutes(2);
    private static final Path REPORT = Path.of("target", "crash-matrix.txt");

    private static EmbeddedPostgres postgres;
    private static FaultyAwsProxy proxy;
    private static SandboxAws sandbox;
    private static volatile ChildPortal portal;
    /** The bucket of the request the current case decommissions, if any. */
    private static volatile String decommissionBucket;
    private static final AtomicInteger generation = new AtomicInteger();
    private static final AtomicInteger buckets = new AtomicInteger();
    private static final List<String> report = new ArrayList<>();
    private static String requester;
    private static String approver;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1").start();
        proxy = new FaultyAwsProxy(MotoServer.shared().endpoint());
        sandbox = new SandboxAws(MotoServer.shared().endpoint());
        portal = nextPortal();
        // a user may hold 20 tokens: one each for every portal generation (they share the database)
        requester = portal.api().tokenOf("requester");
        approver = portal.api().tokenOf("net-approver");
        Files.writeString(REPORT, "case | kill | jobs at the kill (request kind: status/step) | after the restart\n");
    }

    @AfterAll
    static void stop() throws IOException {
        if (portal != null) {
            portal.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        System.out.println(String.join("\n", report));
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> namedPoints() {
        return Stream.of(
                DynamicTest.dynamicTest("after the job is claimed", () -> run("after-job-claimed", false,
                        Duration.ofMillis(300), new KillWhenClaimed())),
                DynamicTest.dynamicTest("after create sent (moto made it, no answer yet)", () -> run("after-create-sent",
                        false, Duration.ofMillis(100), new KillAt("CreateVpcEndpoint", Call::isCreate, Phase.AWAITING_ANSWER, 1))),
                DynamicTest.dynamicTest("after create answered", () -> run("after-create-answered", false,
                        Duration.ofMillis(100), new KillAt("CreateVpcEndpoint", Call::isCreate, Phase.AFTER_ANSWER, 1))),
                DynamicTest.dynamicTest("before the endpoint id is stored", () -> run("before-id-stored", false,
                        Duration.ofMillis(100), new KillBeforeIdStored())),
                DynamicTest.dynamicTest("during the wait (pending)", () -> run("during-wait-pending", false,
                        Duration.ofMillis(100), new KillWhilePending())),
                DynamicTest.dynamicTest("during the bucket policy write", () -> run("during-bucket-policy-write", false,
                        Duration.ofMillis(100), new KillAt("PutBucketPolicy", CrashMatrixIntegrationTests::isPolicyWrite,
                                Phase.AWAITING_ANSWER, 1))),
                DynamicTest.dynamicTest("during decommission (DeleteVpcEndpoints sent)", () -> run("during-decommission",
                        true, Duration.ofMillis(100), new KillAt("DeleteVpcEndpoints",
                                c -> c.is("DeleteVpcEndpoints"), Phase.AWAITING_ANSWER, 1))),
                DynamicTest.dynamicTest("during decommission's bucket policy write", () -> run(
                        "during-decommission-policy-write", true, Duration.ofMillis(100), new KillAt("policy write of the "
                                + "decommissioned endpoint's bucket", c -> isPolicyWrite(c) && decommissionBucket != null
                                && c.action().endsWith("/" + decommissionBucket), Phase.BEFORE_FORWARD, 1))));
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> randomPoints() {
        return seeds().mapToObj(seed -> DynamicTest.dynamicTest("random point, seed " + seed, () -> {
            Random random = new Random(seed);
            int nth = 1 + random.nextInt(24);
            Phase phase = Phase.values()[random.nextInt(Phase.values().length)];
            run("random-" + seed, true, Duration.ofMillis(50 + random.nextInt(150)),
                    new KillAt("AWS call #" + nth, c -> true, phase, nth));
        }));
    }

    private static java.util.stream.LongStream seeds() {
        String wanted = System.getProperty("crash.seeds", "");
        if (wanted.isBlank()) {
            return Arrays.stream(DEFAULT_SEEDS);
        }
        if (wanted.matches("\\d+-\\d+")) {
            String[] range = wanted.split("-");
            return java.util.stream.LongStream.rangeClosed(Long.parseLong(range[0]), Long.parseLong(range[1]));
        }
        return Arrays.stream(wanted.split(",")).map(String::trim).mapToLong(Long::parseLong);
    }

    // ---- one case

    enum Expected { ACTIVE, REJECTED, DELETED }

    /** A request of the case, what it must end as, its bucket (S3) and, for a decommission, its endpoint. */
    record Tracked(String kind, String id, Expected expected, String bucket, String endpointId) {
    }

    /** Where the kill lands; armed before the case's work starts, it kills the current portal once. */
    interface KillPoint {

        String describe();

        /** Installs the kill (proxy rule, database watcher). */
        void arm();

        /** Blocks until the portal was killed; false after the time limit. */
        boolean awaitKill(Duration patience) throws InterruptedException;

        /** Checks, right after the kill, that it landed where it is named (before the restart). */
        default void checkLanding(List<Tracked> tracked) throws SQLException {
        }

        default void disarm() {
        }
    }

    /**
     * One case: work in the current portal (a Glue endpoint approved, an S3 gateway endpoint with a bucket holding a
     * foreign statement, a Glue endpoint rejected, and with {@code decommission} the decommission of an ACTIVE S3
     * request), killed at {@code point}, then a new portal: everything converges as it must.
     */
    private static void run(String name, boolean decommission, Duration slowness, KillPoint point) throws Exception {
        Instant begin = Instant.now();
        if (!portal.alive()) {
            portal = nextPortal(); // an earlier case failed before its restart: this one starts clean
        }
        proxy.reset();
        slow(slowness);
        List<Tracked> tracked = new ArrayList<>();
        PortalApi api = portal.api();
        Tracked toDelete = null;
        decommissionBucket = null;
        if (decommission) {
            // an ACTIVE request to take down, made before the kill is armed
            String bucket = bucket();
            String id = createAndSubmit(api, requester, s3Gateway(sandbox.vpc(), bucket));
            SandboxAws.awaitStatus(api, requester, id, "ACTIVE", PATIENCE, portal);
            String endpoint = sandbox.endpointsOf(id).get(0).vpcEndpointId();
            assertThat(sandbox.bucketPolicy(bucket)).as("restricted to its endpoint").contains(endpoint);
            toDelete = new Tracked("decommission", id, Expected.DELETED, bucket, endpoint);
            decommissionBucket = bucket;
        }
        // drafts first: nothing runs until a submit or an approval, the steps below, which the kill may interrupt
        String bucket = bucket();
        String s3 = create(api, requester, s3Gateway(sandbox.vpc(), bucket));
        String glue = create(api, requester, glue(sandbox.vpc()));
        String rejected = create(api, requester, glue(sandbox.vpc()));
        List<Step> steps = new ArrayList<>(List.of(
                new Step("submit the Glue request", glue, "DRAFT", a -> submit(a, requester, glue)),
                new Step("submit the request to reject", rejected, "DRAFT", a -> submit(a, requester, rejected)),
                new Step("reject it", rejected, "SUBMITTED", a -> reject(a, approver, rejected))));
        if (toDelete != null) {
            String id = toDelete.id();
            steps.add(new Step("ask for the decommission", id, "ACTIVE", a -> {
                var asked = a.post("/api/v1/requests/" + id + "/decommission", requester, "{\"reason\":\"crash matrix\"}");
                assertThat(asked.status()).as(asked.body()).isEqualTo(200);
            }));
            steps.add(new Step("approve the decommission", id, "DECOMMISSION_REQUESTED", a -> approve(a, approver, id)));
            tracked.add(toDelete);
        }
        steps.add(new Step("approve the Glue request", glue, "SUBMITTED", a -> approve(a, approver, glue)));
        steps.add(new Step("submit the S3 request (approved automatically)", s3, "DRAFT", a -> submit(a, requester, s3)));
        tracked.add(new Tracked("s3", s3, Expected.ACTIVE, bucket, null));
        tracked.add(new Tracked("glue", glue, Expected.ACTIVE, null, null));
        tracked.add(new Tracked("rejected", rejected, Expected.REJECTED, null, null));

        List<Call> before = new ArrayList<>(proxy.calls());
        proxy.reset();
        slow(slowness);
        point.arm();
        int done = perform(steps, 0, api);

        boolean killed = point.awaitKill(KILL_PATIENCE);
        point.disarm();
        assertThat(killed).as("%s: the portal was killed at %s\n%s", name, point.describe(), portal.logTail()).isTrue();
        assertThat(portal.alive()).isFalse();
        String atKill = jobs(tracked);
        point.checkLanding(tracked);
        List<Call> untilKill = new ArrayList<>(proxy.calls());
        Set<Call> stopped = point instanceof KillAt k ? k.stopped : Set.of();
        proxy.reset();

        portal = nextPortal();
        PortalApi after = portal.api();
        assertThat(perform(steps, done, after)).as("%s: the steps left after the restart", name).isEqualTo(steps.size());
        for (Tracked t : tracked) {
            SandboxAws.awaitStatus(after, requester, t.id(), t.expected().name(), PATIENCE, portal);
        }
        List<Call> all = new ArrayList<>(before);
        untilKill.stream().filter(c -> !stopped.contains(c)).forEach(all::add);
        all.addAll(proxy.calls());
        for (Tracked t : tracked) {
            var endpoints = sandbox.endpointsOf(t.id());
            long creates = all.stream().filter(c -> c.isCreate() && t.id().equals(c.tag("portal:request-id"))).count();
            switch (t.expected()) {
                case ACTIVE -> {
                    assertThat(endpoints).as("%s: endpoints of the %s request %s", name, t.kind(), t.id()).hasSize(1);
                    assertThat(creates).as("%s: creates that reached moto for %s", name, t.id()).isEqualTo(1);
                }
                case REJECTED, DELETED -> assertThat(endpoints).as("%s: endpoints of the %s request %s", name,
                        t.kind(), t.id()).isEmpty();
            }
            if (t.bucket() != null) {
                String policy = sandbox.bucketPolicy(t.bucket());
                assertThat(policy).as("%s: the foreign statement of %s", name, t.bucket()).contains("\"Foreign\"");
                if (t.expected() == Expected.ACTIVE) {
                    assertThat(policy).as("%s: %s restricted to the endpoint", name, t.bucket())
                            .contains(endpoints.get(0).vpcEndpointId());
                } else {
                    assertThat(policy).as("%s: %s no longer names the deleted endpoint", name, t.bucket())
                            .doesNotContain(t.endpointId());
                }
            }
        }
        String line = "%s | %s | %s | %s; all converged, %s (generation %d, %d s)".formatted(name, point.describe(),
                atKill, done == steps.size() ? "every step done before the kill" : "steps from \"" + steps.get(done).what()
                + "\" on done after the restart", attempts(tracked), generation.get(),
                Duration.between(begin, Instant.now()).toSeconds());
        report.add(line);
        Files.writeString(REPORT, line + "\n", java.nio.file.StandardOpenOption.APPEND);
    }

    /** One API step of a case; {@code when} is the request status it needs (it may have been done before a kill). */
    record Step(String what, String requestId, String when, java.util.function.Consumer<PortalApi> action) {
    }

    /**
     * Runs the steps from {@code from} on; returns the index of the first one the portal died under (then it is
     * run again after the restart, if the status shows it did not happen), or the number of steps.
     */
    private static int perform(List<Step> steps, int from, PortalApi api) {
        for (int i = from; i < steps.size(); i++) {
            Step step = steps.get(i);
            try {
                if (status(api, requester, step.requestId()).equals(step.when())) {
                    step.action().accept(api);
                }
            } catch (java.io.UncheckedIOException died) {
                return i;
            }
        }
        return steps.size();
    }

    private static void slow(Duration delay) {
        proxy.add(new Rule() {
            @Override
            public Duration delay(Call call) {
                return delay;
            }
        });
    }

    private static ChildPortal nextPortal() throws IOException {
        return ChildPortal.start("crash-matrix-portal-" + generation.incrementAndGet(),
                postgres.getJdbcUrl("postgres", "postgres"), proxy.endpoint(),
                List.of("--portal.inventory.scheduled=false"));
    }

    private static String bucket() {
        String bucket = "crash-matrix-" + ProcessHandle.current().pid() + "-" + buckets.incrementAndGet();
        sandbox.bucketWithForeignStatement(bucket, "Foreign");
        return bucket;
    }

    private static boolean isPolicyWrite(Call call) {
        return call.service().equals("s3") && (call.action().startsWith("PUT /") || call.action().startsWith("DELETE /"));
    }

    // ---- the kill points

    enum Phase { BEFORE_FORWARD, AWAITING_ANSWER, AFTER_ANSWER }

    /** Kills the portal at the {@code nth} AWS call that matches: before it reaches moto, before or after its answer. */
    static class KillAt implements KillPoint, Rule {

        private final String what;
        private final Predicate<Call> which;
        private final Phase phase;
        private final int nth;
        private final AtomicInteger seen = new AtomicInteger();
        private final AtomicReference<Call> victim = new AtomicReference<>();
        private final CountDownLatch killed = new CountDownLatch(1);
        final Set<Call> stopped = ConcurrentHashMap.newKeySet();

        KillAt(String what, Predicate<Call> which, Phase phase, int nth) {
            this.what = what;
            this.which = which;
            this.phase = phase;
            this.nth = nth;
        }

        @Override
        public String describe() {
            Call call = victim.get();
            return what + " " + phase.name().toLowerCase().replace('_', ' ')
                    + (call == null ? "" : " (" + call.service() + " " + call.action() + ")");
        }

        @Override
        public void arm() {
            proxy.add(this);
        }

        private boolean chosen(Call call) {
            if (killed.getCount() == 0 || !which.test(call)) {
                return false;
            }
            if (seen.incrementAndGet() != nth) {
                return false;
            }
            victim.set(call);
            return true;
        }

        private void kill() {
            portal.kill();
            killed.countDown();
        }

        @Override
        public Answer instead(Call call) {
            if (phase == Phase.BEFORE_FORWARD && chosen(call)) {
                kill();
                stopped.add(call);
                return FaultyAwsProxy.ec2Error(503, "Unavailable", "the caller is gone");
            }
            return null;
        }

        @Override
        public Duration holdAnswer(Call call) {
            if (phase == Phase.AWAITING_ANSWER && chosen(call)) {
                kill();
            }
            return Duration.ZERO;
        }

        @Override
        public void afterAnswer(Call call) {
            if (phase == Phase.AFTER_ANSWER && chosen(call)) {
                kill();
            }
        }

        @Override
        public boolean awaitKill(Duration patience) throws InterruptedException {
            return killed.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Kills the portal when PostgreSQL shows a provisioning job claimed by db-scheduler (picked), before the job has
     * made any AWS call (every call is slowed down by 300 ms, and the landing check looks at what reached the proxy).
     */
    static class KillWhenClaimed implements KillPoint {

        private final CountDownLatch killed = new CountDownLatch(1);
        private final AtomicReference<String> claimed = new AtomicReference<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private Thread watcher;

        @Override
        public String describe() {
            return "scheduled_tasks row picked (" + claimed.get() + ")";
        }

        @Override
        public void arm() {
            watcher = new Thread(() -> {
                try (Connection c = postgres.getPostgresDatabase().getConnection();
                        PreparedStatement picked = c.prepareStatement("select task_instance from scheduled_tasks "
                                + "where task_name = 'provision-request' and picked limit 1")) {
                    while (killed.getCount() > 0 && !Thread.currentThread().isInterrupted()) {
                        try (ResultSet rs = picked.executeQuery()) {
                            if (rs.next()) {
                                claimed.set(rs.getString(1));
                                portal.kill();
                                killed.countDown();
                                return;
                            }
                        }
                        Thread.sleep(5);
                    }
                } catch (SQLException | RuntimeException e) {
                    failure.set(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "claim-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }

        @Override
        public boolean awaitKill(Duration patience) throws InterruptedException {
            boolean done = killed.await(patience.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(failure.get()).as("claim watcher").isNull();
            return done;
        }

        @Override
        public void checkLanding(List<Tracked> tracked) {
            String id = claimed.get();
            assertThat(proxy.calls(c -> c.isCreate() && id.equals(c.tag("portal:request-id"))))
                    .as("no create of the claimed job %s had reached AWS at the kill", id).isEmpty();
        }

        @Override
        public void disarm() {
            watcher.interrupt();
        }
    }

    /**
     * The create reaches moto and its answer reaches the portal, but the portal cannot store the endpoint id: the test
     * holds a row lock on the item's {@code provisioned_endpoint} row (the portal wrote it as 'creating' before the
     * create), waits until the portal's statement waits on that lock, kills the portal and ends its PostgreSQL backend
     * (as a crash of the machine would), then lets go of the lock.
     */
    static class KillBeforeIdStored implements KillPoint, Rule {

        private final CountDownLatch killed = new CountDownLatch(1);
        private final AtomicReference<String> request = new AtomicReference<>();
        private final AtomicReference<Boolean> stored = new AtomicReference<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private Connection lock;

        @Override
        public String describe() {
            return "CreateVpcEndpoint answered, UPDATE of provisioned_endpoint blocked by a row lock (" + request.get() + ")";
        }

        @Override
        public void arm() {
            proxy.add(this);
        }

        @Override
        public synchronized Duration delay(Call call) {
            if (!call.isCreate() || request.get() != null) {
                return Duration.ZERO;
            }
            String id = call.tag("portal:request-id");
            try {
                lock = postgres.getPostgresDatabase().getConnection();
                lock.setAutoCommit(false);
                try (PreparedStatement row = lock.prepareStatement("select 1 from provisioned_endpoint where request_id = "
                        + "cast(? as uuid) for update")) {
                    row.setString(1, id);
                    row.executeQuery().close();
                }
                request.set(id);
            } catch (SQLException e) {
                failure.set(e);
            }
            return Duration.ZERO;
        }

        @Override
        public void afterAnswer(Call call) {
            if (!call.isCreate() || lock == null || killed.getCount() == 0
                    || !call.tag("portal:request-id").equals(request.get())) {
                return;
            }
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                Integer backend = null;
                Instant deadline = Instant.now().plusSeconds(20);
                while (backend == null && Instant.now().isBefore(deadline)) {
                    try (ResultSet rs = c.createStatement().executeQuery("select pid from pg_stat_activity where "
                            + "wait_event_type = 'Lock' and query ilike '%provisioned_endpoint%'")) {
                        backend = rs.next() ? rs.getInt(1) : null;
                    }
                    Thread.sleep(10);
                }
                assertThat(backend).as("the portal waits to store the endpoint id").isNotNull();
                portal.kill();
                try (PreparedStatement end = c.prepareStatement("select pg_terminate_backend(?)")) {
                    end.setInt(1, backend);
                    end.executeQuery().close();
                }
                lock.rollback();
                lock.close();
                try (PreparedStatement row = c.prepareStatement("select vpc_endpoint_id from provisioned_endpoint where "
                        + "request_id = cast(? as uuid)")) {
                    row.setString(1, request.get());
                    try (ResultSet rs = row.executeQuery()) {
                        stored.set(rs.next() && rs.getString(1) != null);
                    }
                }
                killed.countDown();
            } catch (SQLException | InterruptedException | RuntimeException | AssertionError e) {
                failure.set(e);
                killed.countDown();
            }
        }

        @Override
        public boolean awaitKill(Duration patience) throws InterruptedException {
            boolean done = killed.await(patience.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(failure.get()).as("row lock hook").isNull();
            return done;
        }

        @Override
        public void checkLanding(List<Tracked> tracked) {
            assertThat(stored.get()).as("the endpoint id of %s was stored before the kill", request.get()).isFalse();
        }
    }

    /** Endpoints stay {@code pending} in every DescribeVpcEndpoints answer; the kill comes at the third poll. */
    static class KillWhilePending extends KillAt {

        KillWhilePending() {
            super("DescribeVpcEndpoints poll #3 of a pending endpoint", c -> c.is("DescribeVpcEndpoints")
                    && c.param("VpcEndpointId.1") != null, Phase.AWAITING_ANSWER, 3);
        }

        @Override
        public void arm() {
            proxy.add(FaultyAwsProxy.stateOfPolledEndpoints("pending", Integer.MAX_VALUE, body -> true));
            super.arm();
        }

        @Override
        public void checkLanding(List<Tracked> tracked) {
            assertThat(jobs(tracked)).as("a job was waiting").contains("RUNNING/wait");
        }
    }

    // ---- database reads

    private static String jobs(List<Tracked> tracked) {
        List<String> jobs = new ArrayList<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement job = c.prepareStatement("select status, step from provisioning_job where "
                        + "request_id = cast(? as uuid)")) {
            for (Tracked t : tracked) {
                job.setString(1, t.id());
                try (ResultSet rs = job.executeQuery()) {
                    jobs.add(t.kind() + ": " + (rs.next() ? rs.getString(1) + "/" + rs.getString(2) : "no job"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return String.join(", ", jobs);
    }

    private static String attempts(List<Tracked> tracked) {
        List<String> attempts = new ArrayList<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement job = c.prepareStatement("select attempts from provisioning_job where "
                        + "request_id = cast(? as uuid)")) {
            for (Tracked t : tracked) {
                job.setString(1, t.id());
                try (ResultSet rs = job.executeQuery()) {
                    if (rs.next()) {
                        attempts.add(t.kind() + " " + rs.getInt(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return "attempts: " + String.join(", ", attempts);
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
