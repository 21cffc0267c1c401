package io.vpcportal.request;

import io.vpcportal.shared.UserId;

/** A request was withdrawn before it was provisioned. */
public record RequestCancelled(EndpointRequestId requestId, UserId by, String reason) {
}
