package io.vpcportal.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.policy.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The IAM policy grammar, rule by rule: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html */
class PolicyGrammarTests {

    private static final String VALID = """
            {"Version": "2012-10-17", "Id": "x", "Statement": [{"Sid": "A", "Effect": "Allow", "Principal": {"AWS": ["111111111111",
             "arn:aws:iam::111111111111:role/app"], "Service": "ssm.amazonaws.com"}, "Action": ["s3:Get*", "s3:?utObject"],
             "Resource": ["arn:aws:s3:::b/*", "*"], "Condition": {"StringLike": {"s3:prefix": ["home/*"]},
             "NumericLessThan": {"s3:max-keys": 10}, "Bool": {"aws:SecureTransport": true},
             "IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "2001:db8::/32"]}, "DateGreaterThan": {"aws:CurrentTime": "2020-01-01"},
             "ForAllValues:StringEquals": {"aws:TagKeys": ["a", "b"]}, "Null": {"aws:TokenIssueTime": "false"}}},
             {"Sid": "B", "Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:sts::111111111111:assumed-role/app/s"},
              "NotAction": "iam:*", "NotResource": "arn:aws:iam::111111111111:role/*"}]}""";

    @Test
    void aDocumentUsingEveryElementIsValid() {
        ParsedPolicy parsed = PolicyParser.parse(VALID);
        assertThat(parsed.findings()).isEmpty();
        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.document().statements()).hasSize(2);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            {nope                                                                                       | ''                        | not JSON
            []                                                                                          | ''                        | not an object
            {"Version":"2012-10-17","Statement":[],"Extra":1}                                           | Extra                     | unknown top element
            {"Version":"2012-10-17","Statement":[]}                                                     | Statement                 | empty statement list
            {"Version":"2012-10-17"}                                                                    | Statement                 | no statement
            {"Version":"2012-10-17","Statement":"x"}                                                    | Statement                 | statement of the wrong type
            {"Version":"2012-10-17","Statement":[1]}                                                    | Statement[0]              | statement not an object
            {"Version":"2020-01-01","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}   | Version | unknown version
            {"Version":"2012-10-17","Statement":[{"Effect":"Permit","Principal":"*","Action":"*","Resource":"*"}]}  | Statement[0].Effect | wrong effect
            {"Version":"2012-10-17","Statement":[{"Principal":"*","Action":"*","Resource":"*"}]}                    | Statement[0].Effect | no effect
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*","When":1}]} | Statement[0].When | unknown element
            {"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Principal":"*","Action":"*","Resource":"*"},{"Sid":"A","Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]} | Statement[1].Sid | duplicate Sid
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","NotPrincipal":"*","Action":"*","Resource":"*"}]} | Statement[0] | Principal and NotPrincipal
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","NotAction":"s3:*","Resource":"*"}]} | Statement[0] | Action and NotAction
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Resource":"*"}]}                | Statement[0] | no action
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*"}]}                  | Statement[0] | no resource
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"GetObject","Resource":"*"}]} | Statement[0].Action | action without service
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":[],"Resource":"*"}]}    | Statement[0].Action | empty action list
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"bucket"}]} | Statement[0].Resource | resource not an ARN
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"everyone","Action":"*","Resource":"*"}]} | Statement[0].Principal | principal string other than *
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::*:role/x"},"Action":"*","Resource":"*"}]} | Statement[0].Principal.AWS | wildcard inside a principal
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Users":"x"},"Action":"*","Resource":"*"}]} | Statement[0].Principal | unknown principal type
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm"},"Action":"*","Resource":"*"}]} | Statement[0].Principal.Service | malformed service principal
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":[]}]} | Statement[0].Condition | condition not an object
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"StringEquals":{"nokey":"x"}}}]} | Statement[0].Condition.StringEquals | malformed condition key
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:x":{"a":1}}}}]} | Statement[0].Condition.StringEquals.aws:x | object as condition value
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"NumericEquals":{"s3:max-keys":"ten"}}}]} | Statement[0].Condition.NumericEquals.s3:max-keys | number that is not one
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"yes"}}}]} | Statement[0].Condition.Bool.aws:SecureTransport | boolean that is not one
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.300/8"}}}]} | Statement[0].Condition.IpAddress.aws:SourceIp | bad address
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"soon"}}}]} | Statement[0].Condition.DateLessThan.aws:CurrentTime | bad date
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}],"Version":"2012-10-17"} | '' | duplicate member
            """)
    void brokenRulesAreErrorsAtTheirPath(String policy, String path, String rule) {
        ParsedPolicy parsed = PolicyParser.parse(policy);
        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.findings()).filteredOn(Finding::blocking).extracting(Finding::code, Finding::path)
                .contains(org.assertj.core.groups.Tuple.tuple("GRAMMAR", path));
    }

    @ParameterizedTest
    @CsvSource({"StringEqualz", "NullIfExists", "ForSomeValues:StringEquals", "IfExists", "ForAnyValue:Null"})
    void unknownOperatorsAreReportedAsSuch(String operator) {
        String policy = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*",
                 "Condition":{"%s":{"aws:x":"y"}}}]}""".formatted(operator);
        assertThat(PolicyParser.parse(policy).findings()).extracting(Finding::code, Finding::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("UNKNOWN_CONDITION_OPERATOR",
                        "Statement[0].Condition." + operator));
    }

    @ParameterizedTest
    @CsvSource({"StringEquals", "StringNotEqualsIgnoreCase", "ArnNotLikeIfExists", "ForAllValues:StringLike",
            "ForAnyValue:ArnEqualsIfExists", "BinaryEquals", "DateNotEquals", "NumericGreaterThanEqualsIfExists"})
    void knownOperatorsAreAccepted(String operator) {
        assertThat(ConditionOperator.parse(operator)).isPresent();
    }
}
