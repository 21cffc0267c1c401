package io.vpcportal.inventory;

import java.util.UUID;

/** An admin recorded an endpoint's actual state as its approved state. {@code before}/{@code after} for audit. */
public record DriftAccepted(String vpcEndpointId, UUID requestId, String by, String reason, Object before,
        Object after) {
}
