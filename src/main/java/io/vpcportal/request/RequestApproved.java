package io.vpcportal.request;

/** All approval stages passed (or a rule approved the request automatically); provisioning may start. */
public record RequestApproved(EndpointRequestId requestId, String approvedBy, boolean automatic) {
}
