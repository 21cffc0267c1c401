package io.vpcportal.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords per username and client address (in memory, per instance: a restart or another instance
 * starts from zero, which only slows guessing down less, never locks anybody out for longer). Keyed by the pair so
 * that a guesser elsewhere cannot lock a user out of their own machine.
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final LoginThrottleProperties properties;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(LoginThrottleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    private record Failures(int count, Instant last) {
    }

    /** Whether this pair has used up its attempts; while it has, even the right password is refused. */
    boolean isLocked(String username, String address) {
        Failures f = failures.get(key(username, address));
        return f != null && f.count() >= properties.maxFailures() && !expired(f);
    }

    long secondsLeft(String username, String address) {
        Failures f = failures.get(key(username, address));
        return f == null ? 0 : Math.max(1, f.last().plus(properties.lockout()).getEpochSecond() - clock.instant().getEpochSecond());
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String address = addressOf(event.getAuthentication().getDetails());
        if (address == null || event.getAuthentication().getName() == null) {
            return;
        }
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(this::expired);
        }
        Instant now = clock.instant();
        failures.compute(key(event.getAuthentication().getName(), address),
                (k, f) -> f == null || expired(f) ? new Failures(1, now) : new Failures(f.count() + 1, now));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String address = addressOf(event.getAuthentication().getDetails());
        if (address != null) {
            failures.remove(key(event.getAuthentication().getName(), address));
        }
    }

    private boolean expired(Failures f) {
        return f.last().plus(properties.lockout()).isBefore(clock.instant());
    }

    private static String addressOf(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    private static String key(String username, String address) {
        return username.trim().toLowerCase(Locale.ROOT) + "|" + address;
    }
}
