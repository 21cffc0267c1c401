package io.vpcportal.policy;

import static io.vpcportal.policy.PolicyFixtures.BREAK_GLASS;
import static io.vpcportal.policy.PolicyFixtures.BUCKET;
import static io.vpcportal.policy.PolicyFixtures.management;
import static io.vpcportal.policy.PolicyFixtures.standard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vpcportal.MotoServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The generated bucket policy against a real S3 implementation (moto). What moto enforces: for object requests
 * (GetObject, PutObject) it evaluates the bucket policy's Deny statements by action and resource, and a Deny with
 * {@code Principal "*"} applies. What moto does not model, so this test does not rely on it: the caller's identity
 * (no {@code aws:PrincipalArn}, so the break-glass exclusion cannot be observed here), the network
 * ({@code aws:SourceVpce} is never set: every request counts as "not through the endpoint"), and every condition
 * operator other than {@code StringEquals} (ignored, i.e. treated as matching). That the break-glass role and
 * requests through the endpoint are allowed is shown by the simulator ({@link ReferenceArchitectureTests}).
 * Bucket-level calls (Put/Get/DeleteBucketPolicy) are not checked by moto, which is why the test can repair the
 * bucket afterwards; on AWS the break-glass exclusion is what keeps that possible.
 */
class BucketPolicyMotoIntegrationTests {

    private static S3Client s3;
    private final PolicyManagement policies = management();

    @BeforeAll
    static void connectToTheSharedMoto() {
        s3 = S3Client.builder()
                .endpointOverride(MotoServer.shared().endpoint())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @AfterAll
    static void closeClient() {
        if (s3 != null) {
            s3.close();
        }
    }

    @BeforeEach
    void freshBucket() {
        s3.listBuckets().buckets().stream().filter(b -> b.name().equals(BUCKET)).findFirst().ifPresent(b -> {
            s3.deleteBucketPolicy(r -> r.bucket(BUCKET));
            s3.listObjectsV2(r -> r.bucket(BUCKET)).contents()
                    .forEach(o -> s3.deleteObject(r -> r.bucket(BUCKET).key(o.key())));
            s3.deleteBucket(r -> r.bucket(BUCKET));
        });
        s3.createBucket(r -> r.bucket(BUCKET));
    }

    @Test
    void theGeneratedBucketPolicyReallyDeniesAPutObjectWithoutTheEndpoint() {
        putObject("before.txt");
        String policy = policies.preview(standard()).bucketPolicies().get(0).document();
        s3.putBucketPolicy(r -> r.bucket(BUCKET).policy(policy));

        S3Exception denied = catchThrowableOfType(S3Exception.class, () -> putObject("after.txt"));
        assertThat(denied).as("PutObject must be denied").isNotNull();
        // AWS answers 403 AccessDenied; moto sends the 403 with an empty body, so there is no error code to compare
        assertThat(denied.statusCode()).isEqualTo(403);
        S3Exception readDenied = catchThrowableOfType(S3Exception.class,
                () -> s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("before.txt")));
        assertThat(readDenied.statusCode()).isEqualTo(403);

        // S3 stores the document as sent: what provisioning puts is what the approver saw, byte for byte
        assertThat(s3.getBucketPolicy(r -> r.bucket(BUCKET)).policy()).isEqualTo(policy);

        // taking the portal's statement out leaves nothing: delete the policy, and writes work again
        assertThat(policies.removePortalStatements(policy)).isEmpty();
        s3.deleteBucketPolicy(r -> r.bucket(BUCKET));
        putObject("again.txt");
    }

    @Test
    void theDenyComesFromThePortalsStatementNotFromMotoDenyingEverything() {
        // audit form: no Deny written, nothing denied
        GeneratedPolicies audit = policies.preview(standard().withOptions(new PreviewOptions(PolicyFixtures.VPC,
                List.of(PolicyFixtures.ENDPOINT), null, EnforcementMode.AUDIT, null,
                java.util.Map.of(BUCKET, MergeFixtures.UNRELATED), null)));
        String auditDocument = audit.bucketPolicies().get(0).document();
        assertThat(auditDocument).doesNotContain("VpcePortal");
        s3.putBucketPolicy(r -> r.bucket(BUCKET).policy(auditDocument));
        putObject("audited.txt");

        // the same statement restricted to another bucket does not touch this one
        String elsewhere = policies.mergeBucketPolicy(null, new BucketPolicySpec("another-bucket",
                BucketRestriction.SOURCE_VPCE, List.of(PolicyFixtures.ENDPOINT), List.of(BREAK_GLASS),
                EnforcementMode.ENFORCE)).orElseThrow();
        s3.putBucketPolicy(r -> r.bucket(BUCKET).policy(elsewhere));
        putObject("elsewhere.txt");
    }

    @Test
    void aMergedPolicyRoundTripsThroughS3WithForeignStatementsIntact() {
        s3.putBucketPolicy(r -> r.bucket(BUCKET).policy(MergeFixtures.UNRELATED));
        String inForce = s3.getBucketPolicy(r -> r.bucket(BUCKET)).policy();
        String merged = policies.mergeBucketPolicy(inForce, new BucketPolicySpec(BUCKET, BucketRestriction.SOURCE_VPCE,
                List.of(PolicyFixtures.ENDPOINT), List.of(BREAK_GLASS), EnforcementMode.ENFORCE)).orElseThrow();
        s3.putBucketPolicy(r -> r.bucket(BUCKET).policy(merged));
        assertThat(catchThrowableOfType(S3Exception.class, () -> putObject("merged.txt")).statusCode()).isEqualTo(403);

        String restored = policies.removeFromBucketPolicy(s3.getBucketPolicy(r -> r.bucket(BUCKET)).policy(),
                PolicyFixtures.ENDPOINT).orElseThrow();
        s3.putBucketPolicy(r -> r.bucket(BUCKET).policy(restored));
        assertThat(s3.getBucketPolicy(r -> r.bucket(BUCKET)).policy()).isEqualTo(MergeFixtures.UNRELATED);
        putObject("restored.txt");
    }

    private static void putObject(String key) {
        s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString("data"));
    }
}
