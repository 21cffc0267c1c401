package io.vpcportal.notification.internal;

import io.vpcportal.notification.DeliveryStatus;
import io.vpcportal.notification.DeliverySummary;
import io.vpcportal.notification.NotificationProperties;
import io.vpcportal.platform.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event to send to one webhook. It owns its retry state: each attempt's outcome either delivers it,
 * schedules the next attempt with backoff, or gives up after the last allowed attempt.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    private static final int MAX_ERROR = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webhook_id", nullable = false, updatable = false)
    private UUID webhookId;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(name = "event_id", nullable = false, updatable = false)
    private UUID eventId;

    @Column(nullable = false, updatable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected WebhookDelivery() {
    }

    public WebhookDelivery(UUID webhookId, String eventType, UUID eventId, String payload, Instant now) {
        this.webhookId = webhookId;
        this.eventType = eventType;
        this.eventId = eventId;
        this.payload = payload;
        this.status = DeliveryStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** Records the outcome of the attempt the dispatcher claimed (the claim already counted it). */
    public void attempted(Integer statusCode, String error, Instant now, NotificationProperties settings) {
        lastStatusCode = statusCode;
        if (statusCode != null && statusCode >= 200 && statusCode < 300) {
            status = DeliveryStatus.DELIVERED;
            lastError = null;
            deliveredAt = now;
            nextAttemptAt = null;
            return;
        }
        String reason = error != null ? error : "HTTP " + statusCode;
        lastError = reason.length() <= MAX_ERROR ? reason : reason.substring(0, MAX_ERROR);
        if (attempts >= settings.maxAttempts()) {
            status = DeliveryStatus.GIVING_UP;
            nextAttemptAt = null;
        } else {
            status = DeliveryStatus.FAILED;
            nextAttemptAt = now.plus(settings.backoffAfter(attempts));
        }
    }

    /** An admin asks for one more attempt now, even after the portal gave up. */
    public void retryNow(Instant now) {
        if (!status.retryable()) {
            throw new ConflictException("A " + status + " delivery cannot be retried");
        }
        status = DeliveryStatus.FAILED;
        nextAttemptAt = now;
    }

    public Long id() { return id; }
    public UUID webhookId() { return webhookId; }
    public DeliveryStatus status() { return status; }
    public int attempts() { return attempts; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public Integer lastStatusCode() { return lastStatusCode; }
    public String lastError() { return lastError; }
    public Instant deliveredAt() { return deliveredAt; }

    public DeliverySummary summary() {
        return new DeliverySummary(id, webhookId, eventType, eventId, status, attempts, nextAttemptAt, lastStatusCode,
                lastError, createdAt, deliveredAt, payload);
    }
}
