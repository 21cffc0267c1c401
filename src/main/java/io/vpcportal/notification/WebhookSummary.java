package io.vpcportal.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook as admins see it after creation: the secret is reduced to its last four characters. */
public record WebhookSummary(UUID id, String name, String url, List<String> eventTypes, boolean enabled,
        String secretHint, Instant createdAt, String createdBy, WebhookFormat format) {
}
