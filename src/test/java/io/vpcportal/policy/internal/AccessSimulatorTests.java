package io.vpcportal.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.policy.AccessCheck;
import io.vpcportal.policy.AccessDecision;
import io.vpcportal.policy.BucketRestriction;
import io.vpcportal.policy.NetworkPath;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessSimulatorTests {

    private static final String ACCOUNT = "111111111111";
    private static final String ORG = "o-exampleorgid";
    private static final String ENDPOINT = "vpce-0a1b2c3d4e5f60718";
    private static final String VPC = "vpc-0a1b2c3d4e5f60718";
    private static final String ROLE = "arn:aws:iam::111111111111:role/app";
    private static final String BREAK_GLASS = "arn:aws:iam::111111111111:role/BreakGlassAdmin";
    private static final String OBJECT = "arn:aws:s3:::uploads/key";
    private static final SimulationContext CONTEXT = new SimulationContext(ACCOUNT, ORG, Set.of(), VPC, ENDPOINT,
            Instant.parse("2025-06-01T00:00:00Z"));

    private static PolicyDocument bucketPolicy(BucketRestriction restriction, String source) {
        return Policies.document(CanonicalJson.write(EndpointPolicyGenerator.policy("2012-10-17",
                BucketPolicyGenerator.statement("aws", "uploads", restriction, List.of(source), List.of(BREAK_GLASS)))));
    }

    private static AccessDecision decide(PolicyDocument endpoint, PolicyDocument bucket, String principal, String action,
            String resource, NetworkPath path) {
        return new AccessSimulator(CONTEXT, endpoint, b -> b.equals("uploads") ? bucket : null)
                .decide(new AccessCheck(principal, action, resource, path));
    }

    @Test
    void sourceVpceAcceptsOnlyThisEndpointButNeverDeniesBreakGlassOrServicePrincipals() {
        PolicyDocument bucket = bucketPolicy(BucketRestriction.SOURCE_VPCE, ENDPOINT);
        assertThat(decide(null, bucket, ROLE, "s3:PutObject", OBJECT, NetworkPath.THIS_ENDPOINT).allowed()).isTrue();
        AccessDecision outside = decide(null, bucket, ROLE, "s3:PutObject", OBJECT, NetworkPath.OUTSIDE_VPC);
        assertThat(outside.allowed()).isFalse();
        assertThat(outside.decidedBy()).isEqualTo("bucket policy › VpcePortalDenyUnlessSourceVpce");
        assertThat(decide(null, bucket, ROLE, "s3:PutObject", OBJECT, NetworkPath.OTHER_ENDPOINT).allowed()).isFalse();
        assertThat(decide(null, bucket, BREAK_GLASS, "s3:PutBucketPolicy", "arn:aws:s3:::uploads", NetworkPath.OUTSIDE_VPC)
                .allowed()).isTrue();
        // a service principal is excluded from the Deny, but still needs a grant: none here
        AccessDecision service = decide(null, bucket, "logging.s3.amazonaws.com", "s3:PutObject", OBJECT,
                NetworkPath.OUTSIDE_VPC);
        assertThat(service.allowed()).isFalse();
        assertThat(service.statement()).isNull();
    }

    @Test
    void anonymousCallersAreDeniedExplicitlyOffTheEndpoint() {
        PolicyDocument bucket = bucketPolicy(BucketRestriction.SOURCE_VPCE, ENDPOINT);
        AccessDecision d = decide(null, bucket, "*", "s3:GetObject", OBJECT, NetworkPath.OUTSIDE_VPC);
        assertThat(d.allowed()).isFalse();
        assertThat(d.statement()).isEqualTo("VpcePortalDenyUnlessSourceVpce");
    }

    @Test
    void sourceVpcAcceptsOtherEndpointsOfTheSameVpcOnly() {
        PolicyDocument bucket = bucketPolicy(BucketRestriction.SOURCE_VPC, VPC);
        assertThat(decide(null, bucket, ROLE, "s3:PutObject", OBJECT, NetworkPath.THIS_ENDPOINT).allowed()).isTrue();
        // OTHER_ENDPOINT stands for an endpoint in another VPC of the organization
        assertThat(decide(null, bucket, ROLE, "s3:PutObject", OBJECT, NetworkPath.OTHER_ENDPOINT).allowed()).isFalse();
    }

    @Test
    void vpceOrgIdAcceptsEveryEndpointOfTheOrganization() {
        PolicyDocument bucket = bucketPolicy(BucketRestriction.VPCE_ORG_ID, ORG);
        assertThat(decide(null, bucket, ROLE, "s3:PutObject", OBJECT, NetworkPath.OTHER_ENDPOINT).allowed()).isTrue();
        assertThat(decide(null, bucket, ROLE, "s3:PutObject", OBJECT, NetworkPath.OUTSIDE_VPC).allowed()).isFalse();
    }

    @Test
    void anEndpointPolicyWithoutAMatchingAllowDeniesImplicitlyButOnlyOnItsOwnPath() {
        PolicyDocument endpoint = Policies.document("""
                {"Version": "2012-10-17", "Statement": [{"Sid": "OnlyOther", "Effect": "Allow", "Principal": "*",
                 "Action": "s3:*", "Resource": "arn:aws:s3:::other/*"}]}""");
        AccessDecision d = decide(endpoint, null, ROLE, "s3:GetObject", OBJECT, NetworkPath.THIS_ENDPOINT);
        assertThat(d.allowed()).isFalse();
        assertThat(d.policy()).isEqualTo("endpoint policy");
        assertThat(d.statement()).isNull();
        assertThat(decide(endpoint, null, ROLE, "s3:GetObject", OBJECT, NetworkPath.OUTSIDE_VPC).allowed()).isTrue();
        AccessDecision allowed = decide(endpoint, null, ROLE, "s3:GetObject", "arn:aws:s3:::other/k", NetworkPath.THIS_ENDPOINT);
        assertThat(allowed.decidedBy()).isEqualTo("endpoint policy › OnlyOther");
    }

    @Test
    void callersFromAnotherAccountNeedABucketPolicyAllow() {
        String foreign = "arn:aws:iam::222222222222:role/partner";
        assertThat(decide(null, null, foreign, "s3:GetObject", OBJECT, NetworkPath.OUTSIDE_VPC).allowed()).isFalse();
        PolicyDocument grant = Policies.document("""
                {"Version": "2012-10-17", "Statement": [{"Sid": "Partner", "Effect": "Allow",
                 "Principal": {"AWS": "arn:aws:iam::222222222222:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::uploads/*"}]}""");
        AccessDecision d = decide(null, grant, foreign, "s3:GetObject", OBJECT, NetworkPath.OUTSIDE_VPC);
        assertThat(d.allowed()).isTrue();
        assertThat(d.decidedBy()).isEqualTo("bucket policy › Partner");
    }

    @Test
    void awsOwnedBucketsServeReadsOnly() {
        String ssm = "arn:aws:s3:::amazon-ssm-us-east-1/agent.rpm";
        assertThat(decide(null, null, "*", "s3:GetObject", ssm, NetworkPath.THIS_ENDPOINT).allowed()).isTrue();
        assertThat(decide(null, null, ROLE, "s3:PutObject", ssm, NetworkPath.THIS_ENDPOINT).allowed()).isFalse();
    }

    @Test
    void organizationConditionsFollowTheAccountsOfTheOrganization() {
        PolicyDocument endpoint = Policies.document(CanonicalJson.write(EndpointPolicyGenerator.organization(
                new PolicyRequest("us-east-1", "com.amazonaws.us-east-1.sqs", "Interface", PolicyTemplate.ORGANIZATION,
                        List.of(), List.of(), null, ORG, List.of(), ACCOUNT, null, List.of(), BucketRestriction.SOURCE_VPCE,
                        null, null, java.util.Map.of(), List.of()))));
        String queue = "arn:aws:sqs:us-east-1:111111111111:jobs";
        assertThat(decide(endpoint, null, ROLE, "sqs:SendMessage", queue, NetworkPath.THIS_ENDPOINT).allowed()).isTrue();
        // a queue of an account outside the organization: exfiltration through our endpoint is blocked
        AccessDecision outsider = decide(endpoint, null, ROLE, "sqs:SendMessage",
                "arn:aws:sqs:us-east-1:999999999999:drop", NetworkPath.THIS_ENDPOINT);
        assertThat(outsider.allowed()).isFalse();
        assertThat(outsider.policy()).isEqualTo("endpoint policy");
        // credentials of an account outside the organization
        assertThat(decide(endpoint, null, "arn:aws:iam::999999999999:role/x", "sqs:SendMessage", queue,
                NetworkPath.THIS_ENDPOINT).allowed()).isFalse();
    }
}
