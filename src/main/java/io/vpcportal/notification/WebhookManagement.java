package io.vpcportal.notification;

import io.vpcportal.notification.internal.Webhook;
import io.vpcportal.notification.internal.WebhookDelivery;
import io.vpcportal.notification.internal.WebhookDeliveryRepository;
import io.vpcportal.notification.internal.WebhookDestinations;
import io.vpcportal.notification.internal.WebhookRepository;
import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.platform.TextRules;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins register, change and remove webhooks, read their delivery logs and retry failed deliveries.
 * <p>
 * Server-side request forgery: a webhook makes the portal send POST requests to an http(s) URL. Only public
 * addresses are allowed unless {@code portal.notification.allowed-destinations} names an internal receiver (an
 * intranet chat bridge); the check runs on save and again on the address actually connected to at delivery
 * ({@link WebhookDestinations}). Only admins may register webhooks, redirects are never followed, and the portal
 * shows neither receivers' answers beyond their status code nor why a connection failed.
 */
@Service
@Transactional(readOnly = true)
public class WebhookManagement {

    public static final int MAX_LIMIT = 200;
    private static final Pattern SECRET = Pattern.compile("[\\x21-\\x7e]{16,200}");

    private final WebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final Clock clock;
    private final WebhookDestinations destinations;
    private final SecureRandom random = new SecureRandom();

    WebhookManagement(WebhookRepository webhooks, WebhookDeliveryRepository deliveries, Clock clock,
            WebhookDestinations destinations) {
        this.destinations = destinations;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public List<WebhookSummary> all() {
        return webhooks.findAllByOrderByCreatedAtAscNameAsc().stream().map(Webhook::summary).toList();
    }

    public WebhookSummary get(UUID id) {
        return load(id).summary();
    }

    /** Registers a webhook; without a {@code secret} the portal generates one (32 random bytes, base64url). */
    @Transactional
    public CreatedWebhook create(WebhookChange change, String secret, String by) {
        List<FieldViolation> violations = validate(change);
        String key = secret == null || secret.isBlank() ? generatedSecret() : secret.strip();
        if (!SECRET.matcher(key).matches()) {
            violations.add(new FieldViolation("secret", "must be 16 to 200 visible ASCII characters, or empty"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Webhook webhook = webhooks.save(new Webhook(change.name().strip(), change.url().strip(), key,
                change.eventTypes(), change.enabled(), clock.instant(), by, change.format()));
        return new CreatedWebhook(webhook.summary(), key);
    }

    /** Changes name, URL, event types and whether it is enabled; the secret stays. */
    @Transactional
    public WebhookSummary update(UUID id, WebhookChange change) {
        Webhook webhook = load(id);
        List<FieldViolation> violations = validate(change);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        webhook.change(change.name().strip(), change.url().strip(), change.eventTypes(), change.enabled(),
                change.format());
        return webhook.summary();
    }

    @Transactional
    public WebhookSummary enable(UUID id, boolean enabled) {
        Webhook webhook = load(id);
        webhook.enable(enabled);
        return webhook.summary();
    }

    /** Removes the webhook and its delivery log. */
    @Transactional
    public void delete(UUID id) {
        webhooks.delete(load(id));
    }

    public DeliveryPage deliveries(UUID webhookId, String cursor, int limit) {
        load(webhookId);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Long before = parseCursor(cursor);
        List<WebhookDelivery> rows = before == null
                ? deliveries.findByWebhookIdOrderByIdDesc(webhookId, Limit.of(limit + 1))
                : deliveries.findByWebhookIdAndIdLessThanOrderByIdDesc(webhookId, before, Limit.of(limit + 1));
        boolean more = rows.size() > limit;
        List<DeliverySummary> items = (more ? rows.subList(0, limit) : rows).stream()
                .map(WebhookDelivery::summary).toList();
        return new DeliveryPage(items, more ? Long.toString(items.get(items.size() - 1).id()) : null);
    }

    /** Makes a FAILED delivery due now, or gives a GIVING_UP one another attempt. */
    @Transactional
    public DeliverySummary retry(UUID webhookId, long deliveryId) {
        WebhookDelivery delivery = deliveries.findById(deliveryId)
                .filter(d -> d.webhookId().equals(webhookId))
                .orElseThrow(() -> new NotFoundException("No delivery " + deliveryId + " of webhook " + webhookId));
        delivery.retryNow(clock.instant());
        return delivery.summary();
    }

    private Webhook load(UUID id) {
        return webhooks.findById(id).orElseThrow(() -> new NotFoundException("No webhook " + id));
    }

    private List<FieldViolation> validate(WebhookChange change) {
        List<FieldViolation> violations = new ArrayList<>();
        if (change.name() == null || change.name().isBlank() || change.name().strip().length() > 100) {
            violations.add(new FieldViolation("name", "must be 1 to 100 characters"));
        } else if (TextRules.containsControl(change.name())) {
            violations.add(new FieldViolation("name", TextRules.CONTROL_CHARACTERS));
        }
        urlProblem(change.url()).ifPresent(problem -> violations.add(new FieldViolation("url", problem)));
        if (change.eventTypes() == null || change.eventTypes().isEmpty()) {
            violations.add(new FieldViolation("eventTypes", "must name at least one event type"));
        } else {
            change.eventTypes().stream().filter(t -> WebhookEventType.fromWireName(t).isEmpty()).findFirst()
                    .ifPresent(t -> violations.add(new FieldViolation("eventTypes", "'" + t
                            + "' is not an event type; use " + wireNames())));
        }
        return violations;
    }

    private Optional<String> urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (url.strip().length() > 2000) {
            return Optional.of("must be at most 2000 characters");
        }
        if (TextRules.containsControl(url)) {
            return Optional.of(TextRules.CONTROL_CHARACTERS);
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.of("must be an http:// or https:// URL");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return Optional.of("must name a host");
            }
            if (uri.getRawUserInfo() != null) {
                // credentials in the URL would be shown on every page that lists webhooks
                return Optional.of("must not contain a user name or password; use the signature instead");
            }
            return destinations.problem(uri.getHost());
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
    }

    private static List<String> wireNames() {
        return Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName).toList();
    }

    private String generatedSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Long parseCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(cursor.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor", "is not a cursor this API returned");
        }
    }
}
