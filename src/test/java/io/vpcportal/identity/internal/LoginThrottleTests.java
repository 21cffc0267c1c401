package io.vpcportal.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class LoginThrottleTests {

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(5, Duration.ofMinutes(15), 1_000), clock);

    @Test
    void aUsernameSprayKeepsTheMapBoundedAndTheLockoutInForce() {
        for (int i = 0; i < 5; i++) {
            fail("alice", "10.0.0.7");
        }
        assertThat(throttle.isLocked("alice", "10.0.0.7")).isTrue();

        for (int i = 0; i < 50_000; i++) {
            clock.advance(Duration.ofMillis(1));
            fail("sprayed-" + i, "203.0.113." + (i % 250));
        }

        assertThat(throttle.tracked()).isLessThanOrEqualTo(1_000);
        assertThat(throttle.isLocked("alice", "10.0.0.7")).as("a spray does not lift a lockout in force").isTrue();
    }

    @Test
    void expiredPairsGoFirst() {
        LoginThrottle small = new LoginThrottle(new LoginThrottleProperties(2, Duration.ofMinutes(1), 3), clock);
        small.failed(failure("old", "10.0.0.1"));
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 3; i++) {
            small.failed(failure("new-" + i, "10.0.0.1"));
        }
        small.failed(failure("new-0", "10.0.0.1"));

        assertThat(small.tracked()).isEqualTo(3);
        assertThat(small.isLocked("new-0", "10.0.0.1")).isTrue();
    }

    private void fail(String username, String address) {
        throttle.failed(failure(username, address));
    }

    private static AuthenticationFailureBadCredentialsEvent failure(String username, String address) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, "x");
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("wrong"));
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
