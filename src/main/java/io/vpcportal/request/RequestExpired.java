package io.vpcportal.request;

/** Nobody decided within the configured number of days; the request is closed. */
public record RequestExpired(EndpointRequestId requestId) {
}
