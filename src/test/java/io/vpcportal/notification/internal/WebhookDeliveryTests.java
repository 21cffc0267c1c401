package io.vpcportal.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.notification.DeliveryStatus;
import io.vpcportal.notification.NotificationProperties;
import io.vpcportal.platform.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The delivery's own state moves; the attempt count itself is raised by the dispatcher's claim. */
class WebhookDeliveryTests {

    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    static final NotificationProperties SETTINGS = new NotificationProperties(Duration.ofSeconds(5), 3,
            Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofSeconds(10));

    @Test
    void aNewDeliveryIsPendingAndDueAtOnce() {
        var d = delivery();
        assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(d.nextAttemptAt()).isEqualTo(NOW);
        assertThat(d.attempts()).isZero();
    }

    @Test
    void a2xxDelivers() {
        WebhookDelivery delivery = delivery();
        delivery.attempted(500, null, NOW, SETTINGS);
        delivery.attempted(202, null, NOW.plusSeconds(40), SETTINGS);
        var d = delivery;
        assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(d.deliveredAt()).isEqualTo(NOW.plusSeconds(40));
        assertThat(d.nextAttemptAt()).isNull();
        assertThat(d.lastError()).isNull();
        assertThat(d.lastStatusCode()).isEqualTo(202);
    }

    @Test
    void aFailureSchedulesTheNextAttemptAfterTheBackoff() {
        WebhookDelivery delivery = delivery();
        delivery.attempted(null, "ConnectException: refused", NOW, SETTINGS);
        var d = delivery;
        assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(d.nextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(d.lastError()).isEqualTo("ConnectException: refused");
        assertThat(d.lastStatusCode()).isNull();
    }

    @Test
    void redirectsAndLongErrorsAreFailuresTooWithTheErrorClipped() {
        WebhookDelivery delivery = delivery();
        delivery.attempted(302, null, NOW, SETTINGS);
        assertThat(delivery.lastError()).isEqualTo("HTTP 302");
        delivery.attempted(null, "x".repeat(2_000), NOW, SETTINGS);
        assertThat(delivery.lastError()).hasSize(500);
    }

    @Test
    void onlyFailedOrGivenUpDeliveriesCanBeRetried() {
        WebhookDelivery pending = delivery();
        assertThatThrownBy(() -> pending.retryNow(NOW)).isInstanceOf(ConflictException.class);
        WebhookDelivery delivered = delivery();
        delivered.attempted(200, null, NOW, SETTINGS);
        assertThatThrownBy(() -> delivered.retryNow(NOW)).isInstanceOf(ConflictException.class);

        WebhookDelivery failed = delivery();
        failed.attempted(500, null, NOW, SETTINGS);
        failed.retryNow(NOW.plusSeconds(1));
        assertThat(failed.nextAttemptAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
    }

    private static WebhookDelivery delivery() {
        return new WebhookDelivery(UUID.randomUUID(), "request.submitted", UUID.randomUUID(), "{}", NOW);
    }
}
