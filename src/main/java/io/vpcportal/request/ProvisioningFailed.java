package io.vpcportal.request;

/** Provisioning stopped with an error that needs a person. */
public record ProvisioningFailed(EndpointRequestId requestId, String error) {
}
