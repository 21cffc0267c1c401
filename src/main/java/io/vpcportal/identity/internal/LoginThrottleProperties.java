package io.vpcportal.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Password guessing: after {@code maxFailures} wrong passwords for one username from one address within
 * {@code lockout}, that pair may not try again until {@code lockout} has passed since its last failure.
 *
 * @param maxFailures failed sign-ins (form or HTTP Basic) allowed per username and client address
 * @param lockout how long the pair is then refused, and the window in which failures add up
 * @param maxTracked how many username and address pairs are remembered at most (memory stays bounded under a
 *        username spray: the pair whose last failure is oldest and that is not locked is forgotten first)
 */
@ConfigurationProperties("portal.identity.login")
public record LoginThrottleProperties(Integer maxFailures, Duration lockout, Integer maxTracked) {

    public LoginThrottleProperties {
        maxFailures = maxFailures == null ? 5 : maxFailures;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
        maxTracked = maxTracked == null ? 10_000 : maxTracked;
        if (maxFailures < 1) {
            throw new IllegalArgumentException("portal.identity.login.max-failures must be at least 1");
        }
        if (maxTracked < 1) {
            throw new IllegalArgumentException("portal.identity.login.max-tracked must be at least 1");
        }
    }
}
