package io.vpcportal.policy;

/** Staged roll-out of a bucket restriction. */
public enum EnforcementMode {
    /** Nothing is denied yet: the portal reports which accesses the statement would deny. */
    AUDIT,
    /** The Deny statement is written into the bucket policy. */
    ENFORCE
}
