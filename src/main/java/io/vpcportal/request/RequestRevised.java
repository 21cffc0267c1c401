package io.vpcportal.request;

/** The requester edited a draft or a request sent back for changes. */
public record RequestRevised(EndpointRequestId requestId, String by) {
}
