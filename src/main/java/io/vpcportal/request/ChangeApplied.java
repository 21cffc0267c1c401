package io.vpcportal.request;

/** An approved change reached AWS; the request it changed now holds the new approved state of the endpoint. */
public record ChangeApplied(EndpointRequestId requestId, EndpointRequestId changeId, int position,
        String vpcEndpointId) {
}
