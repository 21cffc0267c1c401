package io.vpcportal.inventory;

import io.vpcportal.aws.AwsAccess;
import io.vpcportal.inventory.internal.InventoryProperties;
import io.vpcportal.inventory.internal.SyncRunner;
import io.vpcportal.inventory.internal.SyncRuns;
import io.vpcportal.inventory.internal.SyncWorkers;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.identity.Role;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.ForbiddenException;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sync use case: start a run (admins on demand, or the schedule), follow it, cancel it. A run is split into
 * units, one per account and region and one per account for its global reads, that every portal instance takes
 * from the database a bounded number at a time; one run at a time across instances.
 */
@Service
public class InventorySync {

    private static final Logger log = LoggerFactory.getLogger(InventorySync.class);
    /** Longest wait of the scheduled task for its run; the run itself goes on. */
    private static final Duration SCHEDULED_PATIENCE = Duration.ofHours(6);

    private final SyncRuns runs;
    private final SyncRunner runner;
    private final SyncWorkers workers;
    private final AwsAccess aws;
    private final InventoryProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InventorySync(SyncRuns runs, SyncRunner runner, SyncWorkers workers, AwsAccess aws,
            InventoryProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.runs = runs;
        this.runner = runner;
        this.workers = workers;
        this.aws = aws;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Whether syncs can run: the portal calls AWS (not plan-only mode). */
    public boolean enabled() {
        return aws.applies();
    }

    /** Starts a sync now; its units run in the background on every instance. Conflict while another run is in progress. */
    public SyncRunSummary syncNow(PortalPrincipal by) {
        requireAdmin(by);
        if (!aws.applies()) {
            throw new ConflictException("AWS is not configured (plan-only mode): there is nothing to synchronise");
        }
        UUID run = runs.claim(SyncRunner.KIND, null, "MANUAL", by.getUsername(), runner.targets(), clock.instant(),
                properties.abandonedAfter())
                .orElseThrow(() -> new ConflictException("A sync is already running ("
                        + runs.running(SyncRunner.KIND).map(r -> r.id() + ", " + r.targetsDone() + "/" + r.targetsTotal())
                                .orElse("just finished")
                        + "): follow it under /api/v1/sync/runs"));
        workers.poll();
        return runs.find(run).orElseThrow();
    }

    /**
     * The scheduled run (db-scheduler calls it on one instance at a time): starts it and waits for its end; skipped
     * while another runs.
     */
    public void scheduledSync() {
        if (!properties.scheduled() || !aws.applies()) {
            return;
        }
        // the recurring task waits for the run's end, so that its next run comes sync-interval after this one ended
        // (every instance works on the units meanwhile; this thread only waits)
        runs.claim(SyncRunner.KIND, null, "SCHEDULE", "portal", runner.targets(), clock.instant(),
                properties.abandonedAfter()).ifPresentOrElse(run -> {
                    workers.poll();
                    awaitEnd(run, SCHEDULED_PATIENCE);
                }, () -> log.info("Scheduled inventory sync skipped: another run is in progress"));
    }

    /**
     * Admins: drops the run's pending units; running ones finish, then it ends CANCELLED. Audited. NotFound for an
     * unknown run, Conflict when it has already ended.
     */
    @Transactional
    public SyncRunSummary cancel(PortalPrincipal by, UUID id) {
        requireAdmin(by);
        SyncRunSummary run = runs.find(id).orElseThrow(() -> new NotFoundException("No sync run " + id));
        if (!runs.cancel(id, by.getUsername(), clock.instant())) {
            throw new ConflictException("Run " + id + " is not running (" + run.status() + "): there is nothing to cancel");
        }
        events.publishEvent(new SyncRunCancelled(id, run.kind(), by.getUsername(), run.targetsDone(),
                run.targetsTotal()));
        return runs.find(id).orElseThrow();
    }

    /**
     * Starts a run of another module's {@link UnitWork} (the traffic collection of {@code day}) with one unit per
     * target; every instance takes its units like a sync's. Conflict while a run of that kind is in progress.
     */
    public UUID start(UnitWork work, LocalDate day, String trigger, String by, List<UnitWork.Target> targets) {
        UUID run = runs.claim(work.kind(), day, trigger, by, targets.stream()
                .map(t -> new String[] {t.accountId(), t.region()}).toList(), clock.instant(), properties.abandonedAfter())
                .orElseThrow(() -> new ConflictException("A " + work.kind().toLowerCase(Locale.ROOT)
                        + " run is already in progress: follow it under /api/v1/sync/runs/"
                        + runs.running(work.kind()).map(r -> r.id().toString()).orElse("…")));
        workers.poll();
        return run;
    }

    /** The run once it has ended, or as it is after {@code patience}. */
    public SyncRunSummary awaitEnd(UUID id, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            SyncRunSummary run = runs.find(id).orElseThrow(() -> new NotFoundException("No run " + id));
            if (!run.running() || Instant.now().isAfter(deadline)) {
                return run;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return run;
            }
        }
    }

    public List<SyncRunSummary> runs(int limit) {
        if (limit < 1 || limit > 100) {
            throw new InvalidInputException("limit", "must be between 1 and 100");
        }
        return runs.recent(SyncRunner.KIND, limit);
    }

    /** Any run, a sync or a traffic collection. */
    public Optional<SyncRunSummary> run(UUID id) {
        return runs.find(id);
    }

    private static void requireAdmin(PortalPrincipal p) {
        if (!p.hasRole(Role.ADMIN)) {
            throw new ForbiddenException("Only administrators may do this");
        }
    }
}
