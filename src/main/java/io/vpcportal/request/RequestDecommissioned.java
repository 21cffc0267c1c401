package io.vpcportal.request;

import java.util.List;

/** The request's endpoints are deleted and the portal's bucket policy statements for them removed. */
public record RequestDecommissioned(EndpointRequestId requestId, List<String> vpcEndpointIds) {
}
