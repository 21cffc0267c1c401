package io.vpcportal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TeamIdTests {

    @ParameterizedTest
    @ValueSource(strings = {"payments", "ab", "a1", "team-42", "a-", "abcdefghijabcdefghijabcdefghijabcdefghij"})
    void lowercaseKeysOfTwoToFortyCharactersAreTeams(String value) {
        assertThat(TeamId.isValid(value)).isTrue();
        assertThat(new TeamId(value)).hasToString(value);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "a", "Payments", "PAYMENTS", "1team", "-team", "team_a", "team a", "team.a",
            "abcdefghijabcdefghijabcdefghijabcdefghijk", "\u0440\u0430yments", "payments\n", "caf\u00e9"})
    void anythingElseIsRefused(String value) {
        assertThat(TeamId.isValid(value)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new TeamId(value))
                .withMessage("A team key is 2 to 40 lowercase letters, digits or dashes");
    }
}
