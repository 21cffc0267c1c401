package io.vpcportal.identity;

import java.time.Instant;
import java.util.UUID;

/** A user created a personal API token (the token itself is never part of an event). */
public record ApiTokenCreated(UUID tokenId, String username, String name, Instant expiresAt) {
}
