package io.vpcportal.audit.internal;

import static io.vpcportal.audit.AuditAction.APPROVAL_DECISION_RECORDED;
import static io.vpcportal.audit.AuditAction.APPROVAL_REQUESTED;
import static io.vpcportal.audit.AuditAction.APPROVAL_RULE_CHANGED;
import static io.vpcportal.audit.AuditAction.APPROVAL_RULE_CREATED;
import static io.vpcportal.audit.AuditAction.COMMENT_ADDED;
import static io.vpcportal.audit.AuditSubjectType.APPROVAL_RULE;
import static io.vpcportal.audit.AuditSubjectType.REQUEST;

import io.vpcportal.approval.ApprovalNeeded;
import io.vpcportal.approval.ApprovalRuleChanged;
import io.vpcportal.approval.CommentAdded;
import io.vpcportal.approval.DecisionRecorded;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Approval stages, decisions, comments and rule edits, each in the transaction that makes it. */
@Component
class ApprovalAuditListener {

    private static final String PORTAL = "portal";

    private final AuditWriter audit;
    private final Clock clock;

    ApprovalAuditListener(AuditWriter audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(ApprovalNeeded event) {
        audit.write(clock.instant(), PORTAL, APPROVAL_REQUESTED, REQUEST, event.requestId().toString(), null,
                AuditWriter.fields("stage", event.stage(), "approverTeam", event.approverTeam(), "mode", event.mode()),
                "Stage " + event.stage() + " waits for team " + event.approverTeam() + " (" + event.mode() + ")");
    }

    @EventListener
    void on(DecisionRecorded event) {
        audit.write(clock.instant(), event.decidedBy(), APPROVAL_DECISION_RECORDED, REQUEST,
                event.requestId().toString(), null, AuditWriter.fields("round", event.round(), "stage", event.stage(),
                        "decision", event.decision(), "comment", event.comment()),
                event.decision() + " on stage " + event.stage() + " (round " + event.round() + ")");
    }

    @EventListener
    void on(CommentAdded event) {
        audit.write(clock.instant(), event.author(), COMMENT_ADDED, REQUEST, event.requestId().toString(), null,
                AuditWriter.fields("body", event.body()), null);
    }

    @EventListener
    void on(ApprovalRuleChanged event) {
        audit.write(clock.instant(), event.by(), event.before() == null ? APPROVAL_RULE_CREATED : APPROVAL_RULE_CHANGED,
                APPROVAL_RULE, event.ruleKey(), event.before(), event.after(), "Version " + event.version());
    }
}
