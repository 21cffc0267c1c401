package io.vpcportal.approval;

import java.time.Instant;
import java.util.UUID;

/** A request waiting for a decision of one of the approver's teams. */
public record InboxEntry(UUID requestId, String title, String requester, String team, String accountId,
        String region, int stage, int stages, String approverTeam, Instant waitingSince, long ageHours,
        boolean overdue) {
}
