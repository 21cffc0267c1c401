package io.vpcportal.policy.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * S3 buckets owned by AWS that workloads in a VPC read through the S3 endpoint, often with unauthenticated or
 * presigned requests (so no condition on the caller's organization can apply to them). An S3 endpoint policy that
 * does not allow them breaks patching, package installs and image pulls.
 * <ul>
 * <li>SSM Agent and Patch Manager:
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/ssm-agent-minimum-s3-permissions.html</li>
 * <li>Amazon Linux 2 and 2023 repositories, as listed in AWS's data-perimeter VPC endpoint policy examples
 * (https://github.com/aws-samples/data-perimeter-policy-examples/tree/main/vpc_endpoint_policies, citing
 * https://docs.aws.amazon.com/linux/al2023/ug/live-patching.html)</li>
 * <li>ECR image layers: https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html#ecr-minimum-s3-perms</li>
 * </ul>
 */
public final class AwsOwnedBuckets {

    private static final String REGION = "{region}";
    private static final List<String> NAMES = List.of(
            "aws-ssm-{region}",
            "aws-windows-downloads-{region}",
            "amazon-ssm-{region}",
            "amazon-ssm-packages-{region}",
            "{region}-birdwatcher-prod",
            "aws-ssm-distributor-file-{region}",
            "aws-ssm-document-attachments-{region}",
            "patch-baseline-snapshot-{region}",
            "aws-patchmanager-macos-{region}",
            "al2023-repos-{region}-de612dc2",
            "amazonlinux-2-repos-{region}",
            "prod-{region}-starport-layer-bucket");
    private static final Pattern ANY = Pattern.compile(String.join("|", NAMES.stream()
            .map(n -> Pattern.quote(n).replace(REGION, "\\E[a-z]{2}(?:-gov)?-[a-z]+-\\d\\Q")).toList()));

    private AwsOwnedBuckets() {
    }

    /** The buckets' names in {@code region}, in the order above. */
    public static List<String> names(String region) {
        return NAMES.stream().map(n -> n.replace(REGION, region)).toList();
    }

    /** Object ARNs to allow {@code s3:GetObject} on. */
    public static List<String> objectArns(String partition, String region) {
        return names(region).stream().map(n -> "arn:" + partition + ":s3:::" + n + "/*").toList();
    }

    public static boolean isAwsOwned(String bucket) {
        return bucket != null && ANY.matcher(bucket).matches();
    }

    /** A short name for messages, such as {@code SSM agent} or {@code ECR image layers}. */
    public static String purpose(String bucket) {
        if (bucket.contains("starport-layer")) {
            return "ECR image layers";
        }
        if (bucket.startsWith("al2023-repos") || bucket.startsWith("amazonlinux-2-repos")) {
            return "Amazon Linux package repositories";
        }
        return "Systems Manager (agent, patching, distributor)";
    }
}
