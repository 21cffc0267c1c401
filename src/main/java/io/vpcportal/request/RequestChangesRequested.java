package io.vpcportal.request;

/** An approver sent the request back to the requester, who may edit and resubmit it. */
public record RequestChangesRequested(EndpointRequestId requestId, String requestedBy, String reason) {
}
