package io.vpcportal.request;

/**
 * A change to one endpoint of an active request was asked for: {@code changeId} is the change request, which now
 * waits for approval; {@code requestId} (the request it changes) stays ACTIVE.
 */
public record ChangeRequested(EndpointRequestId requestId, EndpointRequestId changeId, int position, String by) {
}
