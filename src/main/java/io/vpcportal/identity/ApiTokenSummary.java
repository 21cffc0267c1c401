package io.vpcportal.identity;

import java.time.Instant;
import java.util.UUID;

/** A token as its owner sees it in lists: never the token itself, only its first characters. */
public record ApiTokenSummary(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt,
        Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null && (expiresAt == null || Instant.now().isBefore(expiresAt));
    }
}
