package io.vpcportal.notification.internal;

import io.vpcportal.notification.NotificationProperties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries of enabled webhooks in the claim-and-send loop of {@link DeliveryClaims}: several portal
 * instances poll at once without two of them taking the same row, and a row an instance died sending is taken up
 * again after the lease. The HTTP calls of a batch run in parallel, outside any transaction, and each outcome is
 * recorded in its own short transaction.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private static final String CLAIM = """
            update webhook_delivery d
               set attempts = d.attempts + 1, next_attempt_at = :leaseUntil
              from webhook w
             where w.id = d.webhook_id
               and d.id in (select due.id
                              from webhook_delivery due
                              join webhook hook on hook.id = due.webhook_id
                             where due.status in ('PENDING', 'FAILED')
                               and due.next_attempt_at <= :now
                               and hook.enabled
                             order by due.next_attempt_at, due.id
                             limit :batch
                               for update of due skip locked)
            returning d.id, d.event_type, d.payload, w.url, w.secret
            """;

    private final DeliveryClaims claims;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookSender sender;
    private final NotificationProperties settings;

    WebhookDispatcher(DeliveryClaims claims, WebhookDeliveryRepository deliveries, WebhookSender sender,
            NotificationProperties settings) {
        this.claims = claims;
        this.deliveries = deliveries;
        this.sender = sender;
        this.settings = settings;
    }

    // the default here repeats NotificationProperties' default: the annotation cannot read the record
    @Scheduled(fixedDelayString = "${portal.notification.dispatch-interval:5s}",
            initialDelayString = "${portal.notification.dispatch-interval:5s}")
    void poll() {
        claims.drain("Webhook", CLAIM, WebhookDispatcher::claimed, this::send, log);
    }

    /** Sends one batch of due deliveries and records each outcome; answers how many were attempted. */
    int dispatchDue() {
        return send(claims.claim(CLAIM, WebhookDispatcher::claimed));
    }

    private int send(List<ClaimedDelivery> claimed) {
        Map<ClaimedDelivery, CompletableFuture<WebhookSender.Outcome>> sending = new LinkedHashMap<>();
        claimed.forEach(delivery -> sending.put(delivery, sender.send(delivery)));
        sending.forEach((delivery, outcome) -> record(delivery, outcome.join()));
        return claimed.size();
    }

    private static ClaimedDelivery claimed(ResultSet rs, int row) throws SQLException {
        return new ClaimedDelivery(rs.getLong("id"), rs.getString("event_type"), rs.getString("payload"),
                rs.getString("url"), rs.getString("secret"));
    }

    private void record(ClaimedDelivery delivery, WebhookSender.Outcome outcome) {
        // the webhook may have been deleted meanwhile, and its deliveries with it
        claims.record(() -> deliveries.findById(delivery.id()).ifPresent(d ->
                d.attempted(outcome.statusCode(), outcome.error(), claims.now(), settings)));
        if (outcome.error() != null || outcome.statusCode() < 200 || outcome.statusCode() >= 300) {
            log.info("Webhook delivery {} ({}) failed: {}", delivery.id(), delivery.eventType(),
                    outcome.error() != null ? outcome.error() : "HTTP " + outcome.statusCode());
        }
    }
}
