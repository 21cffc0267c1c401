package io.vpcportal.approval;

import io.vpcportal.approval.internal.ApprovalProperties;
import io.vpcportal.approval.internal.ApprovalCaseRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stages that wait for a decision, and the SLA approvers are held to ({@code portal.approval.sla-hours}). */
@Service
@Transactional(readOnly = true)
public class WaitingStages {

    /** The active stage of a pending request: {@code round} counts resubmissions, {@code since} when it started. */
    public record WaitingStage(UUID requestId, int round, int stage, String approverTeam, Instant since) {
    }

    private final ApprovalCaseRepository cases;
    private final ApprovalProperties properties;

    WaitingStages(ApprovalCaseRepository cases, ApprovalProperties properties) {
        this.cases = cases;
        this.properties = properties;
    }

    public Duration sla() {
        return Duration.ofHours(properties.slaHours());
    }

    /** Active stages that started at or before {@code now} minus the SLA, oldest request first. */
    public List<WaitingStage> overSla(Instant now) {
        Instant limit = now.minus(sla());
        return cases.findByStatusOrderBySubmittedAtAsc(CaseStatus.PENDING).stream()
                .flatMap(c -> c.activeStage().stream().map(s -> new WaitingStage(c.requestId(), c.round(),
                        s.position(), s.approverTeam(), s.startedAt() == null ? c.submittedAt() : s.startedAt())))
                .filter(w -> !w.since().isAfter(limit))
                .toList();
    }
}
