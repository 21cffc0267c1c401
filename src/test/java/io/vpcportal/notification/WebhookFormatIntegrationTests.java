package io.vpcportal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.DemoPortalTest;
import io.vpcportal.notification.internal.WebhookSignature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Chat formats over real HTTP: a Slack and a Teams webhook get the same submission as messages those tools show,
 * signed like the portal JSON.
 */
@DemoPortalTest
class WebhookFormatIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    PortalApi client;
    String admin;
    String requester;
    final List<WebhookReceiver> receivers = new ArrayList<>();
    final List<String> webhooks = new ArrayList<>();

    @BeforeEach
    void tokens() {
        client = new PortalApi(port);
        admin = client.tokenOf("admin");
        requester = client.tokenOf("requester");
    }

    @AfterEach
    void cleanUp() {
        webhooks.forEach(id -> client.delete("/api/v1/webhooks/" + id, admin));
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void aSlackWebhookGetsTextAndBlocksWithALinkIntoThePortal() {
        WebhookReceiver receiver = receiver();
        JsonNode created = register("slack", receiver.url(), "SLACK");
        assertThat(created.get("format").asString()).isEqualTo("SLACK");

        UUID id = client.createAndSubmit(requester);

        WebhookReceiver.Received got = receiver.await(1, r -> r.body().contains(id.toString()), WAIT).get(0);
        assertSigned(created.get("secret").asString(), got);
        assertThat(got.header("X-Portal-Event")).isEqualTo("request.submitted");
        JsonNode body = got.json();
        assertThat(body.get("text").asString()).startsWith("Submitted for approval: ");
        JsonNode blocks = body.get("blocks");
        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(0).get("type").asString()).isEqualTo("section");
        assertThat(blocks.get(0).get("text").get("type").asString()).isEqualTo("mrkdwn");
        assertThat(blocks.get(0).get("text").get("text").asString()).startsWith("*Submitted for approval: ")
                .contains("Status: SUBMITTED", "Requester: requester (team payments)", "111111111111 · eu-west-1");
        assertThat(blocks.get(1).get("type").asString()).isEqualTo("context");
        assertThat(blocks.get(1).get("elements").get(0).get("text").asString())
                .isEqualTo("<http://localhost:8080/requests/" + id + "|Open in the VPC Endpoint Portal> · request.submitted");
        assertThat(body.has("id")).isFalse(); // not the portal JSON
    }

    @Test
    void aTeamsWebhookGetsAMessageWithOneAdaptiveCard() {
        WebhookReceiver receiver = receiver();
        JsonNode created = register("teams", receiver.url(), "TEAMS");

        UUID id = client.createAndSubmit(requester);

        WebhookReceiver.Received got = receiver.await(1, r -> r.body().contains(id.toString()), WAIT).get(0);
        assertSigned(created.get("secret").asString(), got);
        JsonNode body = got.json();
        assertThat(body.get("type").asString()).isEqualTo("message");
        assertThat(body.get("attachments")).hasSize(1);
        JsonNode attachment = body.get("attachments").get(0);
        assertThat(attachment.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(attachment.get("contentUrl").isNull()).isTrue();
        JsonNode card = attachment.get("content");
        assertThat(card.get("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.get("version").asString()).isEqualTo("1.4");
        assertThat(card.get("$schema").asString()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
        assertThat(card.get("body").get(0).get("type").asString()).isEqualTo("TextBlock");
        assertThat(card.get("body").get(0).get("text").asString()).startsWith("Submitted for approval: ");
        JsonNode facts = card.get("body").get(1).get("facts");
        assertThat(facts.get(0).get("title").asString()).isEqualTo("Status");
        assertThat(facts.get(0).get("value").asString()).isEqualTo("SUBMITTED");
        JsonNode action = card.get("actions").get(0);
        assertThat(action.get("type").asString()).isEqualTo("Action.OpenUrl");
        assertThat(action.get("url").asString()).isEqualTo("http://localhost:8080/requests/" + id);
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheField() {
        Response refused = client.post("/api/v1/webhooks", admin, """
                {"name":"x","url":"http://127.0.0.1:9/x","eventTypes":["request.submitted"],"format":"IRC"}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("format", "PORTAL_JSON, SLACK, TEAMS");
    }

    private WebhookReceiver receiver() {
        WebhookReceiver receiver = new WebhookReceiver();
        receivers.add(receiver);
        return receiver;
    }

    private JsonNode register(String name, String url, String format) {
        Response created = client.post("/api/v1/webhooks", admin, """
                {"name":"%s","url":"%s","eventTypes":["request.submitted"],"format":"%s"}""".formatted(name, url, format));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        webhooks.add(created.json().get("id").asString());
        return created.json();
    }

    private static void assertSigned(String secret, WebhookReceiver.Received got) {
        long timestamp = Long.parseLong(got.header("X-Portal-Timestamp"));
        assertThat(got.header("X-Portal-Signature")).isEqualTo(WebhookSignature.of(secret, timestamp, got.body()));
    }
}
