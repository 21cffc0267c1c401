package io.vpcportal.request;

import java.time.Instant;

/** Every lifecycle move of a request, for the audit trail and notifications. {@code from} is null at creation. */
public record RequestStatusChanged(EndpointRequestId requestId, RequestStatus from, RequestStatus to, String actor,
        String message, Instant at) {
}
