package io.vpcportal.approval;

/** What an approver decided on a stage. */
public enum Decision {
    APPROVE, REJECT, REQUEST_CHANGES
}
