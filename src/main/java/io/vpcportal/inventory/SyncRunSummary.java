package io.vpcportal.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One synchronisation run: how far it got and what it found, per account and region.
 *
 * @param rowsWritten rows inserted or changed; an unchanged re-sync writes none
 */
public record SyncRunSummary(UUID id, String trigger, String requestedBy, String status, Instant startedAt,
        Instant finishedAt, int targetsTotal, int targetsDone, int targetsFailed, int endpointsSeen,
        int resourcesSeen, int rowsWritten, int endpointsGone, String error, List<TargetResult> targets) {

    /** What one account and region gave, or why it could not be read. */
    public record TargetResult(String accountId, String region, String status, int endpoints, int vpcs,
            int subnets, int routeTables, int securityGroups, int natGateways, int rowsWritten, int durationMs,
            String errorCode, String error) {
    }

    public boolean running() {
        return "RUNNING".equals(status);
    }

    public int percent() {
        return targetsTotal == 0 ? (running() ? 0 : 100) : Math.min(100, targetsDone * 100 / targetsTotal);
    }
}
