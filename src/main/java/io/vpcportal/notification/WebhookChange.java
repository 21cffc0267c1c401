package io.vpcportal.notification;

import java.util.Set;

/** What an admin sets on a webhook; {@code eventTypes} are wire names such as {@code request.submitted}. */
public record WebhookChange(String name, String url, Set<String> eventTypes, boolean enabled) {
}
