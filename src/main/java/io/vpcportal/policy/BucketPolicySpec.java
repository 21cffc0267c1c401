package io.vpcportal.policy;

import java.util.List;

/**
 * The portal's restriction for one bucket, to merge into the bucket policy in force.
 *
 * @param sources     endpoint ids ({@code SOURCE_VPCE}), VPC ids ({@code SOURCE_VPC}) or the organization id
 *                    ({@code VPCE_ORG_ID}) that may reach the bucket; merged with those already in the portal's
 *                    statement when it uses the same restriction
 * @param breakGlass  principal ARNs the Deny never applies to (replaces the list in the statement)
 */
public record BucketPolicySpec(String bucket, BucketRestriction restriction, List<String> sources,
        List<String> breakGlass, EnforcementMode enforcement) {

    public BucketPolicySpec {
        sources = sources == null ? List.of() : sources;
        breakGlass = breakGlass == null ? List.of() : breakGlass;
        restriction = restriction == null ? BucketRestriction.SOURCE_VPCE : restriction;
        enforcement = enforcement == null ? EnforcementMode.ENFORCE : enforcement;
    }
}
