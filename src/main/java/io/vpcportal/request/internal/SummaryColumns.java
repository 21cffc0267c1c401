package io.vpcportal.request.internal;

import io.vpcportal.request.RequestStatus;
import java.time.Instant;
import java.util.UUID;

/** The columns of a request summary, as one statement reads them for many requests (no items, no timeline). */
public record SummaryColumns(UUID id, String title, RequestStatus status, String requesterName, String team,
        String accountId, String region, String vpcId, Instant createdAt) {
}
