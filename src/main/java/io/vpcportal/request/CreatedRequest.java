package io.vpcportal.request;

/** The outcome of a create: {@code replayed} when an Idempotency-Key matched an earlier request. */
public record CreatedRequest(RequestDetails request, boolean replayed) {
}
