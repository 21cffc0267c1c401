package io.vpcportal.inventory;

import java.util.UUID;

/** A member of {@code team} asked to adopt an unmanaged endpoint: request {@code requestId} waits for approval. */
public record EndpointAdoptionRequested(String vpcEndpointId, UUID requestId, String team, String by) {
}
