package io.vpcportal.policy;

import java.util.List;

/**
 * The bucket policy the portal proposes for one bucket.
 *
 * @param document        the whole policy to put with {@code PutBucketPolicy}: the policy in force (if given)
 *                        with the portal's statement merged in; {@code null} when nothing is to be written
 * @param portalStatement the portal's own statement in enforce form, also in audit mode (to show what will come)
 * @param enforcement     {@code ENFORCE} when {@code document} holds the Deny statement; {@code AUDIT} when it
 *                        does not yet
 * @param auditReport     in audit mode, the accesses the statement would deny once enforced
 * @param diff            against the policy in force, when one was given
 */
public record BucketPolicy(String bucket, String document, String portalStatement, BucketRestriction restriction,
        EnforcementMode enforcement, List<AccessDecision> auditReport, PolicyDiff diff) {

    public BucketPolicy {
        auditReport = List.copyOf(auditReport);
    }
}
