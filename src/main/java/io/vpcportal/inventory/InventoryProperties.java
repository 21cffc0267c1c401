package io.vpcportal.inventory;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the inventory synchronises.
 *
 * @param scheduled      run the sync on a schedule (only when the portal calls AWS)
 * @param syncInterval   pause between the end of one scheduled run and the start of the next
 * @param initialDelay   wait after start-up before the first scheduled run
 * @param abandonedAfter a run whose heartbeat is older than this is closed as abandoned (its instance died)
 */
@ConfigurationProperties("portal.inventory")
public record InventoryProperties(Boolean scheduled, Duration syncInterval, Duration initialDelay,
        Duration abandonedAfter) {

    public InventoryProperties {
        scheduled = scheduled == null || scheduled;
        syncInterval = syncInterval == null ? Duration.ofHours(1) : syncInterval;
        initialDelay = initialDelay == null ? Duration.ofMinutes(5) : initialDelay;
        abandonedAfter = abandonedAfter == null ? Duration.ofMinutes(10) : abandonedAfter;
        if (syncInterval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("portal.inventory.sync-interval must be at least 1m, not " + syncInterval);
        }
    }
}
