package io.vpcportal.approval;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The approval of a request as the approval view shows it. */
public record ApprovalCaseDetails(UUID requestId, int round, CaseStatus status, int currentStage, boolean automatic,
        List<String> matchedRules, Instant submittedAt, Instant decidedAt, List<StageDetails> stages,
        List<DecisionDetails> earlierRounds) {

    /** Whether a decision of this round carries a comment (shown with the decision, in the approval card). */
    public boolean hasDecisionComments() {
        return stages.stream().flatMap(s -> s.decisions().stream())
                .anyMatch(d -> d.comment() != null && !d.comment().isBlank());
    }

    public record StageDetails(int position, String approverTeam, ApprovalMode mode, StageStatus status,
            Instant startedAt, Instant completedAt, List<DecisionDetails> decisions, List<String> eligibleApprovers) {
    }

    public record DecisionDetails(int round, int stage, String decidedBy, Decision decision, String comment,
            Instant decidedAt) {
    }
}
