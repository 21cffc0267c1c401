package io.vpcportal.inventory.internal;

import io.vpcportal.inventory.SyncRunSummary;
import io.vpcportal.inventory.UnitWork;
import io.vpcportal.inventory.UnitWork.Outcome;
import io.vpcportal.inventory.UnitWork.Unit;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This instance's share of every run: it claims units of any running run while it has free slots (at most
 * {@code portal.inventory.sync-concurrency} at once), runs them on its own pool, renews their leases while they run,
 * and records each outcome with the run's counters in one transaction. A throttled unit goes back to the table with
 * a jittered exponential back-off, so it waits alone and any instance may take its next try.
 */
@Component
public class SyncWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncWorkers.class);

    private final SyncUnits units;
    private final SyncRuns runs;
    private final Map<String, UnitWork> work;
    private final InventoryProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String instance;
    private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean running;

    SyncWorkers(SyncUnits units, SyncRuns runs, List<UnitWork> work, InventoryProperties properties,
            TransactionTemplate tx, Clock clock, @Value("${db-scheduler.scheduler-name:}") String schedulerName) {
        this.units = units;
        this.runs = runs;
        this.work = work.stream().collect(Collectors.toMap(UnitWork::kind, Function.identity()));
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        this.instance = schedulerName == null || schedulerName.isBlank() ? hostAndPid() : schedulerName;
        pool.setCorePoolSize(properties.syncConcurrency());
        pool.setMaxPoolSize(properties.syncConcurrency());
        pool.setQueueCapacity(properties.syncConcurrency());
        pool.setThreadNamePrefix("sync-unit-");
        pool.setWaitForTasksToCompleteOnShutdown(true);
        pool.setAwaitTerminationSeconds(20);
    }

    /** This instance's name in the units it claims: db-scheduler's scheduler name, or host and process id. */
    String instance() {
        return instance;
    }

    /** Claims what fits into the free slots and starts it; called on a timer, after each unit, and on a new run. */
    @Scheduled(fixedDelayString = "${portal.inventory.poll-interval:1s}", initialDelayString = "5s")
    public void poll() {
        if (!running) {
            return;
        }
        List<Unit> claimed;
        synchronized (this) {
            int free = properties.syncConcurrency() - busy.get();
            claimed = free < 1 ? List.of() : units.claim(instance, free, properties.unitLease(), clock.instant());
            busy.addAndGet(claimed.size());
        }
        for (Unit unit : claimed) {
            pool.execute(() -> {
                try {
                    run(unit);
                } catch (RuntimeException e) {
                    // the database failed us: the unit's lease runs out and an instance takes it again
                    log.error("Unit {}/{} of run {} could not be recorded", unit.accountId(), unit.region(), unit.run(), e);
                } finally {
                    busy.decrementAndGet();
                }
                poll();
            });
        }
    }

    /** Keeps the leases of this instance's running units (and their runs' heartbeats) fresh. */
    @Scheduled(fixedDelayString = "${portal.inventory.lease-renewal:10s}", initialDelayString = "5s")
    void renew() {
        if (busy.get() > 0) {
            units.renew(instance, properties.unitLease(), clock.instant());
        }
    }

    private void run(Unit unit) {
        UnitWork kind = work.get(unit.kind());
        if (kind == null) {
            log.warn("No work for units of kind {}: unit {}/{} of run {} left to its lease", unit.kind(),
                    unit.accountId(), unit.region(), unit.run());
            return;
        }
        Outcome outcome = kind.run(unit);
        if (outcome.isThrottled() && unit.attempts() >= properties.unitMaxAttempts()) {
            outcome = kind.gaveUp(unit, outcome.throttleCode(), "throttled on all " + unit.attempts() + " tries: "
                    + outcome.throttleMessage());
        }
        Instant now = clock.instant();
        if (outcome.isThrottled()) {
            Instant notBefore = now.plus(backoff(unit.attempts()));
            String error = outcome.throttleCode() + ": " + outcome.throttleMessage();
            int calls = outcome.calls();
            tx.executeWithoutResult(s -> {
                if (units.retryLater(unit, instance, notBefore, error)) {
                    runs.unitLeft(unit.run(), calls, now);
                }
            });
            log.info("Unit {}/{} of run {} throttled on try {}: again from {}", unit.accountId(), unit.region(),
                    unit.run(), unit.attempts(), notBefore);
            return;
        }
        var r = outcome.result();
        int gone = outcome.endpointsGone();
        boolean closed = Boolean.TRUE.equals(tx.execute(s -> {
            if (!units.done(unit, instance)) {
                log.warn("Unit {}/{} of run {} was taken over by another instance: this outcome is dropped",
                        unit.accountId(), unit.region(), unit.run());
                return false;
            }
            runs.targetDone(unit.run(), new SyncRunSummary.TargetResult(r.accountId(), r.region(), r.status(),
                    r.endpoints(), r.vpcs(), r.subnets(), r.routeTables(), r.securityGroups(), r.natGateways(),
                    r.rowsWritten(), r.durationMs(), r.errorCode(), r.error(), instance, unit.attempts(), r.calls()),
                    gone, instance, unit.attempts(), r.calls(), now);
            return runs.closedNow(unit.run());
        }));
        if (closed) {
            kind.closed(unit.run(), unit.day());
        }
    }

    /** Exponential from the initial back-off, capped, with "equal jitter": half fixed, half random. */
    Duration backoff(int attempt) {
        long initial = properties.retryInitialBackoff().toMillis();
        long max = properties.retryMaxBackoff().toMillis();
        long exponential = Math.min(max, initial << Math.min(20, Math.max(0, attempt - 1)));
        return Duration.ofMillis(exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1));
    }

    @Override
    public void start() {
        pool.initialize();
        running = true;
    }

    /** Claims no more; waits (up to 20 s) for running units, whose leases others take over if they do not finish. */
    @Override
    public void stop() {
        running = false;
        pool.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
