package io.vpcportal.notification;

/** A new webhook with its signing secret: the only time the secret leaves the portal. */
public record CreatedWebhook(WebhookSummary webhook, String secret) {
}
