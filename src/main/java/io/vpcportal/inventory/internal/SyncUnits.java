package io.vpcportal.inventory.internal;

import io.vpcportal.inventory.SyncRunSummary;
import io.vpcportal.inventory.UnitWork.Unit;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The units of work of sync runs, in {@code inventory_sync_unit}. Claims use {@code FOR UPDATE SKIP LOCKED}, so
 * instances polling at once take different units; a claim is a lease the claiming instance renews while it works.
 * Every state change of a unit is guarded by its current status and claimant, so an instance that lost its lease
 * (it stalled, another one took the unit over) cannot overwrite the new claimant's outcome.
 */
@Component
public class SyncUnits {

    private final JdbcTemplate jdbc;

    SyncUnits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void create(UUID run, List<String[]> targets, Instant now) {
        jdbc.batchUpdate("insert into inventory_sync_unit (run_id, account_id, region, status, not_before) "
                + "values (?, ?, ?, 'PENDING', ?)", targets.stream()
                .map(t -> new Object[] {run, t[0], t[1], Timestamp.from(now)}).toList());
    }

    /**
     * Up to {@code max} units for {@code instance}: pending ones that may start, and running ones whose lease ran
     * out (their instance died or stalled), of runs still running and not being cancelled.
     */
    List<Unit> claim(String instance, int max, Duration lease, Instant now) {
        if (max < 1) {
            return List.of();
        }
        return jdbc.query("""
                update inventory_sync_unit u set status = 'RUNNING', claimed_by = ?, lease_until = ?,
                    attempts = u.attempts + 1
                from (select c.run_id, c.account_id, c.region from inventory_sync_unit c
                      join inventory_sync_run r on r.id = c.run_id
                      where r.status = 'RUNNING' and r.cancel_requested_at is null
                        and ((c.status = 'PENDING' and c.not_before <= ?) or (c.status = 'RUNNING' and c.lease_until < ?))
                      order by c.not_before, c.run_id, c.account_id, c.region
                      limit ? for update of c skip locked) picked
                where u.run_id = picked.run_id and u.account_id = picked.account_id and u.region = picked.region
                returning u.run_id, (select kind from inventory_sync_run where id = u.run_id),
                    (select day from inventory_sync_run where id = u.run_id), u.account_id, u.region, u.attempts""",
                (rs, n) -> new Unit(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5),
                        rs.getInt(6)),
                instance, Timestamp.from(now.plus(lease)), Timestamp.from(now), Timestamp.from(now), max);
    }

    /** Extends the leases of the units {@code instance} is running, and the heartbeat of their runs. */
    void renew(String instance, Duration lease, Instant now) {
        jdbc.update("update inventory_sync_unit set lease_until = ? where claimed_by = ? and status = 'RUNNING'",
                Timestamp.from(now.plus(lease)), instance);
        jdbc.update("update inventory_sync_run set heartbeat_at = ? where status = 'RUNNING' and id in "
                + "(select run_id from inventory_sync_unit where claimed_by = ? and status = 'RUNNING')",
                Timestamp.from(now), instance);
    }

    /** Marks the unit done; false when {@code instance} no longer holds it (taken over), so its outcome is dropped. */
    boolean done(Unit unit, String instance) {
        return jdbc.update("update inventory_sync_unit set status = 'DONE', lease_until = null where run_id = ? "
                + "and account_id = ? and region = ? and status = 'RUNNING' and claimed_by = ?", unit.run(),
                unit.accountId(), unit.region(), instance) == 1;
    }

    /**
     * Puts a throttled unit back, to be claimed again from {@code notBefore} on (by any instance); a unit of a run
     * being cancelled is cancelled instead. False when {@code instance} no longer holds it.
     */
    boolean retryLater(Unit unit, String instance, Instant notBefore, String error) {
        return jdbc.update("""
                update inventory_sync_unit u set claimed_by = null, lease_until = null, not_before = ?, last_error = ?,
                    status = case when (select cancel_requested_at from inventory_sync_run where id = u.run_id) is null
                                  then 'PENDING' else 'CANCELLED' end
                where run_id = ? and account_id = ? and region = ? and status = 'RUNNING' and claimed_by = ?""",
                Timestamp.from(notBefore), clip(error), unit.run(), unit.accountId(), unit.region(), instance) == 1;
    }

    /** Drops the run's pending units; running ones finish. How many were dropped. */
    int cancelPending(UUID run) {
        return jdbc.update("update inventory_sync_unit set status = 'CANCELLED' where run_id = ? and status = 'PENDING'",
                run);
    }

    /** Drops every unit still open of runs that are no longer running (closed as abandoned). */
    void dropOrphans() {
        jdbc.update("update inventory_sync_unit u set status = 'CANCELLED' where status in ('PENDING', 'RUNNING') "
                + "and exists (select 1 from inventory_sync_run r where r.id = u.run_id and r.status <> 'RUNNING')");
    }

    /** Which instances took units of the run, and how many each. */
    List<SyncRunSummary.InstanceShare> instances(UUID run) {
        return jdbc.query("""
                select claimed_by, count(*) filter (where status = 'DONE'), count(*) filter (where status = 'RUNNING')
                from inventory_sync_unit where run_id = ? and claimed_by is not null
                group by claimed_by order by claimed_by""",
                (rs, n) -> new SyncRunSummary.InstanceShare(rs.getString(1), rs.getInt(2), rs.getInt(3)), run);
    }

    int cancelled(UUID run) {
        return jdbc.queryForObject("select count(*) from inventory_sync_unit where run_id = ? and status = 'CANCELLED'",
                Integer.class, run);
    }

    private static String clip(String value) {
        return value == null || value.length() <= 2000 ? value : value.substring(0, 1999) + "…";
    }
}
