package io.vpcportal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AwsAccountIdTests {

    @ParameterizedTest
    @ValueSource(strings = {"111111111111", "000000000000", "012345678901", "999999999999"})
    void twelveDigitsAreAnAccountId(String value) {
        assertThat(AwsAccountId.isValid(value)).isTrue();
        assertThat(new AwsAccountId(value).value()).isEqualTo(value);
        assertThat(new AwsAccountId(value)).hasToString(value);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "11111111111", "1111111111111", "11111111111a", " 111111111111", "111111111111 ",
            "1111-1111-1111", "-11111111111", "+11111111111", "1.1111111111E11",
            "\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661",
            "\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11"})
    void anythingElseIsRefused(String value) {
        assertThat(AwsAccountId.isValid(value)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new AwsAccountId(value))
                .withMessage("An AWS account id has exactly 12 digits");
    }

    @Test
    void leadingZerosMatterForEquality() {
        assertThat(new AwsAccountId("011111111111")).isNotEqualTo(new AwsAccountId("111111111110"))
                .isEqualTo(new AwsAccountId("011111111111"));
    }
}
