package io.vpcportal.approval;

/** How many approvers of a stage's team must approve: one of them, or every eligible one. */
public enum ApprovalMode {
    ANY, ALL
}
