package io.vpcportal.policy;

import static io.vpcportal.policy.PolicyFixtures.BREAK_GLASS;
import static io.vpcportal.policy.PolicyFixtures.management;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.platform.UnprocessableException;
import io.vpcportal.policy.internal.CanonicalJson;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BucketPolicyMergeTests {

    /** Three statements written by others, in canonical form, with a number and a non-ASCII string. */
    static final String FOREIGN = """
            {
              "Version": "2012-10-17",
              "Id": "KeepMe",
              "Statement": [
                {
                  "Sid": "DenyInsecureTransport",
                  "Effect": "Deny",
                  "Principal": "*",
                  "Action": "s3:*",
                  "Resource": [
                    "arn:aws:s3:::uploads-bucket/*",
                    "arn:aws:s3:::uploads-bucket"
                  ],
                  "Condition": {
                    "Bool": {
                      "aws:SecureTransport": "false"
                    }
                  }
                },
                {
                  "Effect": "Allow",
                  "Principal": {
                    "AWS": "arn:aws:iam::222222222222:root"
                  },
                  "Resource": "arn:aws:s3:::uploads-bucket/shared/*",
                  "Action": [
                    "s3:GetObject"
                  ]
                },
                {
                  "Sid": "LimitListing — équipe données",
                  "Effect": "Deny",
                  "Principal": "*",
                  "Action": "s3:ListBucket",
                  "Resource": "arn:aws:s3:::uploads-bucket",
                  "Condition": {
                    "NumericGreaterThan": {
                      "s3:max-keys": 1000
                    }
                  }
                }
              ]
            }""";

    private final PolicyManagement policies = management();

    private static BucketPolicySpec spec(String... endpoints) {
        return new BucketPolicySpec("uploads-bucket", BucketRestriction.SOURCE_VPCE, List.of(endpoints),
                List.of(BREAK_GLASS), EnforcementMode.ENFORCE);
    }

    private static List<String> statementTexts(String policy) {
        return CanonicalJson.parse(policy).get("Statement").values().stream().map(CanonicalJson::write).toList();
    }

    @Test
    void mergingKeepsEveryForeignStatementByteIdenticalAndInPlace() {
        String merged = policies.mergeBucketPolicy(FOREIGN, spec("vpce-0a1b2c3d4e5f60718")).orElseThrow();
        List<String> before = statementTexts(FOREIGN);
        List<String> after = statementTexts(merged);
        assertThat(after).hasSize(4);
        assertThat(after.subList(0, 3)).containsExactlyElementsOf(before);
        assertThat(after.get(3)).contains("\"Sid\": \"VpcePortalDenyUnlessSourceVpce\"");
        // the whole foreign text survives as a block, in the document's own indentation
        String foreignBlock = FOREIGN.substring(FOREIGN.indexOf("    {"), FOREIGN.lastIndexOf("    }") + 5);
        assertThat(merged).contains(foreignBlock).startsWith("{\n  \"Version\": \"2012-10-17\",\n  \"Id\": \"KeepMe\",");
    }

    @Test
    void removingThePortalsPartRestoresTheOriginalDocument() {
        String merged = policies.mergeBucketPolicy(FOREIGN, spec("vpce-0a1b2c3d4e5f60718")).orElseThrow();
        assertThat(policies.removePortalStatements(merged)).contains(FOREIGN);
        assertThat(policies.removeFromBucketPolicy(merged, "vpce-0a1b2c3d4e5f60718")).contains(FOREIGN);
    }

    @Test
    void aPolicyInAnyLayoutComesBackInCanonicalLayoutWithTheSameContent() {
        String compact = CanonicalJson.parse(FOREIGN).toString();
        assertThat(compact).doesNotContain("\n");
        String merged = policies.mergeBucketPolicy(compact, spec("vpce-0a1b2c3d4e5f60718")).orElseThrow();
        assertThat(policies.removePortalStatements(merged)).contains(FOREIGN);
        JsonNode restored = CanonicalJson.parse(policies.removePortalStatements(merged).orElseThrow());
        assertThat(restored).isEqualTo(CanonicalJson.parse(compact));
    }

    @Test
    void endpointsShareOneStatementAndRemovingOneKeepsTheOthers() {
        String one = policies.mergeBucketPolicy(FOREIGN, spec("vpce-0a1b2c3d4e5f60718")).orElseThrow();
        String two = policies.mergeBucketPolicy(one, spec("vpce-0123456789abcdef0")).orElseThrow();
        assertThat(statementTexts(two)).hasSize(4);
        assertThat(statementTexts(two).get(3)).contains("\"vpce-0123456789abcdef0\",", "\"vpce-0a1b2c3d4e5f60718\"");
        String back = policies.removeFromBucketPolicy(two, "vpce-0123456789abcdef0").orElseThrow();
        assertThat(back).isEqualTo(one);
        assertThat(policies.mergeBucketPolicy(two, spec("vpce-0a1b2c3d4e5f60718"))).contains(two);
    }

    @Test
    void changingTheRestrictionReplacesThePortalStatement() {
        String byEndpoint = policies.mergeBucketPolicy(FOREIGN, spec("vpce-0a1b2c3d4e5f60718")).orElseThrow();
        String byOrganization = policies.mergeBucketPolicy(byEndpoint, new BucketPolicySpec("uploads-bucket",
                BucketRestriction.VPCE_ORG_ID, List.of("o-exampleorgid"), List.of(BREAK_GLASS), EnforcementMode.ENFORCE))
                .orElseThrow();
        assertThat(statementTexts(byOrganization)).hasSize(4);
        assertThat(byOrganization).contains("VpcePortalDenyUnlessVpceOrgID").doesNotContain("SourceVpce\"");
    }

    @Test
    void aBucketWithoutPolicyGetsAFreshDocumentAndLosesItAgain() {
        String fresh = policies.mergeBucketPolicy(null, spec("vpce-0a1b2c3d4e5f60718")).orElseThrow();
        assertThat(statementTexts(fresh)).hasSize(1);
        assertThat(policies.removeFromBucketPolicy(fresh, "vpce-0a1b2c3d4e5f60718")).isEmpty();
        assertThat(policies.removePortalStatements(fresh)).isEmpty();
    }

    @Test
    void removingAnUnknownEndpointChangesNothing() {
        String merged = policies.mergeBucketPolicy(FOREIGN, spec("vpce-0a1b2c3d4e5f60718")).orElseThrow();
        assertThat(policies.removeFromBucketPolicy(merged, "vpce-0fffffffffffffff0")).contains(merged);
    }

    @Test
    void auditModeWritesNoDenyButKeepsAnEnforcedRestrictionEnforced() {
        BucketPolicySpec audit = new BucketPolicySpec("uploads-bucket", BucketRestriction.SOURCE_VPCE,
                List.of("vpce-0a1b2c3d4e5f60718"), List.of(BREAK_GLASS), EnforcementMode.AUDIT);
        assertThat(policies.mergeBucketPolicy(FOREIGN, audit)).contains(FOREIGN);
        assertThat(policies.mergeBucketPolicy(null, audit)).isEmpty();
        String enforced = policies.mergeBucketPolicy(FOREIGN, spec("vpce-0123456789abcdef0")).orElseThrow();
        String added = policies.mergeBucketPolicy(enforced, audit).orElseThrow();
        assertThat(statementTexts(added).get(3)).contains("vpce-0a1b2c3d4e5f60718", "vpce-0123456789abcdef0");
    }

    @Test
    void aStatementWrittenAsOneObjectIsKept() {
        String single = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"Theirs\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"s3:DeleteBucket\",\"Resource\":\"arn:aws:s3:::uploads-bucket\"}}";
        String merged = policies.mergeBucketPolicy(single, spec("vpce-0a1b2c3d4e5f60718")).orElseThrow();
        assertThat(statementTexts(merged).get(0)).isEqualTo(CanonicalJson.write(CanonicalJson.parse(single).get("Statement")));
        assertThat(policies.removePortalStatements(merged).orElseThrow()).contains("\"Sid\": \"Theirs\"");
    }

    @Test
    void aMalformedPolicyInForceIsRefusedNotOverwritten() {
        assertThatThrownBy(() -> policies.mergeBucketPolicy("{\"Version\":", spec("vpce-0a1b2c3d4e5f60718")))
                .isInstanceOf(UnprocessableException.class);
        assertThatThrownBy(() -> policies.mergeBucketPolicy("{\"Version\":\"2012-10-17\"}", spec("vpce-0a1b2c3d4e5f60718")))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("no Statement");
        assertThatThrownBy(() -> policies.mergeBucketPolicy("{\"Statement\":[1]}", spec("vpce-0a1b2c3d4e5f60718")))
                .isInstanceOf(UnprocessableException.class);
    }

    @Test
    void theMergedPolicyPassesValidationWithoutErrors() {
        String merged = policies.mergeBucketPolicy(FOREIGN, spec("vpce-0a1b2c3d4e5f60718")).orElseThrow();
        assertThat(policies.validate(PolicyValidationInput.bucket(merged, "uploads-bucket", List.of(BREAK_GLASS))))
                .noneMatch(Finding::blocking);
        Optional<String> none = policies.removeFromBucketPolicy(null, "vpce-0a1b2c3d4e5f60718");
        assertThat(none).isEmpty();
    }
}
