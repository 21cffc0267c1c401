package io.vpcportal.inventory;

import java.util.UUID;

/** A sync found a managed endpoint that no longer matches what was approved (it did before). */
public record EndpointDriftDetected(String vpcEndpointId, UUID requestId, String accountId, String region,
        String summary) {
}
