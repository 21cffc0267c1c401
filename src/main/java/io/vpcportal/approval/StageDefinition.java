package io.vpcportal.approval;

import io.vpcportal.shared.TeamId;

/** One stage a rule asks for: which team approves, and whether one or all of its approvers must. */
public record StageDefinition(TeamId approverTeam, ApprovalMode mode) {
}
