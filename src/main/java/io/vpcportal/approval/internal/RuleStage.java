package io.vpcportal.approval.internal;

import io.vpcportal.approval.ApprovalMode;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

@Embeddable
public class RuleStage {

    @Column(nullable = false)
    private int position;

    @Column(name = "approver_team", nullable = false)
    private String approverTeam;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApprovalMode mode;

    protected RuleStage() {
    }

    public RuleStage(int position, String approverTeam, ApprovalMode mode) {
        this.position = position;
        this.approverTeam = approverTeam;
        this.mode = mode;
    }

    public int position() { return position; }
    public String approverTeam() { return approverTeam; }
    public ApprovalMode mode() { return mode; }
}
