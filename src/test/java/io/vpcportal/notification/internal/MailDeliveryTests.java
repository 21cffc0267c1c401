package io.vpcportal.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.notification.DeliveryStatus;
import io.vpcportal.notification.MailKind;
import io.vpcportal.notification.NotificationProperties;
import io.vpcportal.platform.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MailDeliveryTests {

    private static final NotificationProperties SETTINGS = new NotificationProperties(Duration.ofSeconds(5), 3,
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofSeconds(10));
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aFailedAttemptIsRetriedWithBackoffThenGivenUpAndKeptWithItsError() {
        MailDelivery mail = claimed(saved(new MailDelivery(MailKind.APPROVAL_WAITING, "noor", "noor@example.test",
                new MailText("s", "b"), UUID.randomUUID(), T0)));
        mail.attempted("SMTP: ConnectException: Connection refused", T0, SETTINGS);
        assertThat(mail.summary().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(mail.summary().nextAttemptAt()).isEqualTo(T0.plusSeconds(30));

        claimed(mail).attempted("SMTP: again", T0, SETTINGS);
        assertThat(mail.summary().nextAttemptAt()).isEqualTo(T0.plusSeconds(60));

        claimed(mail).attempted("SMTP: " + "x".repeat(600), T0, SETTINGS);
        assertThat(mail.summary().status()).isEqualTo(DeliveryStatus.GIVING_UP);
        assertThat(mail.summary().nextAttemptAt()).isNull();
        assertThat(mail.summary().lastError()).hasSize(500);
        assertThat(mail.summary().attempts()).isEqualTo(3);

        mail.retryNow(T0.plusSeconds(5));
        assertThat(mail.summary().status()).isEqualTo(DeliveryStatus.FAILED);
        claimed(mail).attempted(null, T0.plusSeconds(6), SETTINGS);
        assertThat(mail.summary().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(mail.summary().lastError()).isNull();
        assertThat(mail.summary().deliveredAt()).isEqualTo(T0.plusSeconds(6));
        assertThatThrownBy(() -> mail.retryNow(T0)).isInstanceOf(ConflictException.class);
    }

    /** The id the database gives a saved row. */
    private static MailDelivery saved(MailDelivery mail) {
        try {
            var id = MailDelivery.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(mail, 1L);
            return mail;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** What the dispatcher's claim does in SQL: count the attempt. */
    private static MailDelivery claimed(MailDelivery mail) {
        try {
            var state = MailDelivery.class.getDeclaredField("state");
            state.setAccessible(true);
            var attempts = DeliveryAttempts.class.getDeclaredField("attempts");
            attempts.setAccessible(true);
            attempts.setInt(state.get(mail), attempts.getInt(state.get(mail)) + 1);
            return mail;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
