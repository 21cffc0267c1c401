package io.vpcportal.policy.internal;

import io.vpcportal.policy.AccessCheck;
import io.vpcportal.policy.NetworkPath;
import java.util.ArrayList;
import java.util.List;

/**
 * The standard rows an approver sees for an item: a workload role of the account through this endpoint, through
 * another endpoint and from outside the VPC; each break-glass principal from outside; and for S3 the AWS-owned
 * buckets. No expectations are attached: the requester adds those.
 */
public final class DefaultMatrix {

    /** Stands for any role of the account that a workload runs as. */
    public static final String WORKLOAD_ROLE = "workload";

    private DefaultMatrix() {
    }

    public static List<AccessCheck> rows(PolicyRequest r) {
        List<AccessCheck> rows = new ArrayList<>();
        if (r.accountId() == null) {
            return rows;
        }
        String workload = "arn:" + r.partition() + ":iam::" + r.accountId() + ":role/" + WORKLOAD_ROLE;
        String s3 = "arn:" + r.partition() + ":s3:::";
        if (r.s3()) {
            for (String bucket : r.buckets()) {
                String object = s3 + bucket + "/object";
                rows.add(new AccessCheck(workload, "s3:PutObject", object, NetworkPath.THIS_ENDPOINT));
                rows.add(new AccessCheck(workload, "s3:GetObject", object, NetworkPath.THIS_ENDPOINT));
                rows.add(new AccessCheck(workload, "s3:PutObject", object, NetworkPath.OTHER_ENDPOINT));
                rows.add(new AccessCheck(workload, "s3:PutObject", object, NetworkPath.OUTSIDE_VPC));
                for (String principal : r.breakGlass()) {
                    rows.add(new AccessCheck(principal, "s3:PutBucketPolicy", s3 + bucket, NetworkPath.OUTSIDE_VPC));
                    rows.add(new AccessCheck(principal, "s3:GetObject", object, NetworkPath.OUTSIDE_VPC));
                }
            }
            for (String bucket : List.of("amazon-ssm-" + r.region(), "al2023-repos-" + r.region() + "-de612dc2",
                    "prod-" + r.region() + "-starport-layer-bucket")) {
                rows.add(new AccessCheck("*", "s3:GetObject", s3 + bucket + "/object", NetworkPath.THIS_ENDPOINT));
            }
        } else if (AwsServices.isDynamoDb(r.serviceName())) {
            String prefix = "arn:" + r.partition() + ":dynamodb:" + r.region() + ":" + r.accountId() + ":table/";
            for (String table : r.tables().isEmpty() ? List.of("any-table") : r.tables()) {
                rows.add(new AccessCheck(workload, "dynamodb:GetItem", prefix + table, NetworkPath.THIS_ENDPOINT));
                rows.add(new AccessCheck(workload, "dynamodb:PutItem", prefix + table, NetworkPath.THIS_ENDPOINT));
            }
        } else {
            AwsServices.actionPrefix(r.serviceName()).flatMap(AwsServices::sampleAction).ifPresent(action ->
                    rows.add(new AccessCheck(workload, action, "*", NetworkPath.THIS_ENDPOINT)));
        }
        return rows;
    }
}
