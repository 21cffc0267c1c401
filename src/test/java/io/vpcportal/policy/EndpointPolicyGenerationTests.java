package io.vpcportal.policy;

import static io.vpcportal.policy.PolicyFixtures.ACCOUNT;
import static io.vpcportal.policy.PolicyFixtures.BREAK_GLASS;
import static io.vpcportal.policy.PolicyFixtures.S3;
import static io.vpcportal.policy.PolicyFixtures.input;
import static io.vpcportal.policy.PolicyFixtures.management;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointPolicyGenerationTests {

    private final PolicyManagement policies = management();

    @Test
    void fullAccessIsAwsDefaultPolicyByteForByte() {
        GeneratedPolicies p = policies.preview(input("com.amazonaws.us-east-1.sqs", "Interface", "full-access", null, null, null));
        assertThat(p.endpointPolicy()).isEqualTo("""
                {
                  "Version": "2008-10-17",
                  "Statement": [
                    {
                      "Effect": "Allow",
                      "Principal": "*",
                      "Action": "*",
                      "Resource": "*"
                    }
                  ]
                }""");
        assertThat(p.findings()).extracting(Finding::code)
                .containsExactlyInAnyOrder("WILDCARD_PRINCIPAL_NO_CONDITION", "ALLOW_ALL_ACTIONS");
        assertThat(p.blocking()).isFalse();
    }

    @Test
    void fullAccessShowsNoChangeAgainstTheDefaultPolicyAwsReports() {
        String asDescribed = "{\"Statement\":[{\"Action\":\"*\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Resource\":\"*\"}],"
                + "\"Version\":\"2008-10-17\"}";
        GeneratedPolicies p = policies.preview(input("com.amazonaws.us-east-1.sqs", "Interface", "full-access", null, null, null)
                .withOptions(new PreviewOptions(null, null, null, null, asDescribed, null, null)));
        assertThat(p.endpointPolicyDiff().changed()).isFalse();
    }

    @Test
    void organizationFollowsTheDataPerimeterExample() {
        GeneratedPolicies p = policies.preview(input("com.amazonaws.us-east-1.glue", "Interface", "organization", null, null, null));
        assertThat(p.endpointPolicy()).isEqualTo("""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "AllowRequestsByOrgsIdentitiesToOrgsResources",
                      "Effect": "Allow",
                      "Principal": {
                        "AWS": "*"
                      },
                      "Action": "*",
                      "Resource": "*",
                      "Condition": {
                        "StringEquals": {
                          "aws:PrincipalOrgID": "o-exampleorgid",
                          "aws:ResourceOrgID": "o-exampleorgid"
                        }
                      }
                    },
                    {
                      "Sid": "AllowRequestsByAWSServicePrincipals",
                      "Effect": "Allow",
                      "Principal": {
                        "AWS": "*"
                      },
                      "Action": "*",
                      "Resource": "*",
                      "Condition": {
                        "Bool": {
                          "aws:PrincipalIsAWSService": "true"
                        }
                      }
                    }
                  ]
                }""");
        assertThat(p.findings()).extracting(Finding::code, Finding::severity)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("ALLOW_ALL_ACTIONS", Severity.SUGGESTION));
    }

    @Test
    void organizationForS3AlsoAllowsTheAwsOwnedBuckets() {
        GeneratedPolicies p = policies.preview(input(S3, "Gateway", "organization", List.of(), null, null));
        assertThat(p.endpointPolicy()).contains("\"Sid\": \"AllowRequestsToAWSOwnedResources\"")
                .contains("arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*")
                .contains("arn:aws:s3:::amazon-ssm-us-east-1/*")
                .contains("arn:aws:s3:::al2023-repos-us-east-1-de612dc2/*");
        assertThat(p.findings()).extracting(Finding::code).doesNotContain("BLOCKS_AWS_OWNED_BUCKETS");
    }

    @Test
    void organizationWithoutTheOrganizationIdFallsBackToTheAccountAndSaysSo() {
        EndpointPolicyInput noOrg = new EndpointPolicyInput("us-east-1", "com.amazonaws.us-east-1.glue", "Interface",
                "organization", null, null, null, null, List.of(), ACCOUNT);
        GeneratedPolicies p = policies.preview(noOrg);
        assertThat(compact(p.endpointPolicy())).contains(compact("\"aws:PrincipalAccount\": \"" + ACCOUNT + "\""))
                .contains(compact("\"aws:ResourceAccount\": \"" + ACCOUNT + "\"")).doesNotContain("PrincipalOrgID");
        assertThat(p.findings()).extracting(Finding::code).contains("NO_ORGANIZATION_ID");
        EndpointPolicyInput neither = new EndpointPolicyInput("us-east-1", "com.amazonaws.us-east-1.glue", "Interface",
                "organization", null, null, null, null, List.of(), null);
        assertThatThrownBy(() -> policies.preview(neither)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).violations()).asList()
                .extracting(v -> ((FieldViolation) v).field()).containsExactly("policyChoice");
    }

    @Test
    void s3BucketsAllowsOnlyTheListedBucketsToTheOrganizationPlusAwsOwnedBuckets() {
        GeneratedPolicies p = policies.preview(input(S3, "Gateway", "s3-buckets", List.of("logs-b", "data-a"), null, null));
        assertThat(compact(p.endpointPolicy())).contains(compact("""
                      "Sid": "AllowListedBuckets",
                      "Effect": "Allow",
                      "Principal": "*",
                      "Action": "s3:*",
                      "Resource": [
                        "arn:aws:s3:::data-a",
                        "arn:aws:s3:::data-a/*",
                        "arn:aws:s3:::logs-b",
                        "arn:aws:s3:::logs-b/*"
                      ],
                      "Condition": {
                        "StringEquals": {
                          "aws:PrincipalOrgID": "o-exampleorgid"
                        }
                      }""")).contains("arn:aws:s3:::us-east-1-birdwatcher-prod/*");
        assertThat(p.bucketPolicies()).extracting(BucketPolicy::bucket).containsExactly("data-a", "logs-b");
        assertThat(p.findings()).isEmpty();
    }

    @Test
    void s3BucketsWithoutOrganizationRestrictsToTheAccount() {
        EndpointPolicyInput in = new EndpointPolicyInput("eu-west-1", "com.amazonaws.eu-west-1.s3", "Gateway",
                "s3-buckets", List.of("b-one"), null, null, null, List.of(BREAK_GLASS), ACCOUNT);
        assertThat(policies.preview(in).endpointPolicy()).contains("\"aws:PrincipalAccount\": \"111111111111\"")
                .contains("arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*");
    }

    @Test
    void s3BucketsNeedsAnS3EndpointAndABucket() {
        assertThatThrownBy(() -> policies.preview(input(S3, "Gateway", "s3-buckets", List.of(), null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bucketNames");
        assertThatThrownBy(() -> policies.preview(input("com.amazonaws.us-east-1.sqs", "Interface", "s3-buckets",
                List.of("b-one"), null, null))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("policyChoice").hasMessageContaining("only S3 endpoints take bucket names");
    }

    @Test
    void dynamoDbTablesNamesTheTablesAndTheirIndexes() {
        GeneratedPolicies p = policies.preview(input("com.amazonaws.us-east-1.dynamodb", "Gateway", "dynamodb-tables",
                null, List.of("orders", "Customers"), null));
        assertThat(compact(p.endpointPolicy())).contains(compact("""
                      "Resource": [
                        "arn:aws:dynamodb:us-east-1:111111111111:table/Customers",
                        "arn:aws:dynamodb:us-east-1:111111111111:table/Customers/*",
                        "arn:aws:dynamodb:us-east-1:111111111111:table/orders",
                        "arn:aws:dynamodb:us-east-1:111111111111:table/orders/*"
                      ]""")).contains("\"dynamodb:ListTables\"");
        assertThat(p.findings()).isEmpty();
        assertThat(p.matrix()).filteredOn(d -> d.check().resource().endsWith("table/orders")).allMatch(AccessDecision::allowed);
    }

    @Test
    void dynamoDbTablesWithoutTablesCoversEveryTableOfTheAccount() {
        GeneratedPolicies p = policies.preview(input("com.amazonaws.us-east-1.dynamodb", "Gateway", "dynamodb-tables",
                null, List.of(), null));
        assertThat(p.endpointPolicy()).contains("\"arn:aws:dynamodb:us-east-1:111111111111:table/*\"");
    }

    @Test
    void readOnlyListsTheReadingActionsOfTheService() {
        GeneratedPolicies p = policies.preview(input("com.amazonaws.us-east-1.dynamodb", "Gateway", "read-only", null,
                null, null));
        assertThat(p.endpointPolicy()).contains("\"dynamodb:Describe*\"", "\"dynamodb:Get*\"", "\"dynamodb:List*\"",
                "\"dynamodb:Query\"", "\"dynamodb:Scan\"").doesNotContain("PutItem");
        assertThat(p.matrix()).filteredOn(d -> d.check().action().equals("dynamodb:PutItem"))
                .isNotEmpty().noneMatch(AccessDecision::allowed);
        assertThat(p.matrix()).filteredOn(d -> d.check().action().equals("dynamodb:GetItem")).allMatch(AccessDecision::allowed);
    }

    @Test
    void readOnlyForS3KeepsTheAwsOwnedBucketsReachable() {
        GeneratedPolicies p = policies.preview(input(S3, "Gateway", "read-only", List.of(), null, null));
        assertThat(p.endpointPolicy()).contains("\"s3:Get*\"").contains("AllowRequestsToAWSOwnedResources");
        assertThat(p.findings()).extracting(Finding::code).doesNotContain("BLOCKS_AWS_OWNED_BUCKETS");
    }

    @Test
    void customPoliciesAreValidatedAndWrittenInCanonicalForm() {
        String pasted = "{\"Statement\":[{\"Resource\":[\"arn:aws:sqs:us-east-1:111111111111:b\",\"arn:aws:sqs:us-east-1:111111111111:a\","
                + "\"arn:aws:sqs:us-east-1:111111111111:a\"],\"Action\":[\"sqs:SendMessage\"],\"Principal\":\"*\",\"Effect\":\"Allow\","
                + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalAccount\":\"111111111111\"}}}],\"Version\":\"2012-10-17\"}";
        GeneratedPolicies p = policies.preview(input("com.amazonaws.us-east-1.sqs", "Interface", "custom", null, null, pasted));
        assertThat(p.endpointPolicy()).isEqualTo("""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Effect": "Allow",
                      "Principal": "*",
                      "Action": "sqs:SendMessage",
                      "Resource": [
                        "arn:aws:sqs:us-east-1:111111111111:a",
                        "arn:aws:sqs:us-east-1:111111111111:b"
                      ],
                      "Condition": {
                        "StringEquals": {
                          "aws:PrincipalAccount": "111111111111"
                        }
                      }
                    }
                  ]
                }""");
        assertThat(p.findings()).isEmpty();
    }

    @Test
    void customPolicyThatIsNotJsonIsAGrammarErrorNotACrash() {
        GeneratedPolicies p = policies.preview(input("com.amazonaws.us-east-1.sqs", "Interface", "custom", null, null, "{nope"));
        assertThat(p.endpointPolicy()).isEqualTo("{nope");
        assertThat(p.errors()).extracting(Finding::code, Finding::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GRAMMAR", "endpointPolicy"));
        assertThat(p.blocking()).isTrue();
    }

    @Test
    void endpointsWithoutPolicySupportGetNone() {
        GeneratedPolicies gwlb = policies.preview(input("com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
                "GatewayLoadBalancer", "full-access", null, null, null));
        assertThat(gwlb.endpointPolicy()).isNull();
        assertThat(gwlb.findings()).extracting(Finding::code).containsExactly("NO_ENDPOINT_POLICY");
    }

    @Test
    void unknownChoicesAndMalformedFieldsAreReportedTogether() {
        EndpointPolicyInput bad = new EndpointPolicyInput("mars-north-1", "s3", "Tunnel", "everything", List.of("Bad_Bucket"),
                null, null, "o-short", List.of("arn:aws:iam::1:role/x"), "12");
        assertThatThrownBy(() -> policies.preview(bad)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).violations()).asList()
                .extracting(v -> ((FieldViolation) v).field())
                .contains("region", "serviceName", "endpointType", "policyChoice", "bucketNames", "organizationId",
                        "breakGlassPrincipalArns", "accountId");
    }

    @Test
    void sameInputInAnyListOrderGivesTheSameBytes() {
        GeneratedPolicies a = policies.preview(input(S3, "Gateway", "s3-buckets", List.of("b-two", "a-one", "c-three"), null, null));
        GeneratedPolicies b = policies.preview(input(S3, "Gateway", "s3-buckets", List.of("c-three", "b-two", "a-one", "b-two"), null, null));
        assertThat(b.endpointPolicy()).isEqualTo(a.endpointPolicy());
        assertThat(b.bucketPolicies()).isEqualTo(a.bucketPolicies());
        assertThat(b).isEqualTo(a);
    }

    /** The text without white space, to look for a part of a document whatever its indentation. */
    private static String compact(String json) {
        return json.replaceAll("\\s+", "");
    }
}
