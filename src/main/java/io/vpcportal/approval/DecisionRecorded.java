package io.vpcportal.approval;

import java.util.UUID;

/** An approver decided on a stage of a request. */
public record DecisionRecorded(UUID requestId, int round, int stage, String decidedBy, Decision decision,
        String comment) {
}
