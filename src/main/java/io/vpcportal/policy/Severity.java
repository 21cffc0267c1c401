package io.vpcportal.policy;

/** How much a finding matters: {@code ERROR} blocks submission, the others are shown to the approver. */
public enum Severity {
    ERROR, WARNING, SUGGESTION
}
