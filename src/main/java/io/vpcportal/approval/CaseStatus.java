package io.vpcportal.approval;

/** Where a request's approval stands. */
public enum CaseStatus {
    PENDING, APPROVED, REJECTED, CHANGES_REQUESTED, CANCELLED, EXPIRED
}
