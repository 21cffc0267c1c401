package io.vpcportal.organization;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How discovery runs.
 *
 * @param discoveryInterval pause between the end of one scheduled discovery and the next (nothing runs without a source)
 * @param initialDelay      wait after start-up before the first scheduled discovery
 * @param callsPerSecond    the portal's Organizations call rate (shared by all its discovery calls in one instance)
 * @param maxAttempts       attempts per call, throttled ones ({@code TooManyRequestsException}) backing off exponentially
 * @param tagRefreshPerRun  known accounts whose tags are read again per run (new accounts are always read)
 * @param keptRuns          discovery runs kept in the history
 */
@ConfigurationProperties("portal.organization")
public record OrganizationProperties(Duration discoveryInterval, Duration initialDelay, Double callsPerSecond,
        Integer maxAttempts, Integer tagRefreshPerRun, Integer keptRuns) {

    public OrganizationProperties {
        discoveryInterval = discoveryInterval == null ? Duration.ofHours(1) : discoveryInterval;
        initialDelay = initialDelay == null ? Duration.ofMinutes(2) : initialDelay;
        callsPerSecond = callsPerSecond == null || callsPerSecond <= 0 ? 4.0 : callsPerSecond;
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 8 : maxAttempts;
        tagRefreshPerRun = tagRefreshPerRun == null || tagRefreshPerRun < 0 ? 10 : tagRefreshPerRun;
        keptRuns = keptRuns == null || keptRuns < 1 ? 50 : keptRuns;
        if (discoveryInterval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException(
                    "portal.organization.discovery-interval must be at least 1m, not " + discoveryInterval);
        }
    }
}
