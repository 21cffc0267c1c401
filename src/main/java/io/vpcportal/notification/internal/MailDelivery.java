package io.vpcportal.notification.internal;

import io.vpcportal.notification.MailDeliverySummary;
import io.vpcportal.notification.MailKind;
import io.vpcportal.notification.NotificationProperties;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
 * One e-mail to one recipient, written in the transaction of the event it tells about. Its retry state is the one
 * a webhook delivery has ({@link DeliveryAttempts}): sent, due again after a backoff, or given up after the last
 * allowed attempt (and then shown as such on the admin page, never dropped).
 */
@Entity
@Table(name = "mail_delivery")
public class MailDelivery {

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

    @Embedded
    private DeliveryAttempts state;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected MailDelivery() {
    }

    MailDelivery(MailKind kind, String recipient, String email, MailText text, UUID requestId, Instant now) {
        this.kind = kind;
        this.recipient = recipient;
        this.email = email;
        this.subject = text.subject();
        this.body = text.body();
        this.requestId = requestId;
        this.state = DeliveryAttempts.dueAt(now);
        this.createdAt = now;
    }

    /** Records the outcome of the attempt the dispatcher claimed (the claim already counted it). */
    void attempted(String error, Instant now, NotificationProperties settings) {
        if (error == null) {
            state.delivered(now);
        } else {
            state.failed(error, now, settings);
        }
    }

    /** An admin asks for one more attempt now, even after the portal gave up. */
    public void retryNow(Instant now) {
        state.retryNow(now, "mail");
    }

    public MailDeliverySummary summary() {
        return new MailDeliverySummary(id, kind, recipient, email, subject, requestId, state.status(),
                state.attempts(), state.nextAttemptAt(), state.lastError(), createdAt, state.deliveredAt());
    }
}
