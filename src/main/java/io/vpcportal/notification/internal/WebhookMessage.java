package io.vpcportal.notification.internal;

import io.vpcportal.request.RequestDetails;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON body of a delivery. {@code id} identifies the event (the same for every webhook that gets it, so
 * receivers can drop duplicates); {@code data} holds what is specific to the event type.
 */
record WebhookMessage(UUID id, String type, Instant occurredAt, RequestInfo request, Map<String, Object> data) {

    /** The request the event is about, as far as the portal may tell any receiver. */
    record RequestInfo(UUID id, String title, String status, String requester, String team, String accountId,
            String region, String vpcId, List<String> templateKeys) {

        static RequestInfo of(RequestDetails r) {
            return new RequestInfo(r.id(), r.title(), r.status().name(), r.requester(), r.team(), r.accountId(),
                    r.region(), r.vpcId(), r.items().stream().map(RequestDetails.ItemDetails::templateKey).toList());
        }
    }
}
