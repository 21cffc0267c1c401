package io.vpcportal.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One run over every account and region, split into units (one per account and region, one per account for its
 * global reads): how far it got, who worked on it, and what it found per unit.
 *
 * @param kind              INVENTORY (a sync) or TRAFFIC (a day's traffic collection)
 * @param day               the collected day of a TRAFFIC run; null for a sync
 * @param targetsTotal      units in the run
 * @param targetsDone       units finished (succeeded or failed)
 * @param targetsCancelled  units dropped by a cancel before they started
 * @param calls             AWS calls made by the finished units (every attempt, retries included)
 * @param callsPerSecond    {@code calls} over the run's time so far
 * @param etaSeconds        estimated seconds left at the rate so far; null before the first unit finished
 * @param rowsWritten       rows inserted or changed; an unchanged re-sync writes none
 * @param cancelledBy       who cancelled the run, or null
 * @param instances         the portal instances that took units, with how many each finished and is running
 */
public record SyncRunSummary(UUID id, String kind, LocalDate day, String trigger, String requestedBy, String status,
        Instant startedAt, Instant finishedAt, int targetsTotal, int targetsDone, int targetsFailed,
        int targetsCancelled, long calls, double callsPerSecond, Long etaSeconds, int endpointsSeen,
        int resourcesSeen, int rowsWritten, int endpointsGone, String error, String cancelledBy,
        List<InstanceShare> instances, List<TargetResult> targets) {

    /** What one account and region gave, or why it could not be read; which instance ran it, in how many tries. */
    public record TargetResult(String accountId, String region, String status, int endpoints, int vpcs,
            int subnets, int routeTables, int securityGroups, int natGateways, int rowsWritten, int durationMs,
            String errorCode, String error, String instance, int attempts, int calls) {
    }

    /** A portal instance (its scheduler name, or host and process id) and its units of the run. */
    public record InstanceShare(String instance, int unitsDone, int unitsRunning) {
    }

    public boolean running() {
        return "RUNNING".equals(status);
    }

    public int percent() {
        int finished = targetsDone + targetsCancelled;
        return targetsTotal == 0 ? (running() ? 0 : 100) : Math.min(100, finished * 100 / targetsTotal);
    }
}
