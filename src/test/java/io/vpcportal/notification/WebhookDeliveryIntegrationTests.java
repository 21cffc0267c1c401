package io.vpcportal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.DemoPortalTest;
import io.vpcportal.approval.ApprovalMode;
import io.vpcportal.approval.ApprovalNeeded;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestStatus;
import io.vpcportal.request.RequestStatusChanged;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks end to end: registered through the API, fed by real flows, delivered over real HTTP to a receiver
 * started here, and checked the way a receiver would check them (signature, headers, body).
 */
@DemoPortalTest
class WebhookDeliveryIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ALL_TYPES = """
            ["request.submitted","approval.needed","request.approved","request.rejected",
             "request.changes_requested","request.provisioned","request.failed"]""";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;

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
    void aSubmittedRequestReachesTheSubscriberSignedWithItsSecret() {
        WebhookReceiver receiver = receiver();
        JsonNode created = register("chat", receiver.url(), "[\"request.submitted\"]", true, null);
        String secret = created.get("secret").asString();
        assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
        String webhookId = created.get("id").asString();

        UUID requestId = client.createAndSubmit(requester);

        WebhookReceiver.Received delivery = receiver.await(1, about(requestId), WAIT).get(0);
        assertThat(delivery.header("Content-Type")).isEqualTo("application/json");
        assertThat(delivery.header("X-Portal-Event")).isEqualTo("request.submitted");
        assertSignedWith(secret, delivery);
        long sentAt = Long.parseLong(delivery.header("X-Portal-Timestamp"));
        assertThat(sentAt).isBetween(Instant.now().minusSeconds(60).getEpochSecond(), Instant.now().getEpochSecond());

        JsonNode body = delivery.json();
        assertThat(body.get("type").asString()).isEqualTo("request.submitted");
        assertThat(UUID.fromString(body.get("id").asString())).isNotNull();
        assertThat(body.get("request").get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(body.get("request").get("team").asString()).isEqualTo("payments");
        assertThat(body.get("request").get("requester").asString()).isEqualTo("requester");
        assertThat(body.get("request").get("templateKeys").get(0).asString()).isEqualTo("glue");
        assertThat(body.get("data").get("from").asString()).isEqualTo("DRAFT");
        assertThat(body.get("data").get("to").asString()).isEqualTo("SUBMITTED");
        assertThat(body.get("occurredAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        JsonNode logged = awaitDelivery(webhookId, d -> d.get("status").asString().equals("DELIVERED"));
        assertThat(logged.get("id").asString()).isEqualTo(delivery.header("X-Portal-Delivery"));
        assertThat(logged.get("attempts").asInt()).isEqualTo(1);
        assertThat(logged.get("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(logged.get("payload").asString()).isEqualTo(delivery.body());

        // a cancellation is no event this webhook subscribed to
        client.post("/api/v1/requests/" + requestId + "/cancel", requester, "");
        UUID second = client.createAndSubmit(requester);
        receiver.await(1, about(second), WAIT);
        assertThat(receiver.received()).extracting(r -> r.header("X-Portal-Event")).containsOnly("request.submitted");
    }

    @Test
    void aSecretChosenByTheAdminSignsToo() {
        WebhookReceiver receiver = receiver();
        String secret = "an-admin-chosen-secret-of-some-length";
        JsonNode created = register("ticketing", receiver.url(), "[\"request.submitted\"]", true, secret);
        assertThat(created.get("secret").asString()).isEqualTo(secret);
        assertThat(created.get("secretHint").asString()).isEqualTo("…ngth");

        UUID requestId = client.createAndSubmit(requester);

        assertSignedWith(secret, receiver.await(1, about(requestId), WAIT).get(0));
    }

    /**
     * Submitting is the only flow the API offers today; approval and provisioning publish the other events
     * when they are done. Until then they are published here exactly as those modules will: inside a
     * transaction, for an existing request.
     */
    @Test
    void everyEventTypeReachesItsSubscribersOnce() {
        WebhookReceiver receiver = receiver();
        String secret = register("everything", receiver.url(), ALL_TYPES, true, null).get("secret").asString();
        UUID requestId = client.createAndSubmit(requester);
        EndpointRequestId id = new EndpointRequestId(requestId);
        Instant now = Instant.now();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new ApprovalNeeded(requestId, 1, "network", ApprovalMode.ANY));
            events.publishEvent(new RequestStatusChanged(id, RequestStatus.SUBMITTED, RequestStatus.CHANGES_REQUESTED,
                    "net-approver", "Changes requested: smaller", now));
            events.publishEvent(new RequestStatusChanged(id, RequestStatus.SUBMITTED, RequestStatus.REJECTED,
                    "net-approver", "Rejected: no", now));
            events.publishEvent(new RequestStatusChanged(id, RequestStatus.SUBMITTED, RequestStatus.APPROVED,
                    "net-approver", "Approved", now));
            events.publishEvent(new RequestStatusChanged(id, RequestStatus.PROVISIONING, RequestStatus.ACTIVE,
                    "portal", "Endpoints available", now));
            events.publishEvent(new RequestStatusChanged(id, RequestStatus.PROVISIONING, RequestStatus.FAILED,
                    "portal", "Provisioning failed", now));
        });

        // the submission itself routes the request to network: one real approval.needed besides the published one
        List<WebhookReceiver.Received> got = receiver.await(8, about(requestId), WAIT);
        assertThat(got).extracting(r -> r.header("X-Portal-Event")).containsExactlyInAnyOrder(
                "request.submitted", "approval.needed", "approval.needed", "request.changes_requested", "request.rejected",
                "request.approved", "request.provisioned", "request.failed");
        got.forEach(r -> assertSignedWith(secret, r));
        got.forEach(r -> assertThat(r.json().get("type").asString()).isEqualTo(r.header("X-Portal-Event")));
        JsonNode approval = got.stream().filter(r -> r.header("X-Portal-Event").equals("approval.needed"))
                .findFirst().orElseThrow().json().get("data");
        assertThat(approval.get("approverTeam").asString()).isEqualTo("network");
        assertThat(approval.get("mode").asString()).isEqualTo("ANY");
    }

    @Test
    void aFailingReceiverGetsRetriesWithGrowingPausesUntilItAnswers2xx() {
        WebhookReceiver receiver = receiver().answering(200, 500, 500);
        String webhookId = register("flaky", receiver.url(), "[\"request.submitted\"]", true, null)
                .get("id").asString();

        UUID requestId = client.createAndSubmit(requester);

        List<WebhookReceiver.Received> attempts = receiver.await(3, about(requestId), WAIT);
        JsonNode logged = awaitDelivery(webhookId, d -> d.get("status").asString().equals("DELIVERED"));
        assertThat(logged.get("attempts").asInt()).isEqualTo(3);
        assertThat(logged.get("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(logged.get("lastError").isNull()).isTrue();
        assertThat(attempts).extracting(r -> r.header("X-Portal-Delivery")).containsOnly(logged.get("id").asString());
        assertThat(attempts).extracting(WebhookReceiver.Received::body).containsOnly(logged.get("payload").asString());
        // backoff 100 ms, then 200 ms (test settings): only lower bounds, the machine may be slow
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(90));
        assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }

    @Test
    void afterTheLastAttemptThePortalGivesUpUntilAnAdminRetries() {
        WebhookReceiver receiver = receiver().answering(503);
        String webhookId = register("down", receiver.url(), "[\"request.submitted\"]", true, null)
                .get("id").asString();

        UUID requestId = client.createAndSubmit(requester);

        JsonNode givenUp = awaitDelivery(webhookId, d -> d.get("status").asString().equals("GIVING_UP"));
        assertThat(givenUp.get("attempts").asInt()).isEqualTo(4); // max-attempts in the test settings
        assertThat(givenUp.get("lastStatusCode").asInt()).isEqualTo(503);
        assertThat(givenUp.get("lastError").asString()).isEqualTo("HTTP 503");
        assertThat(givenUp.get("nextAttemptAt").isNull()).isTrue();
        assertThat(receiver.received().stream().filter(about(requestId))).hasSize(4);

        receiver.answering(204);
        Response retried = client.post("/api/v1/webhooks/" + webhookId + "/deliveries/" + givenUp.get("id").asLong()
                + "/retry", admin, "");
        assertThat(retried.status()).isEqualTo(200);
        JsonNode delivered = awaitDelivery(webhookId, d -> d.get("status").asString().equals("DELIVERED"));
        assertThat(delivered.get("attempts").asInt()).isEqualTo(5);
        assertThat(delivered.get("lastStatusCode").asInt()).isEqualTo(204);

        Response again = client.post("/api/v1/webhooks/" + webhookId + "/deliveries/" + givenUp.get("id").asLong()
                + "/retry", admin, "");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void aDisabledWebhookGetsNothing() {
        WebhookReceiver enabled = receiver();
        WebhookReceiver disabled = receiver();
        register("on", enabled.url(), "[\"request.submitted\"]", true, null);
        String offId = register("off", disabled.url(), "[\"request.submitted\"]", false, null).get("id").asString();

        UUID requestId = client.createAndSubmit(requester);

        // both would have been queued in the same transaction: once one arrived, the other would exist
        enabled.await(1, about(requestId), WAIT);
        assertThat(client.get("/api/v1/webhooks/" + offId + "/deliveries", admin).json().get("items")).isEmpty();
        assertThat(disabled.received()).isEmpty();
    }

    @Test
    void aReceiverThatCannotBeReachedIsRecordedAsAFailure() {
        WebhookReceiver gone = receiver();
        String url = gone.url();
        gone.close();
        String webhookId = register("gone", url, "[\"request.submitted\"]", true, null).get("id").asString();

        client.createAndSubmit(requester);

        JsonNode failed = awaitDelivery(webhookId, d -> d.get("attempts").asInt() >= 1
                && !d.get("status").asString().equals("PENDING"));
        assertThat(failed.get("status").asString()).isIn("FAILED", "GIVING_UP");
        assertThat(failed.get("lastStatusCode").isNull()).isTrue();
        // nothing that tells a closed port from an open one that is no HTTP server, and no port
        assertThat(failed.get("lastError").asString()).isEqualTo("connection failed");
    }

    private WebhookReceiver receiver() {
        WebhookReceiver receiver = new WebhookReceiver();
        receivers.add(receiver);
        return receiver;
    }

    private JsonNode register(String name, String url, String eventTypes, boolean enabled, String secret) {
        Response created = client.post("/api/v1/webhooks", admin, """
                {"name":"%s","url":"%s","eventTypes":%s,"enabled":%s%s}""".formatted(name, url, eventTypes, enabled,
                secret == null ? "" : ",\"secret\":\"" + secret + "\""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        webhooks.add(created.json().get("id").asString());
        return created.json();
    }

    private JsonNode awaitDelivery(String webhookId, Predicate<JsonNode> which) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<JsonNode> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            seen.clear();
            client.get("/api/v1/webhooks/" + webhookId + "/deliveries", admin).json().get("items").forEach(seen::add);
            for (JsonNode delivery : seen) {
                if (which.test(delivery)) {
                    return delivery;
                }
            }
            pause();
        }
        throw new AssertionError("No matching delivery within " + WAIT + "; log: " + seen);
    }

    private static Predicate<WebhookReceiver.Received> about(UUID requestId) {
        return r -> {
            JsonNode request = r.json().get("request");
            return request != null && !request.isNull() && request.get("id").asString().equals(requestId.toString());
        };
    }

    /** Checks the signature as a receiver would: HMAC-SHA256 of "timestamp.body" with the shared secret. */
    private static void assertSignedWith(String secret, WebhookReceiver.Received delivery) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signed = delivery.header("X-Portal-Timestamp") + "." + delivery.body();
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
            assertThat(delivery.header("X-Portal-Signature")).isEqualTo(expected);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
