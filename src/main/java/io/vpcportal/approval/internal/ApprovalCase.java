package io.vpcportal.approval.internal;

import io.vpcportal.approval.ApprovalMode;
import io.vpcportal.approval.CaseStatus;
import io.vpcportal.approval.Decision;
import io.vpcportal.approval.StageDefinition;
import io.vpcportal.approval.StageStatus;
import io.vpcportal.platform.ConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The approval of one request: its stages for the current round and every decision ever taken. It decides
 * when a stage is complete, under the separation-of-duties rule that a stage needs at least one approval
 * from outside the requesting team.
 */
@Entity
@Table(name = "approval_case")
public class ApprovalCase {

    @Id
    @Column(name = "request_id")
    private UUID requestId;

    @Column(nullable = false)
    private int round;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;

    @Column(name = "current_stage", nullable = false)
    private int currentStage;

    @Column(name = "requester_id", nullable = false)
    private UUID requesterId;

    @Column(name = "requester_team", nullable = false)
    private String requesterTeam;

    @Column(nullable = false)
    private boolean automatic;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "matched_rules", nullable = false, columnDefinition = "varchar(200)[]")
    private String[] matchedRules;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Version
    private Long version;

    // sub-selects: a list of cases loads all their stages in one statement, and all their decisions in another
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "approval_case_stage", joinColumns = @JoinColumn(name = "request_id"))
    @OrderBy("position")
    private List<CaseStage> stages = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @JoinColumn(name = "request_id", insertable = false, updatable = false)
    @OrderBy("decidedAt")
    private List<ApprovalDecision> decisions = new ArrayList<>();

    protected ApprovalCase() {
    }

    public ApprovalCase(UUID requestId, UUID requesterId, String requesterTeam) {
        this.requestId = requestId;
        this.requesterId = requesterId;
        this.requesterTeam = requesterTeam;
        this.round = 0;
        this.matchedRules = new String[0];
        this.status = CaseStatus.PENDING;
    }

    /** A (re)submission: a new round with fresh stages; decisions of earlier rounds no longer count. */
    public void startRound(List<StageDefinition> definitions, List<String> rules, boolean automatic, Instant now) {
        if (round > 0 && status == CaseStatus.PENDING) {
            throw new ConflictException("The request is already waiting for approval");
        }
        round++;
        this.automatic = automatic;
        this.matchedRules = rules.toArray(String[]::new);
        this.submittedAt = now;
        this.decidedAt = null;
        this.stages.clear();
        int position = 1;
        for (StageDefinition d : definitions) {
            stages.add(new CaseStage(position++, d.approverTeam().value(), d.mode()));
        }
        if (automatic || stages.isEmpty()) {
            this.status = CaseStatus.APPROVED;
            this.currentStage = 0;
            this.decidedAt = now;
        } else {
            this.status = CaseStatus.PENDING;
            this.currentStage = 1;
            stages.get(0).activate(now);
        }
    }

    /**
     * Records a decision on the current stage and moves the case on. {@code eligible} are the ids of the
     * stage team's approvers (for ALL), {@code requesterTeamMembers} those of them who belong to the
     * requesting team.
     */
    public CaseStatus decide(UUID by, String byName, Decision decision, String comment, Set<UUID> eligible,
            Set<UUID> requesterTeamMembers, Instant now) {
        CaseStage stage = activeStage().orElseThrow(() -> new ConflictException(
                "This request is not waiting for a decision (" + status + ")"));
        if (by.equals(requesterId)) {
            throw new ConflictException("The requester cannot decide on the request");
        }
        boolean already = decisions.stream().anyMatch(d -> d.round() == round
                && d.stagePosition() == stage.position() && d.decidedBy().equals(by));
        if (already) {
            throw new ConflictException("You already decided on stage " + stage.position() + " of this request");
        }
        decisions.add(new ApprovalDecision(requestId, round, stage.position(), by, byName, decision, comment, now));
        switch (decision) {
            case REJECT -> {
                stage.complete(StageStatus.REJECTED, now);
                finish(CaseStatus.REJECTED, now);
            }
            case REQUEST_CHANGES -> finish(CaseStatus.CHANGES_REQUESTED, now);
            case APPROVE -> {
                if (stageComplete(stage, eligible, requesterTeamMembers)) {
                    stage.complete(StageStatus.APPROVED, now);
                    if (stage.position() == stages.size()) {
                        finish(CaseStatus.APPROVED, now);
                    } else {
                        currentStage = stage.position() + 1;
                        stages.get(currentStage - 1).activate(now);
                    }
                }
            }
        }
        return status;
    }

    private boolean stageComplete(CaseStage stage, Set<UUID> eligible, Set<UUID> requesterTeamMembers) {
        List<UUID> approvers = approvalsOf(stage.position()).stream().map(ApprovalDecision::decidedBy).toList();
        boolean outsider = approvers.stream().anyMatch(a -> !requesterTeamMembers.contains(a));
        if (!outsider) {
            return false;
        }
        if (stage.mode() == ApprovalMode.ANY) {
            return true;
        }
        return eligible.stream().filter(e -> !e.equals(requesterId)).allMatch(approvers::contains);
    }

    private List<ApprovalDecision> approvalsOf(int position) {
        return decisions.stream().filter(d -> d.round() == round && d.stagePosition() == position
                && d.decision() == Decision.APPROVE).toList();
    }

    /** The request left approval some other way (cancelled, expired), waiting for approvers or for changes. */
    public void close(CaseStatus outcome, Instant now) {
        if (status == CaseStatus.PENDING || status == CaseStatus.CHANGES_REQUESTED) {
            finish(outcome, now);
        }
    }

    private void finish(CaseStatus outcome, Instant now) {
        status = outcome;
        decidedAt = now;
    }

    public Optional<CaseStage> activeStage() {
        if (status != CaseStatus.PENDING || currentStage < 1 || currentStage > stages.size()) {
            return Optional.empty();
        }
        return Optional.of(stages.get(currentStage - 1));
    }

    public UUID requestId() { return requestId; }
    public int round() { return round; }
    public CaseStatus status() { return status; }
    public int currentStage() { return currentStage; }
    public UUID requesterId() { return requesterId; }
    public String requesterTeam() { return requesterTeam; }
    public boolean automatic() { return automatic; }
    public List<String> matchedRules() { return List.of(matchedRules); }
    public Instant submittedAt() { return submittedAt; }
    public Instant decidedAt() { return decidedAt; }
    public List<CaseStage> stages() { return List.copyOf(stages); }
    public List<ApprovalDecision> decisions() { return List.copyOf(decisions); }
}
