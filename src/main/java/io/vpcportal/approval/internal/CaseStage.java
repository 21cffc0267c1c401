package io.vpcportal.approval.internal;

import io.vpcportal.approval.ApprovalMode;
import io.vpcportal.approval.StageStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** One stage of a request's approval, as it stands. */
@Embeddable
public class CaseStage {

    @Column(nullable = false)
    private int position;

    @Column(name = "approver_team", nullable = false)
    private String approverTeam;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApprovalMode mode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StageStatus status;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected CaseStage() {
    }

    CaseStage(int position, String approverTeam, ApprovalMode mode) {
        this.position = position;
        this.approverTeam = approverTeam;
        this.mode = mode;
        this.status = StageStatus.WAITING;
    }

    void activate(Instant now) {
        status = StageStatus.ACTIVE;
        startedAt = now;
    }

    void complete(StageStatus outcome, Instant now) {
        status = outcome;
        completedAt = now;
    }

    public int position() { return position; }
    public String approverTeam() { return approverTeam; }
    public ApprovalMode mode() { return mode; }
    public StageStatus status() { return status; }
    public Instant startedAt() { return startedAt; }
    public Instant completedAt() { return completedAt; }
}
