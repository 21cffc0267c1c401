package io.vpcportal.request;

/** The removal of a request's endpoints was approved (or a rule approved it); decommissioning may start. */
public record DecommissionApproved(EndpointRequestId requestId, String approvedBy, boolean automatic) {
}
