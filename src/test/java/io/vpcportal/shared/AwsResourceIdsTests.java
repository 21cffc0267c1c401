package io.vpcportal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class AwsResourceIdsTests {

    @ParameterizedTest
    @EnumSource(AwsResourceIds.class)
    void eightAndSeventeenLowercaseHexDigitsMatch(AwsResourceIds kind) {
        assertThat(kind.matches(kind.prefix() + "-0a1b2c3d")).isTrue();
        assertThat(kind.matches(kind.prefix() + "-0123456789abcdef0")).isTrue();
        assertThat(kind.matches(kind.prefix() + "-ffffffff")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(AwsResourceIds.class)
    void otherLengthsDoNotMatch(AwsResourceIds kind) {
        for (int digits : new int[] {0, 1, 7, 9, 12, 16, 18, 32}) {
            assertThat(kind.matches(kind.prefix() + "-" + "a".repeat(digits))).as("%d digits", digits).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(AwsResourceIds.class)
    void uppercaseAndNonHexDoNotMatch(AwsResourceIds kind) {
        assertThat(kind.matches(kind.prefix() + "-0A1B2C3D")).isFalse();
        assertThat(kind.matches(kind.prefix() + "-0a1b2c3D")).isFalse();
        assertThat(kind.matches(kind.prefix().toUpperCase() + "-0a1b2c3d")).isFalse();
        assertThat(kind.matches(kind.prefix() + "-0a1b2c3g")).isFalse();
        assertThat(kind.matches(kind.prefix() + "-\uff10a1b2c3d")).as("full-width digit").isFalse();
    }

    @ParameterizedTest
    @EnumSource(AwsResourceIds.class)
    void separatorsWhitespaceAndNullDoNotMatch(AwsResourceIds kind) {
        assertThat(kind.matches(null)).isFalse();
        assertThat(kind.matches("")).isFalse();
        assertThat(kind.matches(kind.prefix())).isFalse();
        assertThat(kind.matches(kind.prefix() + "-")).isFalse();
        assertThat(kind.matches(kind.prefix() + "_0a1b2c3d")).isFalse();
        assertThat(kind.matches(kind.prefix() + "0a1b2c3d")).isFalse();
        assertThat(kind.matches(" " + kind.prefix() + "-0a1b2c3d")).isFalse();
        assertThat(kind.matches(kind.prefix() + "-0a1b2c3d\n")).isFalse();
        assertThat(kind.matches(kind.prefix() + "-0a1b2c3d-0a1b2c3d")).isFalse();
    }

    static Stream<Arguments> kindsWithAnotherPrefix() {
        return Arrays.stream(AwsResourceIds.values()).flatMap(kind -> Arrays.stream(AwsResourceIds.values())
                .filter(other -> other != kind)
                .map(other -> Arguments.of(kind, other)));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("kindsWithAnotherPrefix")
    void anotherKindsPrefixDoesNotMatch(AwsResourceIds kind, AwsResourceIds other) {
        assertThat(kind.matches(other.prefix() + "-0a1b2c3d")).isFalse();
        assertThat(kind.matches(other.prefix() + "-0123456789abcdef0")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(AwsResourceIds.class)
    void theMessageNamesThePrefix(AwsResourceIds kind) {
        assertThat(kind.formatMessage()).isEqualTo("must look like " + kind.prefix()
                + "- followed by 8 or 17 lowercase hex digits");
    }

    @org.junit.jupiter.api.Test
    void prefixesAreAwsOwn() {
        assertThat(Arrays.stream(AwsResourceIds.values()).map(AwsResourceIds::prefix))
                .containsExactly("vpc", "subnet", "rtb", "sg", "nat", "vpce");
    }
}
