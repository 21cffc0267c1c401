package io.vpcportal.inventory;

import io.vpcportal.inventory.SyncRunSummary.TargetResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The run history. A partial unique index allows one RUNNING run across every portal instance: claiming a
 * run is an insert that fails while another one runs, so no lock has to outlive a connection.
 */
@Component
class SyncRuns {

    private static final String COLUMNS = "id, trigger, requested_by, status, started_at, finished_at, targets_total, "
            + "targets_done, targets_failed, endpoints_seen, resources_seen, rows_written, endpoints_gone, error";

    private final JdbcTemplate jdbc;

    SyncRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new RUNNING run, or empty while another one runs. A run whose instance died is closed first. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Optional<UUID> claim(String trigger, String by, Instant now, Duration abandonedAfter) {
        jdbc.update("update inventory_sync_run set status = 'FAILED', finished_at = ?, error = 'abandoned: no "
                + "heartbeat since ' || heartbeat_at where status = 'RUNNING' and heartbeat_at < ?",
                Timestamp.from(now), Timestamp.from(now.minus(abandonedAfter)));
        UUID id = UUID.randomUUID();
        try {
            jdbc.update("insert into inventory_sync_run (id, trigger, requested_by, status, started_at, heartbeat_at) "
                    + "values (?, ?, ?, 'RUNNING', ?, ?)", id, trigger, clip(by, 64), Timestamp.from(now),
                    Timestamp.from(now));
            return Optional.of(id);
        } catch (DuplicateKeyException running) {
            return Optional.empty();
        }
    }

    void started(UUID run, int targets, Instant now) {
        jdbc.update("update inventory_sync_run set targets_total = ?, heartbeat_at = ? where id = ?", targets,
                Timestamp.from(now), run);
    }

    void targetDone(UUID run, TargetResult r, int endpointsGone, Instant now) {
        jdbc.update("""
                insert into inventory_sync_target (run_id, account_id, region, status, endpoints, vpcs, subnets,
                    route_tables, security_groups, nat_gateways, rows_written, duration_ms, error_code, error)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", run, r.accountId(), r.region(), r.status(),
                r.endpoints(), r.vpcs(), r.subnets(), r.routeTables(), r.securityGroups(), r.natGateways(),
                r.rowsWritten(), r.durationMs(), clip(r.errorCode(), 100), clip(r.error(), 2000));
        boolean failed = "FAILED".equals(r.status());
        jdbc.update("""
                update inventory_sync_run set targets_done = targets_done + 1, targets_failed = targets_failed + ?,
                    endpoints_seen = endpoints_seen + ?, resources_seen = resources_seen + ?,
                    rows_written = rows_written + ?, endpoints_gone = endpoints_gone + ?, heartbeat_at = ?
                where id = ?""", failed ? 1 : 0, r.endpoints(),
                r.vpcs() + r.subnets() + r.routeTables() + r.securityGroups() + r.natGateways(), r.rowsWritten(),
                endpointsGone, Timestamp.from(now), run);
    }

    void finish(UUID run, String error, Instant now) {
        jdbc.update("""
                update inventory_sync_run set finished_at = ?, heartbeat_at = ?, error = ?,
                    status = case when cast(? as text) is not null or (targets_failed > 0 and targets_failed = targets_total)
                                  then 'FAILED' when targets_failed > 0 then 'PARTIAL' else 'SUCCEEDED' end
                where id = ? and status = 'RUNNING'""", Timestamp.from(now), Timestamp.from(now), clip(error, 2000),
                error, run);
    }

    Optional<SyncRunSummary> find(UUID run) {
        return jdbc.query("select " + COLUMNS + " from inventory_sync_run where id = ?", this::run, run).stream()
                .findFirst();
    }

    Optional<SyncRunSummary> running() {
        return jdbc.query("select " + COLUMNS + " from inventory_sync_run where status = 'RUNNING'", this::run)
                .stream().findFirst();
    }

    List<SyncRunSummary> recent(int limit) {
        return jdbc.query("select " + COLUMNS + " from inventory_sync_run order by started_at desc, id limit ?",
                this::run, limit);
    }

    private SyncRunSummary run(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<TargetResult> targets = jdbc.query("""
                select account_id, region, status, endpoints, vpcs, subnets, route_tables, security_groups,
                    nat_gateways, rows_written, duration_ms, error_code, error
                from inventory_sync_target where run_id = ? order by account_id, region""",
                (t, i) -> new TargetResult(t.getString(1), t.getString(2), t.getString(3), t.getInt(4), t.getInt(5),
                        t.getInt(6), t.getInt(7), t.getInt(8), t.getInt(9), t.getInt(10), t.getInt(11),
                        t.getString(12), t.getString(13)), id);
        return new SyncRunSummary(id, rs.getString("trigger"), rs.getString("requested_by"), rs.getString("status"),
                instant(rs, "started_at"), instant(rs, "finished_at"), rs.getInt("targets_total"),
                rs.getInt("targets_done"), rs.getInt("targets_failed"), rs.getInt("endpoints_seen"),
                rs.getInt("resources_seen"), rs.getInt("rows_written"), rs.getInt("endpoints_gone"),
                rs.getString("error"), targets);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
