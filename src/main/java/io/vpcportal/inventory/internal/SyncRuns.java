package io.vpcportal.inventory.internal;

import io.vpcportal.inventory.SyncRunSummary;
import io.vpcportal.inventory.SyncRunSummary.TargetResult;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The run history. A partial unique index allows one RUNNING run of each kind (inventory sync, traffic collection)
 * across every portal instance: claiming a run is an insert that fails while another one runs, so no lock has to
 * outlive a connection. The run's units ({@link SyncUnits}) are the work; the run row holds the counters.
 */
@Component
public class SyncRuns {

    private static final String COLUMNS = "id, kind, day, trigger, requested_by, status, started_at, finished_at, "
            + "targets_total, targets_done, targets_failed, targets_cancelled, calls, endpoints_seen, resources_seen, "
            + "rows_written, endpoints_gone, error, cancel_requested_by";

    private final JdbcTemplate jdbc;
    private final SyncUnits units;

    SyncRuns(JdbcTemplate jdbc, SyncUnits units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /**
     * A new RUNNING run of {@code kind} with one unit per target, or empty while another run of that kind runs.
     * A run whose instances all died (no heartbeat for {@code abandonedAfter}) is closed first, its open units
     * dropped. The run and its units commit together, so no instance sees a run without its units.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<UUID> claim(String kind, LocalDate day, String trigger, String by, List<String[]> targets, Instant now,
            Duration abandonedAfter) {
        jdbc.update("update inventory_sync_run set status = 'FAILED', finished_at = ?, error = 'abandoned: no "
                + "heartbeat since ' || heartbeat_at where status = 'RUNNING' and heartbeat_at < ?",
                Timestamp.from(now), Timestamp.from(now.minus(abandonedAfter)));
        units.dropOrphans();
        UUID id = UUID.randomUUID();
        try {
            jdbc.update("insert into inventory_sync_run (id, kind, day, trigger, requested_by, status, started_at, "
                    + "heartbeat_at, targets_total) values (?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?)", id, kind,
                    day == null ? null : Date.valueOf(day), trigger, clip(by, 64), Timestamp.from(now),
                    Timestamp.from(now), targets.size());
        } catch (DuplicateKeyException running) {
            return Optional.empty();
        }
        units.create(id, targets, now);
        closeIfDone(id, now);
        return Optional.of(id);
    }

    /**
     * Records what a unit gave and closes the run when it was the last open unit. The counters' update takes the
     * run's row lock, so units finishing at once on several instances pass here one after the other and exactly
     * one of them sees no open unit left.
     */
    void targetDone(UUID run, TargetResult r, int endpointsGone, String instance, int attempts, int calls,
            Instant now) {
        jdbc.update("""
                insert into inventory_sync_target (run_id, account_id, region, status, endpoints, vpcs, subnets,
                    route_tables, security_groups, nat_gateways, rows_written, duration_ms, error_code, error,
                    instance, attempts, calls)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", run, r.accountId(), r.region(),
                r.status(), r.endpoints(), r.vpcs(), r.subnets(), r.routeTables(), r.securityGroups(), r.natGateways(),
                r.rowsWritten(), r.durationMs(), clip(r.errorCode(), 100), clip(r.error(), 2000), clip(instance, 100),
                attempts, calls);
        boolean failed = "FAILED".equals(r.status());
        jdbc.update("""
                update inventory_sync_run set targets_done = targets_done + 1, targets_failed = targets_failed + ?,
                    endpoints_seen = endpoints_seen + ?, resources_seen = resources_seen + ?,
                    rows_written = rows_written + ?, endpoints_gone = endpoints_gone + ?, calls = calls + ?,
                    heartbeat_at = ?
                where id = ?""", failed ? 1 : 0, r.endpoints(),
                r.vpcs() + r.subnets() + r.routeTables() + r.securityGroups() + r.natGateways(), r.rowsWritten(),
                endpointsGone, calls, Timestamp.from(now), run);
        closeIfDone(run, now);
    }

    /** Takes the run's row lock (for a unit put back or cancelled outside {@link #targetDone}), then closes it if done. */
    void unitLeft(UUID run, int calls, Instant now) {
        jdbc.update("update inventory_sync_run set calls = calls + ?, heartbeat_at = ? where id = ?", calls,
                Timestamp.from(now), run);
        closeIfDone(run, now);
    }

    /**
     * Ends the run once no unit is pending or running: CANCELLED when an admin cancelled it, FAILED when every
     * target failed, PARTIAL when some did, SUCCEEDED otherwise. Guarded by {@code status = 'RUNNING'}: once.
     */
    private void closeIfDone(UUID run, Instant now) {
        jdbc.update("""
                update inventory_sync_run r set finished_at = ?, heartbeat_at = ?,
                    targets_cancelled = (select count(*) from inventory_sync_unit where run_id = r.id and status = 'CANCELLED'),
                    status = case when cancel_requested_at is not null then 'CANCELLED'
                                  when targets_failed > 0 and targets_failed = targets_total then 'FAILED'
                                  when targets_failed > 0 then 'PARTIAL' else 'SUCCEEDED' end
                where id = ? and status = 'RUNNING' and not exists
                    (select 1 from inventory_sync_unit where run_id = r.id and status in ('PENDING', 'RUNNING'))""",
                Timestamp.from(now), Timestamp.from(now), run);
    }

    /**
     * Records a finished run that read nothing from AWS (the demo profile's seed, trigger {@code DEMO}): its targets
     * as given, no units, no AWS calls.
     */
    public UUID recordSeed(String by, List<TargetResult> targets, int endpointsGone, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into inventory_sync_run (id, kind, trigger, requested_by, status, started_at, heartbeat_at,
                    finished_at, targets_total, targets_done, endpoints_seen, resources_seen, rows_written,
                    endpoints_gone)
                values (?, 'INVENTORY', 'DEMO', ?, 'SUCCEEDED', ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, clip(by, 64),
                Timestamp.from(now), Timestamp.from(now), Timestamp.from(now), targets.size(), targets.size(),
                targets.stream().mapToInt(TargetResult::endpoints).sum(),
                targets.stream().mapToInt(t -> t.vpcs() + t.subnets() + t.routeTables() + t.securityGroups()
                        + t.natGateways()).sum(), targets.stream().mapToInt(TargetResult::rowsWritten).sum(),
                endpointsGone);
        for (TargetResult r : targets) {
            jdbc.update("""
                    insert into inventory_sync_target (run_id, account_id, region, status, endpoints, vpcs, subnets,
                        route_tables, security_groups, nat_gateways, rows_written, duration_ms, instance, attempts, calls)
                    values (?, ?, ?, 'SUCCEEDED', ?, ?, ?, ?, ?, ?, ?, 0, 'demo seed', 1, 0)""", id, r.accountId(),
                    r.region(), r.endpoints(), r.vpcs(), r.subnets(), r.routeTables(), r.securityGroups(),
                    r.natGateways(), r.rowsWritten());
        }
        return id;
    }

    /** Whether the inventory holds rows a demo seed wrote (any run with trigger {@code DEMO}). */
    public boolean demoSeeded() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from inventory_sync_run "
                + "where trigger = 'DEMO')", Boolean.class));
    }

    /** Whether the run has ended (read inside the transaction that may just have closed it). */
    boolean closedNow(UUID run) {
        return !"RUNNING".equals(jdbc.queryForObject("select status from inventory_sync_run where id = ?", String.class,
                run));
    }

    /**
     * Marks the run cancelled by {@code by}, drops its pending units and closes it when none is running; running
     * units finish and the last one closes it. False when the run is not running (any more).
     */
    @Transactional
    public boolean cancel(UUID run, String by, Instant now) {
        if (jdbc.update("update inventory_sync_run set cancel_requested_by = ?, cancel_requested_at = ? "
                + "where id = ? and status = 'RUNNING' and cancel_requested_at is null", clip(by, 64),
                Timestamp.from(now), run) == 0) {
            return false;
        }
        units.cancelPending(run);
        closeIfDone(run, now);
        return true;
    }

    /** Closes a run that could not be started (its targets could not be listed). */
    void failed(UUID run, String error, Instant now) {
        units.cancelPending(run);
        jdbc.update("update inventory_sync_run set status = 'FAILED', finished_at = ?, error = ? where id = ? "
                + "and status = 'RUNNING'", Timestamp.from(now), clip(error, 2000), run);
    }

    public Optional<SyncRunSummary> find(UUID run) {
        return jdbc.query("select " + COLUMNS + " from inventory_sync_run where id = ?", this::run, run).stream()
                .findFirst();
    }

    public Optional<SyncRunSummary> running(String kind) {
        return jdbc.query("select " + COLUMNS + " from inventory_sync_run where status = 'RUNNING' and kind = ?",
                this::run, kind).stream().findFirst();
    }

    public List<SyncRunSummary> recent(String kind, int limit) {
        return jdbc.query("select " + COLUMNS + " from inventory_sync_run where kind = ? "
                + "order by started_at desc, id limit ?", this::run, kind, limit);
    }

    private SyncRunSummary run(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<TargetResult> targets = jdbc.query("""
                select account_id, region, status, endpoints, vpcs, subnets, route_tables, security_groups,
                    nat_gateways, rows_written, duration_ms, error_code, error, instance, attempts, calls
                from inventory_sync_target where run_id = ? order by account_id, region""",
                (t, i) -> new TargetResult(t.getString(1), t.getString(2), t.getString(3), t.getInt(4), t.getInt(5),
                        t.getInt(6), t.getInt(7), t.getInt(8), t.getInt(9), t.getInt(10), t.getInt(11),
                        t.getString(12), t.getString(13), t.getString(14), t.getInt(15), t.getInt(16)), id);
        Instant started = instant(rs, "started_at");
        Instant finished = instant(rs, "finished_at");
        String status = rs.getString("status");
        int total = rs.getInt("targets_total");
        int done = rs.getInt("targets_done");
        int cancelled = "RUNNING".equals(status) ? units.cancelled(id) : rs.getInt("targets_cancelled");
        long calls = rs.getLong("calls");
        // the rates of a running run are taken against the database's clock, as its timestamps are
        double seconds = Math.max(0.001, Duration.between(started, finished != null ? finished
                : jdbc.queryForObject("select now()", Timestamp.class).toInstant()).toMillis() / 1000.0);
        Long etaSeconds = !"RUNNING".equals(status) ? Long.valueOf(0) : done == 0 ? null
                : Long.valueOf(Math.round(seconds / done * Math.max(0, total - done - cancelled)));
        Date day = rs.getDate("day");
        return new SyncRunSummary(id, rs.getString("kind"), day == null ? null : day.toLocalDate(),
                rs.getString("trigger"), rs.getString("requested_by"), status, started, finished, total, done,
                rs.getInt("targets_failed"), cancelled, calls, Math.round(calls / seconds * 10) / 10.0, etaSeconds,
                rs.getInt("endpoints_seen"), rs.getInt("resources_seen"), rs.getInt("rows_written"),
                rs.getInt("endpoints_gone"), rs.getString("error"), rs.getString("cancel_requested_by"),
                units.instances(id), targets);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
