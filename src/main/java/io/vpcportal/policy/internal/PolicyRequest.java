package io.vpcportal.policy.internal;

import io.vpcportal.policy.AccessCheck;
import io.vpcportal.policy.BucketRestriction;
import io.vpcportal.policy.EnforcementMode;
import java.util.List;
import java.util.Map;

/**
 * An {@link io.vpcportal.policy.EndpointPolicyInput} that passed the input rules: lists sorted and without
 * duplicates, blanks turned into {@code null}, the template resolved.
 */
public record PolicyRequest(String region, String serviceName, String endpointType, PolicyTemplate template,
        List<String> buckets, List<String> tables, String customPolicy, String organizationId,
        List<String> breakGlass, String accountId, String vpcId, List<String> endpointIds,
        BucketRestriction restriction, EnforcementMode enforcement, String currentEndpointPolicy,
        Map<String, String> currentBucketPolicies, List<AccessCheck> expectedAccesses) {

    public String partition() {
        return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    public boolean s3() {
        return AwsServices.isS3(serviceName);
    }

    public boolean takesEndpointPolicy() {
        return !"GatewayLoadBalancer".equals(endpointType) && !AwsServices.isPartner(serviceName);
    }
}
