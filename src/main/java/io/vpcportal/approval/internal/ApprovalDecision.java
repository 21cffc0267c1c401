package io.vpcportal.approval.internal;

import io.vpcportal.approval.Decision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One approver's decision on one stage of one round. Never changed once written. */
@Entity
@Table(name = "approval_decision")
public class ApprovalDecision {

    @Id
    private UUID id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private UUID requestId;

    @Column(nullable = false, updatable = false)
    private int round;

    @Column(name = "stage_position", nullable = false, updatable = false)
    private int stagePosition;

    @Column(name = "decided_by", nullable = false, updatable = false)
    private UUID decidedBy;

    @Column(name = "decided_by_name", nullable = false, updatable = false)
    private String decidedByName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Decision decision;

    @Column(updatable = false)
    private String comment;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    protected ApprovalDecision() {
    }

    ApprovalDecision(UUID requestId, int round, int stagePosition, UUID decidedBy, String decidedByName,
            Decision decision, String comment, Instant decidedAt) {
        this.id = UUID.randomUUID();
        this.requestId = requestId;
        this.round = round;
        this.stagePosition = stagePosition;
        this.decidedBy = decidedBy;
        this.decidedByName = decidedByName;
        this.decision = decision;
        this.comment = comment;
        this.decidedAt = decidedAt;
    }

    public int round() { return round; }
    public int stagePosition() { return stagePosition; }
    public UUID decidedBy() { return decidedBy; }
    public String decidedByName() { return decidedByName; }
    public Decision decision() { return decision; }
    public String comment() { return comment; }
    public Instant decidedAt() { return decidedAt; }
}
