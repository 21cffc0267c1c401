package io.vpcportal.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.notification.WebhookFormat;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChatMessagesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookMessage message = new WebhookMessage(UUID.randomUUID(), "request.rejected", Instant.EPOCH,
            new WebhookMessage.RequestInfo(UUID.randomUUID(), "S3 <!channel> & co", "REJECTED", "riley", "payments",
                    "111111111111", "eu-west-1", null, List.of("s3")),
            Map.of("actor", "noor", "message", "Rejected: use <the> shared VPC"));

    @Test
    void slackMarkupInRequestTextIsEscapedSoItCannotPingOrLink() {
        JsonNode body = JSON.readTree(ChatMessages.render(WebhookFormat.SLACK, "{}", message,
                "https://portal.example.test/requests/1?a=b&c=d"));
        String section = body.get("blocks").get(0).get("text").get("text").asString();
        assertThat(section).contains("S3 &lt;!channel&gt; &amp; co", "use &lt;the&gt; shared VPC", "By: noor")
                .doesNotContain("<!channel>");
        assertThat(body.get("blocks").get(1).get("elements").get(0).get("text").asString())
                .startsWith("<https://portal.example.test/requests/1?a=b&amp;c=d|Open in the VPC Endpoint Portal>");
        // the notification fallback is plain text, shown as it is
        assertThat(body.get("text").asString()).isEqualTo("Rejected: S3 <!channel> & co");
    }

    @Test
    void portalJsonIsPassedThroughUnchanged() {
        assertThat(ChatMessages.render(WebhookFormat.PORTAL_JSON, "{\"id\":1}", message, "https://x")).isEqualTo("{\"id\":1}");
    }

    @Test
    void teamsFactsCarryTheDecision() {
        JsonNode card = JSON.readTree(ChatMessages.render(WebhookFormat.TEAMS, "{}", message, "https://x"))
                .get("attachments").get(0).get("content");
        assertThat(card.get("body").get(1).get("facts").toString()).contains("\"title\":\"Note\"",
                "Rejected: use <the> shared VPC", "\"title\":\"By\"");
    }
}
