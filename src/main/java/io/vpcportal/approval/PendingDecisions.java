package io.vpcportal.approval;

import io.vpcportal.approval.internal.ApprovalProperties;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.identity.Role;
import io.vpcportal.shared.TeamId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many decisions wait for an approver, in one query: the requests the approvals inbox lists (pending, on a
 * stage of one of the approver's teams, not their own, not yet decided by them in this round), counted, with the
 * oldest submission and how many passed the decision SLA ({@code portal.approval.sla-hours}). Cheap enough for
 * every page's menu badge.
 */
@Component
public class PendingDecisions {

    private static final String COUNT = """
            select count(*) as waiting, min(c.submitted_at) as oldest,
                   count(*) filter (where c.submitted_at <= :slaLimit) as over_sla
            from approval_case c
            join approval_case_stage s on s.request_id = c.request_id and s.position = c.current_stage
            where c.status = 'PENDING' and c.requester_id <> :me and s.approver_team in (:teams)
              and not exists (select 1 from approval_decision d where d.request_id = c.request_id
                              and d.round = c.round and d.stage_position = c.current_stage and d.decided_by = :me)""";

    private final NamedParameterJdbcTemplate jdbc;
    private final ApprovalProperties properties;
    private final Clock clock;

    PendingDecisions(NamedParameterJdbcTemplate jdbc, ApprovalProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** What waits for {@code approver}; nothing for a user without the APPROVER role or without a team. */
    public Summary of(PortalPrincipal approver) {
        Instant now = clock.instant();
        if (!approver.hasRole(Role.APPROVER) || approver.teams().isEmpty()) {
            return new Summary(0, null, 0, properties.slaHours(), now);
        }
        List<String> teams = approver.teams().stream().map(TeamId::value).toList();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("me", approver.id().value())
                .addValue("teams", teams)
                .addValue("slaLimit", Timestamp.from(now.minus(Duration.ofHours(properties.slaHours()))));
        return jdbc.queryForObject(COUNT, params, (rs, row) -> {
            Timestamp oldest = rs.getTimestamp("oldest");
            return new Summary(rs.getLong("waiting"), oldest == null ? null : oldest.toInstant(),
                    rs.getLong("over_sla"), properties.slaHours(), now);
        });
    }

    /**
     * @param waiting       decisions the approver may take now
     * @param oldestSince   when the longest-waiting of them was submitted; null when none waits
     * @param overSla       how many of them were submitted more than {@code slaHours} ago
     * @param slaHours      the decision SLA the portal is configured with
     */
    public record Summary(long waiting, Instant oldestSince, long overSla, int slaHours, Instant now) {

        /** Hours the oldest one has waited; 0 when none waits. */
        public long oldestAgeHours() {
            return oldestSince == null ? 0 : Duration.between(oldestSince, now).toHours();
        }

        /** The oldest one's wait in words: "45 minutes", "5 hours", "3 days". */
        public String oldestAge() {
            if (oldestSince == null) {
                return "";
            }
            Duration age = Duration.between(oldestSince, now);
            if (age.toHours() < 1) {
                long minutes = Math.max(age.toMinutes(), 0);
                return minutes + (minutes == 1 ? " minute" : " minutes");
            }
            if (age.toHours() < 48) {
                return age.toHours() + (age.toHours() == 1 ? " hour" : " hours");
            }
            return age.toDays() + " days";
        }
    }
}
