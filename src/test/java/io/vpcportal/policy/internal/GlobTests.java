package io.vpcportal.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTests {

    @ParameterizedTest(name = "{0} ~ {1} (ignore case {2}) = {3}")
    @CsvSource({
            "*, anything, false, true",
            "*, '', false, true",
            "s3:Get*, s3:GetObject, true, true",
            "s3:get*, S3:GETOBJECT, true, true",
            "s3:get*, S3:GETOBJECT, false, false",
            "s3:?etObject, s3:GetObject, false, true",
            "s3:?etObject, s3:etObject, false, false",
            "a*b*c, axxbyyc, false, true",
            "a*b*c, axxbyy, false, false",
            "*-prod, app-prod, false, true",
            "*-prod, app-prod-2, false, false",
            "**, x, false, true",
    })
    void matchesWildcards(String pattern, String text, boolean ignoreCase, boolean expected) {
        assertThat(Glob.matches(pattern, text, ignoreCase)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
            "*, arn:aws:s3:::b/k, true",
            "arn:aws:s3:::b/*, arn:aws:s3:::b/k/deep, true",
            "arn:aws:s3:::b/*, arn:aws:s3:::b, false",
            "arn:aws:s3:::b, arn:aws:s3:::b, true",
            "arn:aws:s3:::B/*, arn:aws:s3:::b/k, false",
            "arn:aws:sns:*:123456789012:*, arn:aws:sns:us-east-1:123456789012:topic, true",
            "arn:aws:sns:*:123456789012:*, arn:aws:sns:us-east-1:999999999999:topic, false",
            "arn:aws:logs:us-east-1:123456789012:log-group:app:*, arn:aws:logs:us-east-1:123456789012:log-group:app:log-stream:x, true",
            "arn:aws:iam::*:role/Admin, arn:aws:iam::111111111111:role/Admin, true",
            "arn:aws:iam::*:role/Admin, arn:aws:iam::111111111111:role/Admins, false",
    })
    void matchesArnsPartByPart(String pattern, String arn, boolean expected) {
        assertThat(Glob.matchesArn(pattern, arn)).isEqualTo(expected);
    }
}
