package io.vpcportal.organization.internal;

import io.vpcportal.organization.DiscoveryReport;
import io.vpcportal.organization.DiscoveryRun;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The history of discovery runs: a row when one starts, its counts or error when it ends; only the newest are kept. */
@Repository
public class DiscoveryRunStore {

    private final JdbcClient jdbc;

    DiscoveryRunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void started(UUID id, Instant at, String by, boolean dryRun) {
        jdbc.sql("insert into organization_discovery_run (id, started_at, started_by, dry_run) values (?, ?, ?, ?)")
                .params(id, Timestamp.from(at), by, dryRun).update();
    }

    public void finished(DiscoveryReport report, int keep) {
        jdbc.sql("""
                update organization_discovery_run set finished_at = ?, listed = ?, added = ?, updated = ?,
                    deactivated = ?, unchanged = ?, error = ? where id = ?""")
                .params(Timestamp.from(report.finishedAt()), report.listed(), report.added().size(),
                        report.updated().size(), report.deactivated().size(), report.unchanged().size(),
                        report.error() == null ? null : clip(report.error()), report.runId())
                .update();
        jdbc.sql("""
                delete from organization_discovery_run where id not in
                    (select id from organization_discovery_run order by started_at desc limit ?)""")
                .param(keep).update();
    }

    public List<DiscoveryRun> recent(int limit) {
        return jdbc.sql("""
                select id, started_at, finished_at, started_by, dry_run, listed, added, updated, deactivated, unchanged,
                       error
                from organization_discovery_run order by started_at desc limit ?""").param(limit)
                .query((rs, n) -> new DiscoveryRun(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getString(4),
                        rs.getBoolean(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                        rs.getString(11)))
                .list();
    }

    private static String clip(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }
}
