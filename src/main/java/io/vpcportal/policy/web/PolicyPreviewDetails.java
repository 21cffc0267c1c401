package io.vpcportal.policy.web;

import io.vpcportal.policy.AccessDecision;
import io.vpcportal.policy.BucketPolicy;
import io.vpcportal.policy.Finding;
import io.vpcportal.policy.GeneratedPolicies;
import io.vpcportal.policy.PolicyDiff;
import java.util.List;

/** The generated documents, their findings and the access matrix; {@code blocking} when a finding is an ERROR. */
record PolicyPreviewDetails(String endpointPolicy, List<BucketPolicy> bucketPolicies, List<Finding> findings,
        boolean blocking, List<AccessDecision> matrix, PolicyDiff endpointPolicyDiff) {

    static PolicyPreviewDetails of(GeneratedPolicies p) {
        return new PolicyPreviewDetails(p.endpointPolicy(), p.bucketPolicies(), p.findings(), p.blocking(), p.matrix(),
                p.endpointPolicyDiff());
    }
}
