package io.vpcportal.notification.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.vpcportal.notification.WebhookChange;
import io.vpcportal.notification.WebhookFormat;
import io.vpcportal.platform.InvalidInputException;
import jakarta.validation.constraints.NotNull;
import java.util.Set;

/**
 * JSON body to create or change a webhook. {@code secret} is read on creation only (empty: the portal
 * generates one); {@code enabled} defaults to true, {@code format} to PORTAL_JSON.
 */
record WebhookPayload(
        String name,
        @Schema(example = "https://chat.example.com/hooks/vpc-endpoints") String url,
        @Schema(example = "[\"request.submitted\", \"approval.needed\"]") Set<@NotNull(message = "must not hold null") String> eventTypes,
        Boolean enabled,
        @Schema(description = "create only; 16 to 200 visible ASCII characters", nullable = true) String secret,
        @Schema(description = "message layout: PORTAL_JSON (default), SLACK or TEAMS", example = "SLACK",
                nullable = true) String format) {

    WebhookChange toChange() {
        WebhookFormat layout = WebhookFormat.parse(format).orElseThrow(() ->
                new InvalidInputException("format", "must be one of " + WebhookFormat.choices()));
        return new WebhookChange(name, url, eventTypes, enabled == null || enabled, layout);
    }
}
