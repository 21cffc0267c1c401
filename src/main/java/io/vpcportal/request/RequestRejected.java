package io.vpcportal.request;

/** An approver turned the request down; it is final. */
public record RequestRejected(EndpointRequestId requestId, String rejectedBy, String reason) {
}
