package io.vpcportal.request;

import io.vpcportal.shared.TeamId;
import io.vpcportal.shared.UserId;

/** A requester sent a request for approval. */
public record RequestSubmitted(EndpointRequestId requestId, UserId requester, TeamId team, String accountId,
        String region) {
}
