package io.vpcportal.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.notification.CreatedWebhook;
import io.vpcportal.notification.DeliveryPage;
import io.vpcportal.notification.DeliverySummary;
import io.vpcportal.notification.WebhookFormat;
import io.vpcportal.notification.WebhookManagement;
import io.vpcportal.notification.WebhookSummary;
import io.vpcportal.platform.InvalidInputException;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/webhooks")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Webhooks", description = "Outgoing webhooks and their delivery logs (admins)")
class WebhookRestController {

    private final WebhookManagement webhooks;

    WebhookRestController(WebhookManagement webhooks) {
        this.webhooks = webhooks;
    }

    /** The secret is in this answer only; afterwards only its last four characters are shown. */
    record CreatedWebhookDetails(UUID id, String name, String url, List<String> eventTypes, boolean enabled,
            String secretHint, Instant createdAt, String createdBy, String secret,
            WebhookFormat format) {

        static CreatedWebhookDetails of(CreatedWebhook created) {
            WebhookSummary w = created.webhook();
            return new CreatedWebhookDetails(w.id(), w.name(), w.url(), w.eventTypes(), w.enabled(), w.secretHint(),
                    w.createdAt(), w.createdBy(), created.secret(), w.format());
        }
    }

    @GetMapping
    @Operation(summary = "All webhooks")
    List<WebhookSummary> list() {
        return webhooks.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One webhook")
    WebhookSummary get(@PathVariable UUID id) {
        return webhooks.get(id);
    }

    @PostMapping
    @Operation(summary = "Register a webhook",
            description = "Deliveries are POSTed with X-Portal-Event, X-Portal-Delivery, X-Portal-Timestamp and "
                    + "X-Portal-Signature: sha256=<hex HMAC-SHA256 of \"<timestamp>.<body>\" keyed with the secret>.")
    ResponseEntity<CreatedWebhookDetails> create(@AuthenticationPrincipal PortalPrincipal me,
            @Valid @RequestBody WebhookPayload payload) {
        CreatedWebhook created = webhooks.create(payload.toChange(), payload.secret(), me.getUsername());
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.webhook().id()))
                .body(CreatedWebhookDetails.of(created));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a webhook's name, URL, event types or enabled flag (the secret stays)")
    WebhookSummary update(@PathVariable UUID id, @Valid @RequestBody WebhookPayload payload) {
        if (payload.secret() != null) {
            throw new InvalidInputException("secret", "cannot be changed; register a new webhook to change it");
        }
        return webhooks.update(id, payload.toChange());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a webhook and its delivery log")
    void delete(@PathVariable UUID id) {
        webhooks.delete(id);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "A webhook's deliveries, newest first, with cursor pagination")
    DeliveryPage deliveries(@PathVariable UUID id,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
            @RequestParam(required = false, defaultValue = "50") int limit) {
        return webhooks.deliveries(id, cursor, limit);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/retry")
    @Operation(summary = "Send a FAILED or GIVING_UP delivery again now")
    DeliverySummary retry(@PathVariable UUID id, @PathVariable long deliveryId) {
        return webhooks.retry(id, deliveryId);
    }
}
