package io.vpcportal.inventory.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the inventory synchronises (and how the daily traffic collection, which runs on the same units, does).
 *
 * @param scheduled           run the sync on a schedule (only when the portal calls AWS)
 * @param syncInterval        pause between the end of one scheduled run and the start of the next
 * @param initialDelay        wait after start-up before the first scheduled run
 * @param abandonedAfter      a run with no heartbeat from any instance for this long is closed as abandoned
 * @param syncConcurrency     units of work one portal instance runs at once (each reads one account and region)
 * @param unitLease           how long a claimed unit stays with its instance without a renewal; after that another
 *                            instance takes it over
 * @param leaseRenewal        how often an instance renews the leases of the units it runs (at most half the lease)
 * @param pollInterval        how often an instance looks for units to claim when it has free slots
 * @param retryInitialBackoff the first back-off of a throttled unit; doubled each try, with jitter
 * @param retryMaxBackoff     the longest back-off of a throttled unit
 * @param unitMaxAttempts     tries of a throttled unit before it fails
 */
@ConfigurationProperties("portal.inventory")
public record InventoryProperties(Boolean scheduled, Duration syncInterval, Duration initialDelay,
        Duration abandonedAfter, Integer syncConcurrency, Duration unitLease, Duration leaseRenewal, Duration pollInterval,
        Duration retryInitialBackoff, Duration retryMaxBackoff, Integer unitMaxAttempts) {

    public InventoryProperties {
        scheduled = scheduled == null || scheduled;
        syncInterval = syncInterval == null ? Duration.ofHours(1) : syncInterval;
        initialDelay = initialDelay == null ? Duration.ofMinutes(5) : initialDelay;
        abandonedAfter = abandonedAfter == null ? Duration.ofMinutes(10) : abandonedAfter;
        syncConcurrency = syncConcurrency == null ? 16 : syncConcurrency;
        unitLease = unitLease == null ? Duration.ofSeconds(30) : unitLease;
        leaseRenewal = leaseRenewal == null ? Duration.ofSeconds(10) : leaseRenewal;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        retryInitialBackoff = retryInitialBackoff == null ? Duration.ofSeconds(1) : retryInitialBackoff;
        retryMaxBackoff = retryMaxBackoff == null ? Duration.ofMinutes(1) : retryMaxBackoff;
        unitMaxAttempts = unitMaxAttempts == null ? 8 : unitMaxAttempts;
        if (syncInterval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("portal.inventory.sync-interval must be at least 1m, not " + syncInterval);
        }
        if (syncConcurrency < 1 || syncConcurrency > 256) {
            throw new IllegalArgumentException("portal.inventory.sync-concurrency must be between 1 and 256, not "
                    + syncConcurrency);
        }
        if (unitLease.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("portal.inventory.unit-lease must be at least 3s, not " + unitLease);
        }
        if (leaseRenewal.multipliedBy(2).compareTo(unitLease) > 0) {
            throw new IllegalArgumentException("portal.inventory.lease-renewal (" + leaseRenewal + ") must be at most "
                    + "half of portal.inventory.unit-lease (" + unitLease + ")");
        }
        if (unitMaxAttempts < 1) {
            throw new IllegalArgumentException("portal.inventory.unit-max-attempts must be at least 1, not "
                    + unitMaxAttempts);
        }
    }
}
