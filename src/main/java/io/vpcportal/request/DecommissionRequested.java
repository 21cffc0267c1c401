package io.vpcportal.request;

import io.vpcportal.shared.TeamId;
import io.vpcportal.shared.UserId;

/** The requester asked for the endpoints of an active request to be removed; approvers decide as for a submission. */
public record DecommissionRequested(EndpointRequestId requestId, UserId requester, TeamId team, String reason) {
}
