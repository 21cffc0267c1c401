package io.vpcportal.provisioning;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxAttempts    attempts of a job before it fails for an operator (retryable errors only)
 * @param initialBackoff wait before the second attempt; doubles after each failure
 * @param waitTimeout    how long one attempt waits for an endpoint to become available
 * @param pollInterval   first pause between two looks at a pending endpoint; grows up to 30 s
 */
@ConfigurationProperties("portal.provisioning")
public record ProvisioningProperties(Integer maxAttempts, Duration initialBackoff, Duration waitTimeout,
        Duration pollInterval) {

    public ProvisioningProperties {
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(10) : initialBackoff;
        waitTimeout = waitTimeout == null ? Duration.ofMinutes(10) : waitTimeout;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
    }
}
