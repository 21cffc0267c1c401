package io.vpcportal.policy.internal;

import io.vpcportal.policy.BucketRestriction;
import java.util.Collection;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The portal's statement in a bucket policy: deny every S3 action on the bucket and its objects unless the
 * request comes through the allowed endpoints (or VPCs, or endpoints of the organization). Excluded from the
 * Deny, so that they keep working: the break-glass principals ({@code aws:PrincipalArn}), AWS service principals
 * and AWS services acting for a caller (as in AWS's data-perimeter network examples,
 * https://github.com/aws-samples/data-perimeter-policy-examples). The conditions are ANDed: the Deny applies only
 * when the request is off the allowed network and none of the exclusions holds. Requests without the keys
 * (anonymous callers) are denied too: negated operators match absent keys, and the {@code ...IfExists} form does.
 */
public final class BucketPolicyGenerator {

    /** The prefix of every statement id the portal owns in a bucket policy; others' statements never carry it. */
    public static final String PORTAL_SID_PREFIX = "VpcePortal";

    private BucketPolicyGenerator() {
    }

    public static ObjectNode statement(String partition, String bucket, BucketRestriction restriction,
            Collection<String> sources, Collection<String> breakGlass) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("A bucket restriction needs at least one allowed source");
        }
        ObjectNode condition = CanonicalJson.object();
        condition.putObject("StringNotEquals").set(restriction.conditionKey(), PolicyCanonicalizer.strings(sources));
        condition.putObject("BoolIfExists").put("aws:PrincipalIsAWSService", "false").put("aws:ViaAWSService", "false");
        if (!breakGlass.isEmpty()) {
            condition.putObject("ArnNotLike").set("aws:PrincipalArn", PolicyCanonicalizer.strings(breakGlass));
        }
        ObjectNode statement = EndpointPolicyGenerator.statement(restriction.sid(), "Deny",
                EndpointPolicyGenerator.star(), List.of("s3:*"),
                List.of("arn:" + partition + ":s3:::" + bucket, "arn:" + partition + ":s3:::" + bucket + "/*"),
                condition);
        return PolicyCanonicalizer.statement(statement);
    }
}
