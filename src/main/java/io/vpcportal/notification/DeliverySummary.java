package io.vpcportal.notification;

import java.time.Instant;
import java.util.UUID;

/** One delivery in a webhook's log, with the JSON that was (or will be) sent. */
public record DeliverySummary(long id, UUID webhookId, String eventType, UUID eventId, DeliveryStatus status,
        int attempts, Instant nextAttemptAt, Integer lastStatusCode, String lastError, Instant createdAt,
        Instant deliveredAt, String payload) {
}
