package io.vpcportal.notification.internal;

import io.vpcportal.notification.DeliveryStatus;
import io.vpcportal.notification.NotificationProperties;
import io.vpcportal.platform.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/**
 * The retry state of one outgoing message (a mail or a webhook delivery): pending, delivered, failed with the next
 * attempt due after a backoff, or given up after the last allowed attempt. The attempt counter is raised by the
 * dispatcher's claim ({@link DeliveryClaims}); the outcome of that attempt is recorded here. Both tables use the
 * same column names, so the embedding entities need no overrides.
 */
@Embeddable
public class DeliveryAttempts {

    private static final int MAX_ERROR = 500;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected DeliveryAttempts() {
    }

    /** A message not tried yet, due at once. */
    static DeliveryAttempts dueAt(Instant now) {
        DeliveryAttempts state = new DeliveryAttempts();
        state.status = DeliveryStatus.PENDING;
        state.nextAttemptAt = now;
        return state;
    }

    void delivered(Instant now) {
        status = DeliveryStatus.DELIVERED;
        lastError = null;
        deliveredAt = now;
        nextAttemptAt = null;
    }

    /** The claimed attempt failed: try again after the backoff, or give up when it was the last one allowed. */
    void failed(String reason, Instant now, NotificationProperties settings) {
        lastError = reason.length() <= MAX_ERROR ? reason : reason.substring(0, MAX_ERROR);
        if (attempts >= settings.maxAttempts()) {
            status = DeliveryStatus.GIVING_UP;
            nextAttemptAt = null;
        } else {
            status = DeliveryStatus.FAILED;
            nextAttemptAt = now.plus(settings.backoffAfter(attempts));
        }
    }

    /** An admin asks for one more attempt now, even after the portal gave up; {@code what} names the message. */
    void retryNow(Instant now, String what) {
        if (!status.retryable()) {
            throw new ConflictException("A " + status + " " + what + " cannot be retried");
        }
        status = DeliveryStatus.FAILED;
        nextAttemptAt = now;
    }

    public DeliveryStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }
}
