package io.vpcportal.policy.internal;

import io.vpcportal.policy.AccessCheck;
import io.vpcportal.policy.Finding;
import io.vpcportal.policy.FindingCode;
import io.vpcportal.policy.NetworkPath;
import io.vpcportal.policy.Severity;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An S3 endpoint policy must let workloads read the AWS-owned buckets they depend on. They are checked as the
 * strictest caller AWS documents for them: an anonymous request through the endpoint (SSM Agent and yum/dnf make
 * unauthenticated calls, ECR layers come through URLs presigned by an ECR account).
 */
final class AwsOwnedBucketRule {

    private AwsOwnedBucketRule() {
    }

    static void check(PolicyDocument policy, ValidationContext context, List<Finding> findings) {
        Optional<String> region = Optional.ofNullable(context.region()).or(() -> AwsServices.region(context.serviceName()));
        if (region.isEmpty()) {
            return;
        }
        AccessSimulator simulator = new AccessSimulator(context.simulation(), policy, b -> null);
        List<String> blocked = AwsOwnedBuckets.names(region.get()).stream()
                .filter(bucket -> !simulator.decide(new AccessCheck("*", "s3:GetObject",
                        "arn:aws:s3:::" + bucket + "/object", NetworkPath.THIS_ENDPOINT)).allowed())
                .toList();
        if (!blocked.isEmpty()) {
            TreeSet<String> purposes = new TreeSet<>(blocked.stream().map(AwsOwnedBuckets::purpose).toList());
            findings.add(Finding.of(Severity.WARNING, FindingCode.BLOCKS_AWS_OWNED_BUCKETS, "blocks reads of AWS-owned "
                    + "buckets workloads rely on (" + String.join(", ", purposes) + "): " + String.join(", ", blocked)
                    + ". Allow s3:GetObject on them, as the portal's templates do.", ""));
        }
    }
}
