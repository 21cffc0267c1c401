package io.vpcportal.notification.internal;

import io.vpcportal.notification.NotificationProperties;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * POSTs one delivery to its webhook, signed, with bounded connect and answer times. Redirects are not
 * followed: a 3xx counts as a failure, so a receiver cannot bounce the portal's requests elsewhere. Only the
 * status line and headers are awaited; the receiver's body is discarded unread, so a receiver that never
 * finishes its answer cannot hold the dispatcher.
 * <p>
 * The host is resolved once by {@link WebhookDestinations}, which hands the client only addresses webhooks may
 * reach, and the client connects to exactly those. A failed attempt is recorded as "connection failed" whatever
 * the cause (refused, reset, timed out, not an HTTP server): telling them apart would let an admin map which ports
 * are open inside the portal's network.
 */
@Component
class WebhookSender implements DisposableBean {

    static final String CONNECTION_FAILED = "connection failed";
    static final String NOT_ALLOWED = "connection failed: destination not allowed";
    private static final int PARALLEL = 20;

    private final CloseableHttpClient client;
    private final ExecutorService sending;
    private final NotificationProperties settings;
    private final Clock clock;

    WebhookSender(NotificationProperties settings, WebhookDestinations destinations, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout answer = Timeout.of(settings.requestTimeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(destinations)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect).setSocketTimeout(answer).build())
                        .setMaxConnTotal(PARALLEL)
                        .setMaxConnPerRoute(PARALLEL)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect).setResponseTimeout(answer).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("vpc-endpoint-portal-webhooks")
                .build();
        AtomicInteger threads = new AtomicInteger();
        this.sending = Executors.newFixedThreadPool(PARALLEL, task -> {
            Thread thread = new Thread(task, "webhook-send-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What came of one attempt: the receiver's status code, or why there was none. */
    record Outcome(Integer statusCode, String error) {
    }

    CompletableFuture<Outcome> send(ClaimedDelivery delivery) {
        long timestamp = clock.instant().getEpochSecond();
        HttpPost request;
        try {
            URI uri = URI.create(delivery.url());
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            request = new HttpPost(uri);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(null, "Invalid URL"));
        }
        request.setHeader("X-Portal-Event", delivery.eventType());
        request.setHeader("X-Portal-Delivery", Long.toString(delivery.id()));
        request.setHeader("X-Portal-Timestamp", Long.toString(timestamp));
        request.setHeader("X-Portal-Signature", WebhookSignature.of(delivery.secret(), timestamp, delivery.payload()));
        // JSON is UTF-8 by definition: the header stays plain application/json, as receivers have always seen it
        request.setEntity(new ByteArrayEntity(delivery.payload().getBytes(StandardCharsets.UTF_8),
                ContentType.create("application/json")));
        return CompletableFuture.supplyAsync(() -> attempt(request), sending)
                .orTimeout(settings.connectTimeout().plus(settings.requestTimeout()).plusSeconds(5).toMillis(),
                        TimeUnit.MILLISECONDS)
                .exceptionally(failure -> {
                    request.abort();
                    return new Outcome(null, CONNECTION_FAILED);
                });
    }

    private Outcome attempt(HttpPost request) {
        ClassicHttpResponse response;
        try {
            response = client.executeOpen(null, request, null);
        } catch (IOException | RuntimeException e) {
            return new Outcome(null, notAllowed(e) ? NOT_ALLOWED : CONNECTION_FAILED);
        }
        int status = response.getCode();
        // aborting before close drops the connection unread: a receiver's endless body holds nothing
        request.abort();
        try {
            response.close();
        } catch (IOException | RuntimeException e) {
            // the connection is gone already; the status line was all the portal needed
        }
        return new Outcome(status, null);
    }

    private static boolean notAllowed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebhookDestinations.DestinationNotAllowed) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void destroy() {
        sending.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
    }
}
