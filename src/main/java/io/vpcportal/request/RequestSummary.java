package io.vpcportal.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A request as lists show it. */
public record RequestSummary(UUID id, String title, RequestStatus status, String requester, String team,
        String accountId, String region, String vpcId, List<String> templateKeys, Instant createdAt) {
}
