package io.vpcportal.request.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.request.internal.RequestPages.Cursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.instancio.Instancio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The keyset cursor of request lists: opaque to clients, exact for the portal, and never a server error. */
class RequestCursorTests {

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-01T09:00:00Z", "2025-03-01T09:00:00.123456Z", "2025-03-01T09:00:00.000000001Z",
            "1969-12-31T23:59:59.5Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"})
    void aCursorSurvivesTheRoundTrip(String at) {
        Cursor cursor = new Cursor(Instant.parse(at), UUID.randomUUID());

        String text = cursor.encode();

        assertThat(Cursor.parse(text)).isEqualTo(cursor);
        assertThat(text).matches("[A-Za-z0-9_-]+").as("URL-safe without padding");
    }

    @Test
    void randomCursorsSurviveTheRoundTrip() {
        Instancio.of(Cursor.class).withSeed(42L).stream().limit(200)
                .forEach(cursor -> assertThat(Cursor.parse(cursor.encode())).isEqualTo(cursor));
    }

    static Stream<String> garbage() {
        return Stream.of("", " ", "%%%", "!!!!", "bm90IGEgY3Vyc29y", base64("1.2"), base64("1:" + UUID.randomUUID()),
                base64("x.y:" + UUID.randomUUID()), base64("1.2:not-a-uuid"), base64("1:2.3"),
                base64("99999999999999999999.0:" + UUID.randomUUID()), base64(":."), "a".repeat(10_000),
                base64("1.2:" + UUID.randomUUID()) + "=", "\u00e9\u00e9\u00e9");
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void garbageIsInvalidInputOnTheCursorField(String text) {
        assertThatThrownBy(() -> Cursor.parse(text))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("cursor")));
    }

    private static String base64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
