package io.vpcportal.approval;

import java.util.UUID;

/** A stage of a request became active: its approver team should look at it. */
public record ApprovalNeeded(UUID requestId, int stage, String approverTeam, ApprovalMode mode) {
}
