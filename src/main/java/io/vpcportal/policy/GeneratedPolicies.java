package io.vpcportal.policy;

import java.util.List;

/**
 * Everything the portal generates for one request item, ready to show and to provision.
 *
 * @param endpointPolicy     canonical JSON for {@code CreateVpcEndpoint}/{@code ModifyVpcEndpoint}; {@code null}
 *                           when the endpoint takes no policy
 * @param bucketPolicies     one per bucket named in the item (S3 endpoints), sorted by bucket name
 * @param findings           for the endpoint policy ({@code endpointPolicy...}), each bucket policy
 *                           ({@code bucketPolicies[name]...}) and the requester's expected accesses
 * @param matrix             the simulated access matrix: standard rows and the requester's expected accesses
 * @param endpointPolicyDiff against the endpoint policy in force, when one was given
 */
public record GeneratedPolicies(String endpointPolicy, List<BucketPolicy> bucketPolicies, List<Finding> findings,
        List<AccessDecision> matrix, PolicyDiff endpointPolicyDiff) {

    public GeneratedPolicies {
        bucketPolicies = List.copyOf(bucketPolicies);
        findings = List.copyOf(findings);
        matrix = List.copyOf(matrix);
    }

    /** {@code true} when a finding blocks submission. */
    public boolean blocking() {
        return findings.stream().anyMatch(Finding::blocking);
    }

    public List<Finding> errors() {
        return with(Severity.ERROR);
    }

    public List<Finding> warnings() {
        return with(Severity.WARNING);
    }

    public List<Finding> suggestions() {
        return with(Severity.SUGGESTION);
    }

    private List<Finding> with(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }
}
