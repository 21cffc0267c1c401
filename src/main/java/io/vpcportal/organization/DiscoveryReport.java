package io.vpcportal.organization;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a discovery run found, or would have done in a dry run.
 *
 * @param listed          accounts listed in the included OUs (any status)
 * @param skipped         accounts listed that were registered by hand, left alone
 * @param tagsRefreshed   accounts whose tags were read in this run (new ones plus a rotating slice of known ones)
 * @param error           why the run stopped, or {@code null}
 */
public record DiscoveryReport(UUID runId, boolean dryRun, Instant startedAt, Instant finishedAt, int listed,
        List<AccountFound> added, List<AccountFound> updated, List<AccountFound> deactivated,
        List<String> unchanged, List<String> skipped, int tagsRefreshed, String error) {
}
