package io.vpcportal.identity;

import java.util.UUID;

/** A user revoked one of their tokens. */
public record ApiTokenRevoked(UUID tokenId, String username) {
}
