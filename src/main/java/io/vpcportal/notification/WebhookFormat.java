package io.vpcportal.notification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The layout of a webhook's messages. Every format is signed the same way ({@code X-Portal-Signature}); chat
 * tools that ignore the signature still show the message.
 */
public enum WebhookFormat {
    /** The portal's own JSON: id, type, occurredAt, request, data. */
    PORTAL_JSON,
    /** A Slack incoming-webhook message: {@code text} (the notification fallback) and Block Kit {@code blocks}. */
    SLACK,
    /** A Microsoft Teams message carrying one Adaptive Card attachment. */
    TEAMS;

    public static Optional<WebhookFormat> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(PORTAL_JSON);
        }
        return Arrays.stream(values()).filter(f -> f.name().equals(value.strip().toUpperCase(Locale.ROOT))).findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
