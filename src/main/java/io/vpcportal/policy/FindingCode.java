package io.vpcportal.policy;

/**
 * Stable codes of the policy findings. Clients may rely on them; messages may change. The severity of some codes
 * depends on the policy kind (a wildcard principal without condition is a warning in an endpoint policy but an
 * error in a bucket policy, where it makes the bucket public).
 */
public enum FindingCode {
    /** The document breaks the IAM policy grammar (or is not JSON at all). */
    GRAMMAR,
    /** A condition operator that IAM does not know. */
    UNKNOWN_CONDITION_OPERATOR,
    /** No {@code Version}: IAM then uses 2008-10-17, without policy variables. */
    MISSING_VERSION,
    /** Longer than the 20,480 characters of an endpoint policy or the 20 KB of a bucket policy. */
    SIZE_LIMIT,
    /** A statement of an endpoint or bucket policy without {@code Principal} or {@code NotPrincipal}. */
    MISSING_PRINCIPAL,
    /** A construct AWS rejects in endpoint policies only (wildcards on system-generated identifiers, ...). */
    ENDPOINT_POLICY_RESTRICTION,
    /** An action of another service than the endpoint's (bucket policies: other than s3). */
    ACTION_NOT_IN_SERVICE,
    /** An Allow for every principal without any condition. */
    WILDCARD_PRINCIPAL_NO_CONDITION,
    /** An Allow of every action of every service on every resource. */
    ALLOW_ALL_ACTIONS,
    /** The bucket policy explicitly denies a break-glass principal. */
    BREAK_GLASS_DENIED,
    /** A bucket policy denies broadly but the account has no break-glass principal to exclude. */
    NO_BREAK_GLASS,
    /** An S3 endpoint policy that blocks the AWS-owned buckets SSM, yum/dnf and ECR need. */
    BLOCKS_AWS_OWNED_BUCKETS,
    /** An access the requester listed as needed comes out denied. */
    EXPECTED_ACCESS_DENIED,
    /** An access the requester listed as forbidden comes out allowed. */
    UNEXPECTED_ACCESS_ALLOWED,
    /** The organization perimeter was asked for, but the account has no organization id: the account is the perimeter. */
    NO_ORGANIZATION_ID,
    /** The bucket policy is staged in audit form: nothing is denied yet. */
    AUDIT_ONLY,
    /** The endpoint takes no endpoint policy (Gateway Load Balancer endpoints, partner services). */
    NO_ENDPOINT_POLICY
}
