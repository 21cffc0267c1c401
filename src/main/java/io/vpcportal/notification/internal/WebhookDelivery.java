package io.vpcportal.notification.internal;

import io.vpcportal.notification.DeliveryStatus;
import io.vpcportal.notification.DeliverySummary;
import io.vpcportal.notification.NotificationProperties;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event to send to one webhook. Its retry state ({@link DeliveryAttempts}, shared with mails): each
 * attempt's outcome either delivers it, schedules the next attempt with backoff, or gives up after the last
 * allowed attempt.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

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

    @Embedded
    private DeliveryAttempts state;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected WebhookDelivery() {
    }

    public WebhookDelivery(UUID webhookId, String eventType, UUID eventId, String payload, Instant now) {
        this.webhookId = webhookId;
        this.eventType = eventType;
        this.eventId = eventId;
        this.payload = payload;
        this.state = DeliveryAttempts.dueAt(now);
        this.createdAt = now;
    }

    /** Records the outcome of the attempt the dispatcher claimed (the claim already counted it). */
    public void attempted(Integer statusCode, String error, Instant now, NotificationProperties settings) {
        lastStatusCode = statusCode;
        if (statusCode != null && statusCode >= 200 && statusCode < 300) {
            state.delivered(now);
        } else {
            state.failed(error != null ? error : "HTTP " + statusCode, now, settings);
        }
    }

    /** An admin asks for one more attempt now, even after the portal gave up. */
    public void retryNow(Instant now) {
        state.retryNow(now, "delivery");
    }

    public Long id() { return id; }
    public UUID webhookId() { return webhookId; }
    public DeliveryStatus status() { return state.status(); }
    public int attempts() { return state.attempts(); }
    public Instant nextAttemptAt() { return state.nextAttemptAt(); }
    public Integer lastStatusCode() { return lastStatusCode; }
    public String lastError() { return state.lastError(); }
    public Instant deliveredAt() { return state.deliveredAt(); }

    public DeliverySummary summary() {
        return new DeliverySummary(id, webhookId, eventType, eventId, state.status(), state.attempts(),
                state.nextAttemptAt(), lastStatusCode, state.lastError(), createdAt, state.deliveredAt(), payload);
    }
}
