package io.vpcportal.policy.internal;

import static io.vpcportal.policy.internal.Policies.allowIf;
import static io.vpcportal.policy.internal.Policies.effect;
import static io.vpcportal.policy.internal.Policies.request;
import static io.vpcportal.policy.internal.PolicyEvaluator.Effect.ALLOW;
import static io.vpcportal.policy.internal.PolicyEvaluator.Effect.DENY;
import static io.vpcportal.policy.internal.PolicyEvaluator.Effect.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.policy.internal.PolicyEvaluator.Effect;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table tests from AWS's documentation of policy evaluation and condition operators. Each case names the page it
 * comes from (under https://docs.aws.amazon.com/IAM/latest/UserGuide/).
 */
class PolicyEvaluatorTests {

    private static final String OBJECT = "arn:aws:s3:::bucket/key";

    @Test
    void explicitDenyOverridesAnAllow() {
        // reference_policies_evaluation-logic.html: "An explicit deny in any policy overrides any allows"
        String policy = """
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "AllowAll", "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"},
                  {"Sid": "NoDelete", "Effect": "Deny", "Principal": "*", "Action": "s3:DeleteObject", "Resource": "*"}]}""";
        PolicyEvaluator.Outcome outcome = PolicyEvaluator.evaluate(Policies.document(policy),
                request("s3:DeleteObject", OBJECT, Map.of()));
        assertThat(outcome.effect()).isEqualTo(DENY);
        assertThat(outcome.statement().label()).isEqualTo("NoDelete");
        assertThat(effect(policy, request("s3:GetObject", OBJECT, Map.of()))).isEqualTo(ALLOW);
    }

    @Test
    void nothingApplicableIsAnImplicitDeny() {
        // reference_policies_evaluation-logic.html: "By default, all requests are implicitly denied"
        String policy = """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::other/*"}]}""";
        PolicyEvaluator.Outcome outcome = PolicyEvaluator.evaluate(Policies.document(policy),
                request("s3:GetObject", OBJECT, Map.of()));
        assertThat(outcome.effect()).isEqualTo(NONE);
        assertThat(outcome.statement()).isNull();
    }

    @Test
    void actionsMatchWildcardsIgnoringCaseAndResourcesRespectCase() {
        // reference_policies_elements_action.html: action names are case-insensitive and take wildcards;
        // reference_policies_elements_resource.html: ARNs are case-sensitive
        String policy = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
                 "Action": "s3:get*", "Resource": "arn:aws:s3:::bucket/*"}]}""";
        assertThat(effect(policy, request("S3:GetObject", OBJECT, Map.of()))).isEqualTo(ALLOW);
        assertThat(effect(policy, request("s3:PutObject", OBJECT, Map.of()))).isEqualTo(NONE);
        assertThat(effect(policy, request("s3:GetObject", "arn:aws:s3:::Bucket/key", Map.of()))).isEqualTo(NONE);
    }

    @Test
    void notActionAllowsEverythingElse() {
        // reference_policies_elements_notaction.html: Allow with NotAction iam:* allows all but IAM
        String policy = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
                 "NotAction": "iam:*", "Resource": "*"}]}""";
        assertThat(effect(policy, request("s3:GetObject", OBJECT, Map.of()))).isEqualTo(ALLOW);
        assertThat(effect(policy, request("iam:CreateUser", "*", Map.of()))).isEqualTo(NONE);
    }

    @Test
    void notResourceAppliesToEveryOtherResource() {
        // reference_policies_elements_notresource.html
        String policy = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*",
                 "NotResource": ["arn:aws:s3:::allowed", "arn:aws:s3:::allowed/*"]}]}""";
        assertThat(effect(policy, request("s3:GetObject", "arn:aws:s3:::allowed/k", Map.of()))).isEqualTo(NONE);
        assertThat(effect(policy, request("s3:GetObject", OBJECT, Map.of()))).isEqualTo(DENY);
    }

    @Test
    void notPrincipalDenyExemptsTheNamedPrincipals() {
        // reference_policies_elements_notprincipal.html: Deny with NotPrincipal denies everyone else
        String policy = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
                 "NotPrincipal": {"AWS": ["arn:aws:iam::111111111111:role/app"]}, "Action": "s3:*", "Resource": "*"}]}""";
        assertThat(effect(policy, request("s3:GetObject", OBJECT, Map.of()))).isEqualTo(NONE);
        assertThat(effect(policy, request("arn:aws:iam::111111111111:role/other", "s3:GetObject", OBJECT, Map.of())))
                .isEqualTo(DENY);
    }

    @Test
    void anAccountPrincipalNamesEveryIdentityOfTheAccountButNoOther() {
        // reference_policies_elements_principal.html#principal-accounts
        String policy = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                 "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "s3:*", "Resource": "*"}]}""";
        assertThat(effect(policy, request("s3:GetObject", OBJECT, Map.of()))).isEqualTo(ALLOW);
        assertThat(effect(policy, request("arn:aws:iam::222222222222:role/app", "s3:GetObject", OBJECT, Map.of())))
                .isEqualTo(NONE);
        assertThat(effect(policy, request("*", "s3:GetObject", OBJECT, Map.of()))).isEqualTo(NONE);
        assertThat(effect(policy, request("ssm.amazonaws.com", "s3:GetObject", OBJECT, Map.of()))).isEqualTo(NONE);
    }

    @Test
    void servicePrincipalsMatchByName() {
        String policy = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                 "Principal": {"Service": "logging.s3.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "*"}]}""";
        assertThat(effect(policy, request("logging.s3.amazonaws.com", "s3:PutObject", OBJECT, Map.of()))).isEqualTo(ALLOW);
        assertThat(effect(policy, request("ssm.amazonaws.com", "s3:PutObject", OBJECT, Map.of()))).isEqualTo(NONE);
        assertThat(effect(policy, request("s3:PutObject", OBJECT, Map.of()))).isEqualTo(NONE);
    }

    static Stream<Arguments> conditions() {
        String keysAndValues = """
                {"StringEquals": {"aws:PrincipalTag/department": "finance", "aws:PrincipalTag/role": ["audit", "security"]}}""";
        String negated = """
                {"StringNotEquals": {"aws:PrincipalTag/role": ["audit", "security"]}}""";
        String forAll = """
                {"ForAllValues:StringEquals": {"aws:TagKeys": ["environment", "cost-center"]}}""";
        String forAny = """
                {"ForAnyValue:StringEquals": {"aws:TagKeys": ["environment", "cost-center"]}}""";
        String ifExists = """
                {"StringLikeIfExists": {"ec2:InstanceType": ["t1.*", "t2.*", "m3.*"]}}""";
        String forAnyIfExists = """
                {"ForAnyValue:StringEqualsIfExists": {"aws:TagKeys": "environment"}}""";
        String nullCheck = """
                {"Null": {"aws:TokenIssueTime": "true"}}""";
        String ip = """
                {"NotIpAddress": {"aws:SourceIp": ["192.0.2.0/24", "203.0.113.0/24"]}}""";
        String ipv6 = """
                {"IpAddress": {"aws:SourceIp": "2001:DB8:1234:5678::/64"}}""";
        String date = """
                {"DateLessThan": {"aws:CurrentTime": "2020-04-01T00:00:00Z"}}""";
        String number = """
                {"NumericLessThanEquals": {"s3:max-keys": "10"}}""";
        String arn = """
                {"ArnLike": {"aws:SourceArn": "arn:aws:sns:*:123456789012:*"}}""";
        String bool = """
                {"Bool": {"aws:SecureTransport": "false"}}""";
        String ignoreCase = """
                {"StringEqualsIgnoreCase": {"aws:PrincipalTag/team": "Payments"}}""";
        return Stream.of(
                // reference_policies_multi-value-conditions.html: keys ANDed, values of one key ORed
                Arguments.of("keys ANDed, values ORed", keysAndValues, keys("aws:PrincipalTag/department", "finance", "aws:PrincipalTag/role", "audit"), true),
                Arguments.of("keys ANDed: other department", keysAndValues, keys("aws:PrincipalTag/department", "hr", "aws:PrincipalTag/role", "audit"), false),
                Arguments.of("values ORed: none matches", keysAndValues, keys("aws:PrincipalTag/department", "finance", "aws:PrincipalTag/role", "dev"), false),
                Arguments.of("absent key: false", keysAndValues, keys("aws:PrincipalTag/department", "finance"), false),
                // negated operators: values NORed; absent key: true (reference_policies_elements_condition_operators.html)
                Arguments.of("negated: one value matches", negated, keys("aws:PrincipalTag/role", "audit"), false),
                Arguments.of("negated: no value matches", negated, keys("aws:PrincipalTag/role", "dev"), true),
                Arguments.of("negated: absent key", negated, keys(), true),
                // ForAllValues: every request value in the set; an absent key is true
                Arguments.of("ForAllValues: subset", forAll, keys("aws:TagKeys", "environment"), true),
                Arguments.of("ForAllValues: same set", forAll, keys("aws:TagKeys", "environment", "aws:TagKeys", "cost-center"), true),
                Arguments.of("ForAllValues: one outside", forAll, keys("aws:TagKeys", "environment", "aws:TagKeys", "project"), false),
                Arguments.of("ForAllValues: absent key", forAll, keys(), true),
                // ForAnyValue: one request value in the set; an absent key is false
                Arguments.of("ForAnyValue: one inside", forAny, keys("aws:TagKeys", "project", "aws:TagKeys", "environment"), true),
                Arguments.of("ForAnyValue: none inside", forAny, keys("aws:TagKeys", "project"), false),
                Arguments.of("ForAnyValue: absent key", forAny, keys(), false),
                Arguments.of("ForAnyValue IfExists: absent key", forAnyIfExists, keys(), true),
                // ...IfExists: reference_policies_elements_condition_operators.html#Conditions_IfExists
                Arguments.of("IfExists: present, matching", ifExists, keys("ec2:InstanceType", "t2.micro"), true),
                Arguments.of("IfExists: present, not matching", ifExists, keys("ec2:InstanceType", "m5.large"), false),
                Arguments.of("IfExists: absent", ifExists, keys(), true),
                // Null: #Conditions_Null
                Arguments.of("Null true: absent", nullCheck, keys(), true),
                Arguments.of("Null true: present", nullCheck, keys("aws:TokenIssueTime", "2020-01-01T00:00:00Z"), false),
                // IP addresses: #Conditions_IPAddress
                Arguments.of("NotIpAddress: inside a block", ip, keys("aws:SourceIp", "192.0.2.10"), false),
                Arguments.of("NotIpAddress: outside", ip, keys("aws:SourceIp", "198.51.100.1"), true),
                Arguments.of("IpAddress v6 inside", ipv6, keys("aws:SourceIp", "2001:db8:1234:5678::1"), true),
                Arguments.of("IpAddress v6 outside", ipv6, keys("aws:SourceIp", "2001:db8:1234:9999::1"), false),
                // dates, numbers, ARNs, booleans
                Arguments.of("DateLessThan: before", date, keys("aws:CurrentTime", "2020-03-31T23:59:59Z"), true),
                Arguments.of("DateLessThan: after", date, keys("aws:CurrentTime", "2020-04-01T00:00:00Z"), false),
                Arguments.of("DateLessThan: epoch seconds", date, keys("aws:CurrentTime", "1585699199"), true),
                Arguments.of("NumericLessThanEquals: equal", number, keys("s3:max-keys", "10"), true),
                Arguments.of("NumericLessThanEquals: above", number, keys("s3:max-keys", "11"), false),
                Arguments.of("ArnLike: same account", arn, keys("aws:SourceArn", "arn:aws:sns:eu-west-1:123456789012:topic"), true),
                Arguments.of("ArnLike: other account", arn, keys("aws:SourceArn", "arn:aws:sns:eu-west-1:999999999999:topic"), false),
                Arguments.of("Bool false", bool, keys("aws:SecureTransport", "false"), true),
                Arguments.of("Bool true", bool, keys("aws:SecureTransport", "true"), false),
                Arguments.of("keys are case-insensitive", ignoreCase, keys("AWS:PRINCIPALTAG/TEAM", "payments"), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void conditionOperatorsFollowAwsDocumentation(String name, String condition, Map<String, List<String>> keys,
            boolean applies) {
        Effect effect = effect(allowIf(condition), request("s3:GetObject", OBJECT, keys));
        assertThat(effect).isEqualTo(applies ? ALLOW : NONE);
    }

    /** Pairs of key, value; a key given twice has two values. */
    static Map<String, List<String>> keys(String... pairs) {
        Map<String, List<String>> keys = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            keys.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return keys;
    }
}
