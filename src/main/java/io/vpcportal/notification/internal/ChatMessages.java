package io.vpcportal.notification.internal;

import io.vpcportal.notification.WebhookEventType;
import io.vpcportal.notification.WebhookFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat layouts of an event: a Slack incoming-webhook message (a {@code text} fallback for notifications, then
 * Block Kit blocks: a section with the facts and a context line with the link) and a Microsoft Teams message with
 * one Adaptive Card attachment (title, facts, an "open" action). Both say what happened, to which request, and
 * link into the portal; the portal JSON stays the format for programs.
 */
final class ChatMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

    private ChatMessages() {
    }

    /** The body for {@code format}; {@code portalJson} is the portal's own JSON of the same event. */
    static String render(WebhookFormat format, String portalJson, WebhookMessage message, String link) {
        return switch (format) {
            case PORTAL_JSON -> portalJson;
            case SLACK -> JSON.writeValueAsString(slack(message, link));
            case TEAMS -> JSON.writeValueAsString(teams(message, link));
        };
    }

    static Map<String, Object> slack(WebhookMessage message, String link) {
        String headline = headline(message);
        StringBuilder section = new StringBuilder("*").append(slackEscape(headline)).append('*');
        for (Map.Entry<String, String> fact : facts(message).entrySet()) {
            section.append('\n').append(slackEscape(fact.getKey())).append(": ").append(slackEscape(fact.getValue()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", headline);
        body.put("blocks", List.of(
                Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", section.toString())),
                Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn",
                        "text", "<" + slackEscape(link) + "|Open in the VPC Endpoint Portal> · "
                                + slackEscape(message.type()))))));
        return body;
    }

    static Map<String, Object> teams(WebhookMessage message, String link) {
        List<Map<String, Object>> facts = new ArrayList<>();
        facts(message).forEach((title, value) -> facts.add(Map.of("title", title, "value", value)));
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("body", List.of(
                Map.of("type", "TextBlock", "text", headline(message), "weight", "Bolder", "size", "Medium",
                        "wrap", true),
                Map.of("type", "FactSet", "facts", facts)));
        card.put("actions", List.of(Map.of("type", "Action.OpenUrl", "title", "Open in the VPC Endpoint Portal",
                "url", link)));
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", ADAPTIVE_CARD);
        attachment.put("contentUrl", null);
        attachment.put("content", card);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "message");
        body.put("attachments", List.of(attachment));
        return body;
    }

    /** "Approved: S3 for payments" */
    static String headline(WebhookMessage message) {
        String what = WebhookEventType.fromWireName(message.type()).map(WebhookEventType::label).orElse(message.type());
        return message.request() == null ? what : what + ": " + message.request().title();
    }

    private static Map<String, String> facts(WebhookMessage message) {
        Map<String, String> facts = new LinkedHashMap<>();
        WebhookMessage.RequestInfo r = message.request();
        if (r != null) {
            facts.put("Status", r.status());
            facts.put("Requester", r.requester() + " (team " + r.team() + ")");
            facts.put("Account", r.accountId() + " · " + r.region() + (r.vpcId() == null ? "" : " · " + r.vpcId()));
        }
        Map<String, Object> data = message.data();
        if (data.get("approverTeam") != null) {
            facts.put("Waiting for", "team " + data.get("approverTeam") + " (stage " + data.get("stage") + ")");
        }
        if (data.get("actor") != null) {
            facts.put("By", String.valueOf(data.get("actor")));
        }
        if (data.get("message") != null) {
            facts.put("Note", String.valueOf(data.get("message")));
        }
        if (data.get("vpcEndpointId") != null) {
            facts.put("Endpoint", String.valueOf(data.get("vpcEndpointId")));
        }
        if (data.get("drift") != null) {
            facts.put("Drift", String.valueOf(data.get("drift")));
        }
        return facts;
    }

    /** Slack reads {@code &}, {@code <} and {@code >} as markup ({@code <!channel>} would ping everyone). */
    static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
