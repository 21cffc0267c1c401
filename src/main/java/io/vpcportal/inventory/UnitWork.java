package io.vpcportal.inventory;

import io.vpcportal.inventory.SyncRunSummary.TargetResult;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * The work of one kind of run, done unit by unit on any portal instance: the inventory sync, and the savings
 * module's daily traffic collection. A run's units are claimed through the database by every running instance and
 * run a bounded number at a time on each; an implementation only reads its one (account, region).
 */
public interface UnitWork {

    /** The run kind this work does: {@code INVENTORY} or {@code TRAFFIC}. */
    String kind();

    /** Does one unit; never throws: a failure is a FAILED outcome, throttling a throttled one (retried later). */
    Outcome run(Unit unit);

    /** The unit was throttled on every try: its FAILED outcome (what it leaves behind, e.g. stale rows). */
    Outcome gaveUp(Unit unit, String code, String message);

    /** Called once on the instance that closed the run, after its last unit. */
    default void closed(UUID run, LocalDate day) {
    }

    /** Where a unit reads: an account and a region (or {@code global}). */
    record Target(String accountId, String region) {
    }

    /**
     * One unit: a run's (account, region), or (account, {@code global}) for its global reads.
     *
     * @param day the day a TRAFFIC run collects; null for a sync
     */
    record Unit(UUID run, String kind, LocalDate day, String accountId, String region, int attempts) {
    }

    /** What a unit gave: a result to record, or a throttle that sends the unit back for a later try. */
    record Outcome(TargetResult result, int endpointsGone, String throttleCode, String throttleMessage, int calls) {

        private static final Set<String> THROTTLING = Set.of("RequestLimitExceeded", "Throttling",
                "ThrottlingException", "TooManyRequestsException", "RequestThrottled", "PriorRequestNotComplete",
                "SlowDown", "RequestThrottledException");

        public static Outcome done(TargetResult result, int endpointsGone) {
            return new Outcome(result, endpointsGone, null, null, result.calls());
        }

        public static Outcome failed(TargetResult result, int endpointsGone) {
            return new Outcome(result, endpointsGone, null, null, result.calls());
        }

        public static Outcome throttled(String code, String message, int calls) {
            return new Outcome(null, 0, code, message, calls);
        }

        public boolean isThrottled() {
            return result == null;
        }

        /** Whether an AWS error code says "slow down" (the unit backs off and retries) rather than "no". */
        public static boolean throttling(String code) {
            return code != null && THROTTLING.contains(code);
        }
    }
}
