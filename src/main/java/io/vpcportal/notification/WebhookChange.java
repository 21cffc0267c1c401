package io.vpcportal.notification;

import java.util.Set;

/**
 * What an admin sets on a webhook; {@code eventTypes} are wire names such as {@code request.submitted}, and
 * {@code format} the layout of its messages.
 */
public record WebhookChange(String name, String url, Set<String> eventTypes, boolean enabled, WebhookFormat format) {

    public WebhookChange {
        format = format == null ? WebhookFormat.PORTAL_JSON : format;
    }

    /** A webhook that gets the portal's own JSON. */
    public WebhookChange(String name, String url, Set<String> eventTypes, boolean enabled) {
        this(name, url, eventTypes, enabled, WebhookFormat.PORTAL_JSON);
    }
}
