package io.vpcportal.organization;

import java.time.Instant;
import java.util.UUID;

/** One line of the discovery history. {@code finishedAt} is null while it runs. */
public record DiscoveryRun(UUID id, Instant startedAt, Instant finishedAt, String startedBy, boolean dryRun, int listed,
        int added, int updated, int deactivated, int unchanged, String error) {
}
