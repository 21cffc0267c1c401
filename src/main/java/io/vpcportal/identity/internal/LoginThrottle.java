package io.vpcportal.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords per username and client address (in memory, per instance: a restart or another instance
 * starts from zero, which only slows guessing down less, never locks anybody out for longer). Keyed by the pair so
 * that a guesser elsewhere cannot lock a user out of their own machine.
 *
 * <p>The map holds at most {@code maxTracked} pairs, ordered by their last failure: a spray of made-up usernames
 * first drops expired pairs, then the oldest pairs that are not locked, and only when every pair is locked the
 * oldest locked one. Memory stays bounded, and a spray cannot cheaply lift a lockout that is in force.
 */
@Component
class LoginThrottle {

    private final LoginThrottleProperties properties;
    private final Clock clock;
    private final LinkedHashMap<String, Failures> failures = new LinkedHashMap<>();

    LoginThrottle(LoginThrottleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    private record Failures(int count, Instant last) {
    }

    /** Whether this pair has used up its attempts; while it has, even the right password is refused. */
    synchronized boolean isLocked(String username, String address) {
        Failures f = failures.get(key(username, address));
        return f != null && locked(f);
    }

    synchronized long secondsLeft(String username, String address) {
        Failures f = failures.get(key(username, address));
        return f == null ? 0 : Math.max(1, f.last().plus(properties.lockout()).getEpochSecond() - clock.instant().getEpochSecond());
    }

    /** How many pairs are remembered now. */
    synchronized int tracked() {
        return failures.size();
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String address = addressOf(event.getAuthentication().getDetails());
        if (address == null || event.getAuthentication().getName() == null) {
            return;
        }
        record(key(event.getAuthentication().getName(), address));
    }

    private synchronized void record(String key) {
        Instant now = clock.instant();
        Failures f = failures.remove(key); // re-inserted below, so that the map stays ordered by last failure
        failures.put(key, f == null || expired(f) ? new Failures(1, now) : new Failures(f.count() + 1, now));
        if (failures.size() > properties.maxTracked()) {
            makeRoom();
        }
    }

    private void makeRoom() {
        failures.values().removeIf(this::expired);
        Iterator<Failures> oldestFirst = failures.values().iterator();
        while (failures.size() > properties.maxTracked() && oldestFirst.hasNext()) {
            if (!locked(oldestFirst.next())) {
                oldestFirst.remove();
            }
        }
        Iterator<Map.Entry<String, Failures>> stillOldestFirst = failures.entrySet().iterator();
        while (failures.size() > properties.maxTracked()) {
            stillOldestFirst.next();
            stillOldestFirst.remove();
        }
    }

    @EventListener
    synchronized void succeeded(AuthenticationSuccessEvent event) {
        String address = addressOf(event.getAuthentication().getDetails());
        if (address != null) {
            failures.remove(key(event.getAuthentication().getName(), address));
        }
    }

    private boolean locked(Failures f) {
        return f.count() >= properties.maxFailures() && !expired(f);
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
