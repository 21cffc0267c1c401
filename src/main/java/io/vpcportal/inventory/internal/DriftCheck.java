package io.vpcportal.inventory.internal;

import io.vpcportal.inventory.DriftReport;
import io.vpcportal.inventory.EndpointDriftDetected;
import io.vpcportal.inventory.internal.Drift.Actual;
import io.vpcportal.policy.PolicyManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * After a region's sync: compares each managed endpoint of the region with its baseline in one query, writes
 * only the rows whose drift changed, and announces endpoints that drifted since the last look.
 */
@Component
public class DriftCheck {

    private final JdbcTemplate jdbc;
    private final PolicyManagement policies;
    private final ApplicationEventPublisher events;

    DriftCheck(JdbcTemplate jdbc, PolicyManagement policies, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.events = events;
    }

    record Checked(String endpointId, UUID requestId, boolean wasDrift, String wasSummary, DriftReport report) {
    }

    /** Rows written. */
    @Transactional
    public int check(String accountId, String region) {
        List<Checked> checked = jdbc.query("""
                select e.vpc_endpoint_id, e.request_id, e.drift, e.drift_summary, e.endpoint_type, e.state, e.gone_at,
                    e.policy as actual_policy,
                    e.route_table_ids as actual_rt, e.subnet_ids as actual_subnets, e.security_group_ids as actual_sg,
                    e.private_dns as actual_dns, e.tags as actual_tags, b.*
                from inventory_endpoint e join inventory_baseline b on b.vpc_endpoint_id = e.vpc_endpoint_id
                where e.account_id = ? and e.region = ?""", (rs, n) -> new Checked(rs.getString(1),
                rs.getObject(2, UUID.class), rs.getBoolean(3), rs.getString(4), Drift.compare(Baselines.approved(rs, n),
                new Actual(rs.getString("endpoint_type"), rs.getString("state"), rs.getTimestamp("gone_at") != null,
                        rs.getString("actual_policy"),
                        Baselines.list(rs.getArray("actual_rt")), Baselines.list(rs.getArray("actual_subnets")),
                        Baselines.list(rs.getArray("actual_sg")), rs.getBoolean("actual_dns"),
                        Baselines.tags(rs.getString("actual_tags"))), policies)),
                accountId, region);
        List<Object[]> changes = new ArrayList<>();
        for (Checked c : checked) {
            String summary = Drift.summary(c.report());
            if (c.wasDrift() != c.report().drifted() || !Objects.equals(c.wasSummary(), summary)) {
                changes.add(new Object[] {c.report().drifted(), summary, c.endpointId()});
                if (c.report().drifted() && !c.wasDrift()) {
                    events.publishEvent(new EndpointDriftDetected(c.endpointId(), c.requestId(), accountId, region,
                            summary));
                }
            }
        }
        if (!changes.isEmpty()) {
            jdbc.batchUpdate("update inventory_endpoint set drift = ?, drift_summary = ? where vpc_endpoint_id = ?",
                    changes);
        }
        return changes.size();
    }
}
