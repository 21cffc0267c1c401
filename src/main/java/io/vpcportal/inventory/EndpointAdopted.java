package io.vpcportal.inventory;

import java.util.UUID;

/** An unmanaged endpoint became the ACTIVE request {@code requestId}. */
public record EndpointAdopted(String vpcEndpointId, UUID requestId, String team, String by) {
}
