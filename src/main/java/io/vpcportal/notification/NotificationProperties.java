package io.vpcportal.notification;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are delivered.
 *
 * @param dispatchInterval pause between two polls for due deliveries
 * @param maxAttempts      attempts before a delivery is given up (an admin can still retry it)
 * @param initialBackoff   wait after the first failed attempt; doubles after each further one
 * @param maxBackoff       the longest wait between two attempts
 * @param connectTimeout   to open the connection to a receiver
 * @param requestTimeout   for the receiver's answer once the request is sent
 * @param allowedDestinations internal receivers webhooks may reach although their addresses are not public: host
 *                         names (exact) and addresses or CIDR blocks ({@code 10.20.0.0/16}, {@code fd12::/16});
 *                         empty by default, so only public addresses are reached
 */
@ConfigurationProperties("portal.notification")
public record NotificationProperties(@DefaultValue("5s") Duration dispatchInterval, @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration initialBackoff, @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration requestTimeout,
        List<String> allowedDestinations) {

    public NotificationProperties(Duration dispatchInterval, int maxAttempts, Duration initialBackoff,
            Duration maxBackoff, Duration connectTimeout, Duration requestTimeout) {
        this(dispatchInterval, maxAttempts, initialBackoff, maxBackoff, connectTimeout, requestTimeout, List.of());
    }

    @ConstructorBinding
    public NotificationProperties {
        allowedDestinations = allowedDestinations == null ? List.of() : List.copyOf(allowedDestinations);
        requirePositive(dispatchInterval, "dispatch-interval");
        requirePositive(initialBackoff, "initial-backoff");
        requirePositive(maxBackoff, "max-backoff");
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(requestTimeout, "request-timeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("portal.notification.max-attempts must be at least 1");
        }
    }

    /** The wait after failed attempt number {@code attempt} (1 for the first): initial × 2^(attempt-1), capped. */
    public Duration backoffAfter(int attempt) {
        Duration backoff = initialBackoff;
        for (int i = 1; i < attempt && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }

    /**
     * How long a claimed delivery stays reserved for the instance sending it: longer than any attempt can take,
     * so that another instance only picks it up again when the first one died mid-send.
     */
    public Duration lease() {
        return connectTimeout.plus(requestTimeout).plusSeconds(30);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("portal.notification." + name + " must be a positive duration");
        }
    }
}
