package io.vpcportal.notification.internal;

import io.vpcportal.notification.DeliveryStatus;
import io.vpcportal.notification.MailDeliverySummary;
import io.vpcportal.notification.MailKind;
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
 * One e-mail to one recipient, written in the transaction of the event it tells about. Like a webhook delivery it
 * owns its retry state: sent, due again after a backoff, or given up after the last allowed attempt (and then
 * shown as such on the admin page, never dropped).
 */
@Entity
@Table(name = "mail_delivery")
public class MailDelivery {

    private static final int MAX_ERROR = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MailKind kind;

    @Column(nullable = false, updatable = false)
    private String recipient;

    @Column(nullable = false, updatable = false)
    private String email;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "request_id", updatable = false)
    private UUID requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected MailDelivery() {
    }

    MailDelivery(MailKind kind, String recipient, String email, MailText text, UUID requestId, Instant now) {
        this.kind = kind;
        this.recipient = recipient;
        this.email = email;
        this.subject = text.subject();
        this.body = text.body();
        this.requestId = requestId;
        this.status = DeliveryStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** Records the outcome of the attempt the dispatcher claimed (the claim already counted it). */
    void attempted(String error, Instant now, NotificationProperties settings) {
        if (error == null) {
            status = DeliveryStatus.DELIVERED;
            lastError = null;
            deliveredAt = now;
            nextAttemptAt = null;
            return;
        }
        lastError = error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
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
            throw new ConflictException("A " + status + " mail cannot be retried");
        }
        status = DeliveryStatus.FAILED;
        nextAttemptAt = now;
    }

    public MailDeliverySummary summary() {
        return new MailDeliverySummary(id, kind, recipient, email, subject, requestId, status, attempts, nextAttemptAt,
                lastError, createdAt, deliveredAt);
    }
}
