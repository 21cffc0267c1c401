package io.vpcportal.notification.internal;

import io.vpcportal.notification.NotificationProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries. A poll claims a batch in one short statement: {@code FOR UPDATE SKIP LOCKED} lets
 * several portal instances poll at once without two of them taking the same row, and the claim moves the
 * row's next attempt past a lease, so that no other instance takes it while it is being sent (and one does
 * take it again if this instance dies mid-send). The HTTP calls then run in parallel, outside any
 * transaction, and each outcome is recorded in its own short transaction.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 20;

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

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookSender sender;
    private final NotificationProperties settings;
    private final Clock clock;

    WebhookDispatcher(JdbcClient jdbc, PlatformTransactionManager transactions, WebhookDeliveryRepository deliveries,
            WebhookSender sender, NotificationProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.deliveries = deliveries;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    // the default here repeats NotificationProperties' default: the annotation cannot read the record
    @Scheduled(fixedDelayString = "${portal.notification.dispatch-interval:5s}",
            initialDelayString = "${portal.notification.dispatch-interval:5s}")
    void poll() {
        try {
            int sent;
            do {
                sent = dispatchDue();
            } while (sent == BATCH);
        } catch (RuntimeException e) {
            // the next poll tries again; a failing poll must not cancel the schedule
            log.warn("Webhook dispatch failed; retrying at the next poll", e);
        }
    }

    /** Sends one batch of due deliveries and records each outcome; answers how many were attempted. */
    int dispatchDue() {
        List<ClaimedDelivery> claimed = claim();
        Map<ClaimedDelivery, CompletableFuture<WebhookSender.Outcome>> sending = new LinkedHashMap<>();
        claimed.forEach(delivery -> sending.put(delivery, sender.send(delivery)));
        sending.forEach((delivery, outcome) -> record(delivery, outcome.join()));
        return claimed.size();
    }

    private List<ClaimedDelivery> claim() {
        Instant now = clock.instant();
        return tx.execute(status -> jdbc.sql(CLAIM)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("leaseUntil", OffsetDateTime.ofInstant(now.plus(settings.lease()), ZoneOffset.UTC))
                .param("batch", BATCH)
                .query((rs, row) -> new ClaimedDelivery(rs.getLong("id"), rs.getString("event_type"),
                        rs.getString("payload"), rs.getString("url"), rs.getString("secret")))
                .list());
    }

    private void record(ClaimedDelivery delivery, WebhookSender.Outcome outcome) {
        // the webhook may have been deleted meanwhile, and its deliveries with it
        tx.executeWithoutResult(status -> deliveries.findById(delivery.id()).ifPresent(d ->
                d.attempted(outcome.statusCode(), outcome.error(), clock.instant(), settings)));
        if (outcome.error() != null || outcome.statusCode() < 200 || outcome.statusCode() >= 300) {
            log.info("Webhook delivery {} ({}) failed: {}", delivery.id(), delivery.eventType(),
                    outcome.error() != null ? outcome.error() : "HTTP " + outcome.statusCode());
        }
    }
}
