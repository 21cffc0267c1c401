package io.vpcportal.notification.internal;

import io.vpcportal.approval.ApprovalNeeded;
import io.vpcportal.inventory.EndpointDriftDetected;
import io.vpcportal.notification.PortalLinks;
import io.vpcportal.notification.WebhookEventType;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestQueries;
import io.vpcportal.request.RequestStatus;
import io.vpcportal.request.RequestStatusChanged;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into deliveries, one per enabled webhook subscribed to the event's type, in the transaction of
 * the change: if that transaction rolls back nothing is sent, and once it commits nothing is lost, even if the
 * portal stops before the dispatcher runs.
 */
@Component
class WebhookOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final RequestQueries requests;
    private final Clock clock;
    private final PortalLinks links;

    WebhookOutbox(WebhookRepository webhooks, WebhookDeliveryRepository deliveries, RequestQueries requests,
            Clock clock, PortalLinks links) {
        this.links = links;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.requests = requests;
        this.clock = clock;
    }

    @EventListener
    void on(RequestStatusChanged event) {
        String adopts = event.to() == RequestStatus.ACTIVE
                ? requests.find(event.requestId()).map(RequestDetails::adoptsEndpointId).orElse(null)
                : null;
        WebhookEventType.onArrivalIn(event.from(), event.to(), adopts != null).ifPresent(type -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("from", event.from());
            data.put("to", event.to());
            data.put("actor", event.actor());
            data.put("message", event.message());
            if (type == WebhookEventType.ENDPOINT_ADOPTED) {
                data.put("vpcEndpointId", adopts);
            }
            enqueue(type, event.requestId().value(), event.at(), data);
        });
    }

    @EventListener
    void on(ApprovalNeeded event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("stage", event.stage());
        data.put("approverTeam", event.approverTeam());
        data.put("mode", event.mode());
        enqueue(WebhookEventType.APPROVAL_NEEDED, event.requestId(), clock.instant(), data);
    }

    @EventListener
    void on(EndpointDriftDetected event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("vpcEndpointId", event.vpcEndpointId());
        data.put("accountId", event.accountId());
        data.put("region", event.region());
        data.put("drift", event.summary());
        enqueue(WebhookEventType.ENDPOINT_DRIFTED, event.requestId(), clock.instant(), data);
    }

    private void enqueue(WebhookEventType type, UUID requestId, Instant occurredAt, Map<String, Object> data) {
        List<Webhook> subscribed = webhooks.findByEnabledTrueOrderByCreatedAtAsc().stream()
                .filter(w -> w.subscribesTo(type.wireName())).toList();
        if (subscribed.isEmpty()) {
            return;
        }
        UUID eventId = UUID.randomUUID();
        WebhookMessage.RequestInfo request = requests.find(new EndpointRequestId(requestId))
                .map(WebhookMessage.RequestInfo::of).orElse(null);
        WebhookMessage message = new WebhookMessage(eventId, type.wireName(), occurredAt, request, data);
        String payload = JSON.writeValueAsString(message);
        String link = requestId == null ? links.page("/")
                : type == WebhookEventType.APPROVAL_NEEDED ? links.approval(requestId) : links.request(requestId);
        Instant now = clock.instant();
        for (Webhook webhook : subscribed) {
            deliveries.save(new WebhookDelivery(webhook.id(), type.wireName(), eventId,
                    ChatMessages.render(webhook.format(), payload, message, link), now));
        }
    }
}
