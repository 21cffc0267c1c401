package io.vpcportal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class NotificationPropertiesTests {

    @Test
    void defaultsAreTheOnesTheReadmeDocuments() {
        NotificationProperties defaults = bind(Map.of());
        assertThat(defaults.dispatchInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.maxAttempts()).isEqualTo(8);
        assertThat(defaults.initialBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.maxBackoff()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void backoffDoublesFromTheInitialPauseUpToTheCap() {
        NotificationProperties settings = bind(Map.of());
        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backoffAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.backoffAfter(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(settings.backoffAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(settings.backoffAfter(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theLeaseOutlastsAnyAttempt() {
        NotificationProperties settings = bind(Map.of("portal.notification.connect-timeout", "3s",
                "portal.notification.request-timeout", "20s"));
        assertThat(settings.lease()).isGreaterThan(Duration.ofSeconds(23));
    }

    @Test
    void nonsenseIsRefusedAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of("portal.notification.max-attempts", "0"))).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("max-attempts");
        assertThatThrownBy(() -> bind(Map.of("portal.notification.initial-backoff", "0s")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("initial-backoff");
        assertThatThrownBy(() -> bind(Map.of("portal.notification.request-timeout", "-1s")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("request-timeout");
    }

    private static NotificationProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("portal.notification", NotificationProperties.class);
    }
}
