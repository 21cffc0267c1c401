package io.vpcportal.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The engine with a fixed clock, and the reference architecture's values. */
final class PolicyFixtures {

    static final String ACCOUNT = "111111111111";
    static final String ORG = "o-exampleorgid";
    static final String BREAK_GLASS = "arn:aws:iam::111111111111:role/BreakGlassAdmin";
    static final String ENDPOINT = "vpce-0a1b2c3d4e5f60718";
    static final String VPC = "vpc-0a1b2c3d4e5f60718";
    static final String S3 = "com.amazonaws.us-east-1.s3";
    static final String BUCKET = "uploads-bucket";

    private PolicyFixtures() {
    }

    static PolicyManagement management() {
        return new PolicyManagement(Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC));
    }

    static EndpointPolicyInput input(String serviceName, String type, String choice, List<String> buckets,
            List<String> tables, String custom) {
        return new EndpointPolicyInput("us-east-1", serviceName, type, choice, buckets, tables, custom, ORG,
                List.of(BREAK_GLASS), ACCOUNT);
    }

    /** The standard reference architecture (docs/using-the-portal.md): an S3 gateway endpoint limited to the bucket, bucket locked to it. */
    static EndpointPolicyInput standard() {
        return input(S3, "Gateway", "s3-buckets", List.of(BUCKET), List.of(), null)
                .withOptions(new PreviewOptions(VPC, List.of(ENDPOINT), null, null, null, null, null));
    }
}
