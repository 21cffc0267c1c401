package io.vpcportal.notification.internal;

import io.vpcportal.notification.WebhookFormat;
import io.vpcportal.notification.WebhookSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A receiver of outgoing events, registered by an admin. Its secret signs every delivery. */
@Entity
@Table(name = "webhook")
public class Webhook {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String url;

    @Column(nullable = false, updatable = false)
    private String secret;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false, columnDefinition = "varchar(40)[]")
    private String[] eventTypes;

    @Column(nullable = false)
    private boolean enabled;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private WebhookFormat format = WebhookFormat.PORTAL_JSON;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected Webhook() {
    }

    public Webhook(String name, String url, String secret, Collection<String> eventTypes, boolean enabled,
            Instant createdAt, String createdBy, WebhookFormat format) {
        this.id = UUID.randomUUID();
        this.secret = secret;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        change(name, url, eventTypes, enabled, format);
    }

    public void change(String name, String url, Collection<String> eventTypes, boolean enabled, WebhookFormat format) {
        this.format = format;
        this.name = name;
        this.url = url;
        this.eventTypes = eventTypes.stream().distinct().sorted().toArray(String[]::new);
        this.enabled = enabled;
    }

    public void enable(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean subscribesTo(String eventType) {
        return Arrays.asList(eventTypes).contains(eventType);
    }

    public UUID id() { return id; }
    public String url() { return url; }
    public String secret() { return secret; }
    public boolean enabled() { return enabled; }
    public WebhookFormat format() { return format; }

    public WebhookSummary summary() {
        return new WebhookSummary(id, name, url, Arrays.asList(eventTypes), enabled,
                "…" + secret.substring(Math.max(0, secret.length() - 4)), createdAt, createdBy, format);
    }
}
