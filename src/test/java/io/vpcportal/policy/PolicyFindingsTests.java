package io.vpcportal.policy;

import static io.vpcportal.policy.PolicyFixtures.ACCOUNT;
import static io.vpcportal.policy.PolicyFixtures.BREAK_GLASS;
import static io.vpcportal.policy.PolicyFixtures.BUCKET;
import static io.vpcportal.policy.PolicyFixtures.S3;
import static io.vpcportal.policy.PolicyFixtures.management;
import static io.vpcportal.policy.PolicyFixtures.standard;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every finding type, with a document that triggers it and a close one that does not. */
class PolicyFindingsTests {

    private static final PolicyManagement POLICIES = management();
    private static final String OBJECT = "arn:aws:s3:::" + BUCKET + "/object";

    record Case(Supplier<List<Finding>> triggering, Supplier<List<Finding>> quiet) {
    }

    static String statement(String body) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [" + body + "]}";
    }

    static List<Finding> endpoint(String policy) {
        return POLICIES.validate(new PolicyValidationInput(policy, PolicyKind.ENDPOINT, S3, "Gateway", "us-east-1",
                ACCOUNT, null, List.of(), null));
    }

    static List<Finding> endpointOf(String serviceName, String policy) {
        return POLICIES.validate(PolicyValidationInput.endpoint(policy, serviceName, "Interface"));
    }

    static List<Finding> bucket(String policy, List<String> breakGlass) {
        return POLICIES.validate(new PolicyValidationInput(policy, PolicyKind.BUCKET, null, null, null, ACCOUNT, null,
                breakGlass, BUCKET));
    }

    static List<Finding> preview(PreviewOptions options) {
        return POLICIES.preview(standard().withOptions(options)).findings();
    }

    static PreviewOptions expecting(AccessCheck check) {
        return new PreviewOptions(PolicyFixtures.VPC, List.of(PolicyFixtures.ENDPOINT), null, null, null, null, List.of(check));
    }

    static final String OWN_BUCKET_ONLY = statement("""
            {"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::uploads-bucket/*",
             "Condition": {"StringEquals": {"aws:PrincipalAccount": "111111111111"}}}""");
    static final String DENY_UNLESS_ENDPOINT = statement("""
            {"Sid": "OnlyEndpoint", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
             "Resource": ["arn:aws:s3:::uploads-bucket", "arn:aws:s3:::uploads-bucket/*"],
             "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-0a1b2c3d4e5f60718"}}}""");
    static final String DENY_UNLESS_ENDPOINT_EXCEPT_BREAK_GLASS = statement("""
            {"Sid": "OnlyEndpoint", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
             "Resource": ["arn:aws:s3:::uploads-bucket", "arn:aws:s3:::uploads-bucket/*"],
             "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-0a1b2c3d4e5f60718"},
                           "ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::111111111111:role/BreakGlassAdmin"}}}""");

    static Map<FindingCode, Case> cases() {
        Map<FindingCode, Case> cases = new EnumMap<>(FindingCode.class);
        cases.put(FindingCode.GRAMMAR, new Case(
                () -> endpoint(OWN_BUCKET_ONLY.replace("\"Allow\"", "\"allow\"")),
                () -> endpoint(OWN_BUCKET_ONLY)));
        cases.put(FindingCode.UNKNOWN_CONDITION_OPERATOR, new Case(
                () -> endpoint(OWN_BUCKET_ONLY.replace("StringEquals", "StringEqualz")),
                () -> endpoint(OWN_BUCKET_ONLY.replace("StringEquals", "ForAnyValue:StringEqualsIfExists"))));
        cases.put(FindingCode.MISSING_VERSION, new Case(
                () -> endpoint(OWN_BUCKET_ONLY.replace("\"Version\": \"2012-10-17\", ", "")),
                () -> endpoint(OWN_BUCKET_ONLY)));
        cases.put(FindingCode.SIZE_LIMIT, new Case(
                () -> endpoint(ofLength(20_481)),
                () -> endpoint(ofLength(20_480))));
        cases.put(FindingCode.MISSING_PRINCIPAL, new Case(
                () -> endpoint(OWN_BUCKET_ONLY.replace("\"Principal\": \"*\", ", "")),
                () -> endpoint(OWN_BUCKET_ONLY)));
        cases.put(FindingCode.ENDPOINT_POLICY_RESTRICTION, new Case(
                () -> endpoint(OWN_BUCKET_ONLY.replace("StringEquals", "StringLike").replace("\"111111111111\"", "\"1111*\"")),
                () -> endpoint(OWN_BUCKET_ONLY)));
        cases.put(FindingCode.ACTION_NOT_IN_SERVICE, new Case(
                () -> endpoint(OWN_BUCKET_ONLY.replace("\"s3:*\"", "[\"s3:GetObject\", \"sqs:SendMessage\"]")),
                () -> endpoint(OWN_BUCKET_ONLY.replace("\"s3:*\"", "[\"s3:GetObject\", \"S3:PutObject\"]"))));
        cases.put(FindingCode.WILDCARD_PRINCIPAL_NO_CONDITION, new Case(
                () -> endpoint(statement("""
                        {"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::uploads-bucket/*"}""")),
                () -> endpoint(OWN_BUCKET_ONLY)));
        cases.put(FindingCode.ALLOW_ALL_ACTIONS, new Case(
                () -> endpoint(OWN_BUCKET_ONLY.replace("\"s3:*\"", "\"*\"").replace("\"arn:aws:s3:::uploads-bucket/*\"", "\"*\"")),
                () -> endpoint(OWN_BUCKET_ONLY.replace("\"arn:aws:s3:::uploads-bucket/*\"", "\"*\""))));
        cases.put(FindingCode.BREAK_GLASS_DENIED, new Case(
                () -> bucket(DENY_UNLESS_ENDPOINT, List.of(BREAK_GLASS)),
                () -> bucket(DENY_UNLESS_ENDPOINT_EXCEPT_BREAK_GLASS, List.of(BREAK_GLASS))));
        cases.put(FindingCode.NO_BREAK_GLASS, new Case(
                () -> bucket(DENY_UNLESS_ENDPOINT, List.of()),
                () -> bucket(DENY_UNLESS_ENDPOINT.replace("\"s3:*\"", "\"s3:PutObject\""), List.of())));
        cases.put(FindingCode.BLOCKS_AWS_OWNED_BUCKETS, new Case(
                () -> endpoint(OWN_BUCKET_ONLY),
                () -> endpoint(POLICIES.preview(standard()).endpointPolicy())));
        cases.put(FindingCode.EXPECTED_ACCESS_DENIED, new Case(
                () -> preview(expecting(new AccessCheck("arn:aws:iam::111111111111:role/app", "s3:PutObject", OBJECT,
                        NetworkPath.OUTSIDE_VPC, true, null))),
                () -> preview(expecting(new AccessCheck("arn:aws:iam::111111111111:role/app", "s3:PutObject", OBJECT,
                        NetworkPath.THIS_ENDPOINT, true, null)))));
        cases.put(FindingCode.UNEXPECTED_ACCESS_ALLOWED, new Case(
                () -> preview(expecting(new AccessCheck("arn:aws:iam::111111111111:role/app", "s3:PutObject", OBJECT,
                        NetworkPath.THIS_ENDPOINT, false, null))),
                () -> preview(expecting(new AccessCheck("arn:aws:iam::111111111111:role/app", "s3:PutObject", OBJECT,
                        NetworkPath.OUTSIDE_VPC, false, null)))));
        cases.put(FindingCode.NO_ORGANIZATION_ID, new Case(
                () -> POLICIES.preview(new EndpointPolicyInput("us-east-1", "com.amazonaws.us-east-1.glue", "Interface",
                        "organization", null, null, null, null, null, ACCOUNT)).findings(),
                () -> POLICIES.preview(new EndpointPolicyInput("us-east-1", "com.amazonaws.us-east-1.glue", "Interface",
                        "organization", null, null, null, "o-exampleorgid", null, ACCOUNT)).findings()));
        cases.put(FindingCode.AUDIT_ONLY, new Case(
                () -> preview(new PreviewOptions(null, null, null, EnforcementMode.AUDIT, null, null, null)),
                () -> preview(new PreviewOptions(null, null, null, EnforcementMode.ENFORCE, null, null, null))));
        cases.put(FindingCode.NO_ENDPOINT_POLICY, new Case(
                () -> POLICIES.preview(new EndpointPolicyInput("us-east-1",
                        "com.amazonaws.vpce.us-east-1.vpce-svc-025a56b9187ac1f63", "Interface", "full-access", null, null,
                        null, null, null, ACCOUNT)).findings(),
                () -> POLICIES.preview(new EndpointPolicyInput("us-east-1", "com.amazonaws.us-east-1.sqs", "Interface",
                        "full-access", null, null, null, null, null, ACCOUNT)).findings()));
        return cases;
    }

    /** A valid endpoint policy of exactly {@code length} characters (white space counts, as AWS counts it). */
    static String ofLength(int length) {
        String base = OWN_BUCKET_ONLY.replace("{\"Effect\"", "{\"Sid\": \"\", \"Effect\"");
        String policy = base.replace("\"Sid\": \"\"", "\"Sid\": \"" + "S".repeat(length - base.length()) + "\"");
        assertThat(policy).hasSize(length);
        return policy;
    }

    @Test
    void bucketPoliciesAreLimitedTo20KilobytesCountedInBytes() {
        String eAcute = DENY_UNLESS_ENDPOINT_EXCEPT_BREAK_GLASS.replace("\"OnlyEndpoint\"", "\"" + "é".repeat(10_300) + "\"");
        assertThat(eAcute.length()).isLessThan(20_480);
        assertThat(bucket(eAcute, List.of(BREAK_GLASS))).extracting(Finding::code).contains("SIZE_LIMIT");
        assertThat(bucket(DENY_UNLESS_ENDPOINT_EXCEPT_BREAK_GLASS, List.of(BREAK_GLASS))).extracting(Finding::code)
                .doesNotContain("SIZE_LIMIT");
    }

    @Test
    void everyFindingCodeHasATriggeringAndAQuietCase() {
        assertThat(cases().keySet()).containsExactlyInAnyOrder(FindingCode.values());
    }

    @ParameterizedTest
    @EnumSource(FindingCode.class)
    void theTriggeringDocumentRaisesTheFinding(FindingCode code) {
        assertThat(cases().get(code).triggering().get()).extracting(Finding::code).contains(code.name());
    }

    @ParameterizedTest
    @EnumSource(FindingCode.class)
    void theQuietDocumentDoesNot(FindingCode code) {
        assertThat(cases().get(code).quiet().get()).extracting(Finding::code).doesNotContain(code.name());
    }

    @Test
    void severitiesFollowWhatIsAtStake() {
        assertThat(severity(cases().get(FindingCode.GRAMMAR).triggering().get(), FindingCode.GRAMMAR)).isEqualTo(Severity.ERROR);
        assertThat(severity(cases().get(FindingCode.MISSING_VERSION).triggering().get(), FindingCode.MISSING_VERSION))
                .isEqualTo(Severity.SUGGESTION);
        assertThat(severity(cases().get(FindingCode.BREAK_GLASS_DENIED).triggering().get(), FindingCode.BREAK_GLASS_DENIED))
                .isEqualTo(Severity.ERROR);
        assertThat(severity(cases().get(FindingCode.EXPECTED_ACCESS_DENIED).triggering().get(),
                FindingCode.EXPECTED_ACCESS_DENIED)).isEqualTo(Severity.ERROR);
        // a wildcard principal without condition: a warning on an endpoint, an error on a bucket (public bucket)
        String open = statement("""
                {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::uploads-bucket/*"}""");
        assertThat(severity(endpoint(open), FindingCode.WILDCARD_PRINCIPAL_NO_CONDITION)).isEqualTo(Severity.WARNING);
        assertThat(severity(bucket(open, List.of(BREAK_GLASS)), FindingCode.WILDCARD_PRINCIPAL_NO_CONDITION))
                .isEqualTo(Severity.ERROR);
    }

    @Test
    void findingsPointAtTheElementConcerned() {
        List<Finding> findings = endpoint(OWN_BUCKET_ONLY.replace("\"Principal\": \"*\", ", ""));
        assertThat(findings).filteredOn(f -> f.code().equals("MISSING_PRINCIPAL")).extracting(Finding::path)
                .containsExactly("Statement[0]");
        assertThat(bucket(DENY_UNLESS_ENDPOINT, List.of(BREAK_GLASS))).filteredOn(f -> f.code().equals("BREAK_GLASS_DENIED"))
                .singleElement().satisfies(f -> {
                    assertThat(f.path()).isEqualTo("Statement[0]");
                    assertThat(f.message()).contains(BREAK_GLASS, "s3:PutBucketPolicy", "OnlyEndpoint");
                });
        assertThat(cases().get(FindingCode.EXPECTED_ACCESS_DENIED).triggering().get())
                .filteredOn(f -> f.code().equals("EXPECTED_ACCESS_DENIED")).extracting(Finding::path)
                .containsExactly("expectedAccesses[0]");
    }

    @Test
    void awsOwnedBucketsAreNamedWithTheirPurpose() {
        assertThat(endpoint(OWN_BUCKET_ONLY)).filteredOn(f -> f.code().equals("BLOCKS_AWS_OWNED_BUCKETS")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("ECR image layers", "prod-us-east-1-starport-layer-bucket",
                        "amazon-ssm-us-east-1", "al2023-repos-us-east-1-de612dc2"));
    }

    @Test
    void actionsOfOtherServicesAreCheckedAgainstTheEndpointsService() {
        String sqs = statement("""
                {"Effect": "Allow", "Principal": "*", "Action": ["sqs:SendMessage", "kms:Decrypt"], "Resource": "*",
                 "Condition": {"StringEquals": {"aws:PrincipalAccount": "111111111111"}}}""");
        assertThat(endpointOf("com.amazonaws.us-east-1.sqs", sqs)).filteredOn(f -> f.code().equals("ACTION_NOT_IN_SERVICE"))
                .singleElement().satisfies(f -> assertThat(f.message()).startsWith("kms:Decrypt is not sqs"));
        assertThat(endpointOf("com.amazonaws.us-east-1.ecr.dkr", sqs.replace("sqs:SendMessage", "ecr:BatchGetImage")))
                .filteredOn(f -> f.code().equals("ACTION_NOT_IN_SERVICE")).extracting(Finding::message)
                .allMatch(m -> m.startsWith("kms:Decrypt"));
    }

    private static Severity severity(List<Finding> findings, FindingCode code) {
        return findings.stream().filter(f -> f.code().equals(code.name())).findFirst().orElseThrow().severity();
    }
}
