package io.vpcportal.inventory;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the inventory.
 *
 * @param requestId the request it belongs to; null for an unmanaged endpoint
 * @param stale     its region could not be read at the last sync: this is what it was
 * @param goneAt    when it was found deleted (EC2 said so, or two syncs in a row did not see it)
 */
public record EndpointSummary(String id, String accountId, String region, String vpcId, String serviceName,
        String endpointType, String state, UUID requestId, boolean drift, String driftSummary, boolean stale,
        Instant goneAt, Instant updatedAt) {

    public boolean managed() {
        return requestId != null;
    }
}
