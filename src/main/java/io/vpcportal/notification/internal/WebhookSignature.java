package io.vpcportal.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Portal-Signature} header: {@code sha256=} and the hex HMAC-SHA256 of {@code <timestamp>.<body>}
 * keyed with the webhook's secret (its UTF-8 bytes). Signing the timestamp too lets receivers refuse replays
 * of an old delivery.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String of(String secret, long epochSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
