package io.vpcportal.notification.internal;

import io.vpcportal.notification.NotificationProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * POSTs one delivery to its webhook, signed, with bounded connect and answer times. Redirects are not
 * followed: a 3xx counts as a failure, so a receiver cannot bounce the portal's requests elsewhere. Only the
 * status line and headers are awaited; the receiver's body is discarded unread, so a receiver that never
 * finishes its answer cannot hold the dispatcher.
 */
@Component
class WebhookSender {

    private final HttpClient client;
    private final NotificationProperties settings;
    private final Clock clock;

    WebhookSender(NotificationProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // plain HTTP/1.1 everywhere: no h2c upgrade attempts that some receivers and proxies mishandle
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** What came of one attempt: the receiver's status code, or why there was none. */
    record Outcome(Integer statusCode, String error) {
    }

    CompletableFuture<Outcome> send(ClaimedDelivery delivery) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "vpc-endpoint-portal-webhooks")
                    .header("X-Portal-Event", delivery.eventType())
                    .header("X-Portal-Delivery", Long.toString(delivery.id()))
                    .header("X-Portal-Timestamp", Long.toString(timestamp))
                    .header("X-Portal-Signature", WebhookSignature.of(delivery.secret(), timestamp, delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(null, "Invalid URL: " + e.getMessage()));
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.replacing(null))
                .orTimeout(settings.connectTimeout().plus(settings.requestTimeout()).plusSeconds(5).toMillis(),
                        TimeUnit.MILLISECONDS)
                .thenApply(response -> new Outcome(response.statusCode(), null))
                .exceptionally(failure -> new Outcome(null, describe(failure)));
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
