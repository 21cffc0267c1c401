package io.vpcportal.policy;

/** Which kind of document is being judged: their rules and size limits differ. */
public enum PolicyKind {
    /** Attached to a VPC endpoint: at most 20,480 characters, must name a principal. */
    ENDPOINT,
    /** Attached to an S3 bucket: at most 20 KB. */
    BUCKET
}
