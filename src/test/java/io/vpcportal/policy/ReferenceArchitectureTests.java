package io.vpcportal.policy;

import static io.vpcportal.policy.PolicyFixtures.ACCOUNT;
import static io.vpcportal.policy.PolicyFixtures.BREAK_GLASS;
import static io.vpcportal.policy.PolicyFixtures.BUCKET;
import static io.vpcportal.policy.PolicyFixtures.ENDPOINT;
import static io.vpcportal.policy.PolicyFixtures.ORG;
import static io.vpcportal.policy.PolicyFixtures.VPC;
import static io.vpcportal.policy.PolicyFixtures.management;
import static io.vpcportal.policy.PolicyFixtures.standard;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The standard reference architecture (docs/using-the-portal.md): two instances upload to a bucket through an S3 gateway
 * endpoint. The generated pair must allow {@code s3:PutObject} through the endpoint, deny it from outside the VPC,
 * and still allow the break-glass role.
 */
class ReferenceArchitectureTests {

    private static final String WORKLOAD = "arn:aws:iam::111111111111:role/uploader";
    private static final String OBJECT = "arn:aws:s3:::" + BUCKET + "/2025/06/01/batch.parquet";

    private final PolicyManagement policies = management();
    private final GeneratedPolicies generated = policies.preview(standard());

    @Test
    void theGeneratedPairHasNoFinding() {
        assertThat(generated.findings()).isEmpty();
        assertThat(generated.bucketPolicies()).singleElement().satisfies(b -> {
            assertThat(b.enforcement()).isEqualTo(EnforcementMode.ENFORCE);
            assertThat(b.document()).contains("\"aws:SourceVpce\": \"" + ENDPOINT + "\"")
                    .contains("\"aws:PrincipalArn\": \"" + BREAK_GLASS + "\"");
        });
    }

    @Test
    void theSimulatorShowsPutObjectThroughTheEndpointOnlyAndTheBreakGlassRoleStillIn() {
        SimulationResult result = policies.simulate(new SimulationInput(generated.endpointPolicy(),
                generated.bucketPolicies().get(0).document(), ACCOUNT, ORG, List.of(), VPC, ENDPOINT, List.of(
                        new AccessCheck(WORKLOAD, "s3:PutObject", OBJECT, NetworkPath.THIS_ENDPOINT).expecting(true),
                        new AccessCheck(WORKLOAD, "s3:PutObject", OBJECT, NetworkPath.OUTSIDE_VPC).expecting(false),
                        new AccessCheck(WORKLOAD, "s3:PutObject", OBJECT, NetworkPath.OTHER_ENDPOINT).expecting(false),
                        new AccessCheck(BREAK_GLASS, "s3:PutObject", OBJECT, NetworkPath.OUTSIDE_VPC).expecting(true),
                        new AccessCheck(BREAK_GLASS, "s3:PutBucketPolicy", "arn:aws:s3:::" + BUCKET,
                                NetworkPath.OUTSIDE_VPC).expecting(true),
                        new AccessCheck("*", "s3:GetObject", OBJECT, NetworkPath.OUTSIDE_VPC).expecting(false),
                        new AccessCheck(WORKLOAD, "s3:PutObject", "arn:aws:s3:::exfiltration-bucket/x",
                                NetworkPath.THIS_ENDPOINT, false, "999999999999"))));
        assertThat(result.findings()).isEmpty();
        List<AccessDecision> d = result.decisions();
        assertThat(d.get(0).decidedBy()).isEqualTo("endpoint policy › AllowListedBuckets");
        assertThat(d.get(1).decidedBy()).isEqualTo("bucket policy › VpcePortalDenyUnlessSourceVpce");
        assertThat(d.get(1).reason()).contains("explicitly denied");
        assertThat(d.get(3).allowed()).isTrue();
        assertThat(d.get(6).decidedBy()).isEqualTo("endpoint policy");
    }

    @Test
    void thePreviewMatrixShowsTheSameForTheApprover() {
        assertThat(generated.matrix()).filteredOn(r -> r.check().action().equals("s3:PutObject"))
                .extracting(r -> r.check().principal() + " " + r.check().path() + " " + r.allowed())
                .containsExactly(
                        "arn:aws:iam::111111111111:role/workload THIS_ENDPOINT true",
                        "arn:aws:iam::111111111111:role/workload OTHER_ENDPOINT false",
                        "arn:aws:iam::111111111111:role/workload OUTSIDE_VPC false");
        assertThat(generated.matrix()).filteredOn(r -> r.check().principal().equals(BREAK_GLASS))
                .isNotEmpty().allMatch(AccessDecision::allowed);
    }

    @Test
    void beforeProvisioningThePlaceholderStandsForTheEndpoint() {
        GeneratedPolicies pending = policies.preview(standard().withOptions(PreviewOptions.DEFAULTS));
        assertThat(pending.bucketPolicies().get(0).document()).contains(PreviewOptions.PENDING_ENDPOINT_ID);
        assertThat(pending.matrix()).filteredOn(r -> r.check().path() == NetworkPath.THIS_ENDPOINT
                && r.check().action().equals("s3:PutObject")).allMatch(AccessDecision::allowed);
    }

    @Test
    void aStagedRolloutReportsWhatWouldBeDenied() {
        GeneratedPolicies staged = policies.preview(standard().withOptions(new PreviewOptions(VPC, List.of(ENDPOINT),
                null, EnforcementMode.AUDIT, null, null, null)));
        BucketPolicy bucket = staged.bucketPolicies().get(0);
        assertThat(bucket.enforcement()).isEqualTo(EnforcementMode.AUDIT);
        assertThat(bucket.document()).isNull();
        assertThat(bucket.portalStatement()).contains("VpcePortalDenyUnlessSourceVpce");
        assertThat(bucket.auditReport()).extracting(r -> r.check().path())
                .containsExactlyInAnyOrder(NetworkPath.OTHER_ENDPOINT, NetworkPath.OUTSIDE_VPC);
        // nothing is denied yet
        assertThat(staged.matrix()).filteredOn(r -> r.check().principal().endsWith(":role/workload")).allMatch(AccessDecision::allowed);
        assertThat(staged.findings()).extracting(Finding::code).containsExactly("AUDIT_ONLY");
    }
}
