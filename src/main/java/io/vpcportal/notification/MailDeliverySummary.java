package io.vpcportal.notification;

import java.time.Instant;
import java.util.UUID;

/** One e-mail to one recipient, as the admin page and API show it (the body stays in the database). */
public record MailDeliverySummary(long id, MailKind kind, String recipient, String email, String subject,
        UUID requestId, DeliveryStatus status, int attempts, Instant nextAttemptAt, String lastError,
        Instant createdAt, Instant deliveredAt) {
}
