package io.vpcportal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.platform.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UserContactsTests {

    @Test
    void anAddressKeepsItsLocalPartAndLowercasesItsDomain() {
        assertThat(UserContacts.normalized("  Jane.Doe+vpc@Example.COM ")).isEqualTo("Jane.Doe+vpc@example.com");
        assertThat(UserContacts.normalized("")).isNull();
        assertThat(UserContacts.normalized(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane", "jane@", "@example.com", "jane@example", "jane@@example.com", "ja ne@example.com",
            "jane@exa mple.com", "jane..doe@example.com", "jane@example.com\r\nBcc: x@example.com",
            "<jane@example.com>", "jane@-example.com"})
    void aMalformedAddressIsRefusedNamingTheField(String address) {
        assertThatThrownBy(() -> UserContacts.normalized(address)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("email")));
    }

    @Test
    void anAddressLongerThanSmtpAllowsIsRefused() {
        String longDomain = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + "."
                + "e".repeat(60) + ".com";
        assertThat(("jane@" + longDomain).length()).isGreaterThan(254);
        assertThatThrownBy(() -> UserContacts.normalized("jane@" + longDomain)).isInstanceOf(InvalidInputException.class);
    }
}
