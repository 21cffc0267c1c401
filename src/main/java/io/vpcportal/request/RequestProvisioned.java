package io.vpcportal.request;

import java.util.List;

/** Every endpoint of the request exists and is usable. */
public record RequestProvisioned(EndpointRequestId requestId, List<String> vpcEndpointIds) {
}
