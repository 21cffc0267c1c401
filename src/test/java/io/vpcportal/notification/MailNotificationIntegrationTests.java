package io.vpcportal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.DemoPortalTest;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestStatus;
import io.vpcportal.request.RequestStatusChanged;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * E-mail end to end against a real SMTP server (GreenMail on 127.0.0.1): real flows write the mails, the dispatcher
 * sends them over SMTP, and the tests read what arrived. The SLA is 0 hours here, so every waiting stage is past it
 * at the next check (every second): each request gets its reminder within seconds, and only one.
 */
@DemoPortalTest
@TestPropertySource(properties = {
        "spring.mail.host=127.0.0.1",
        "portal.base-url=https://portal.example.test/",
        "portal.approval.sla-hours=0",
        "portal.notification.mail.sla-check-interval=1s",
        "portal.notification.mail.from=portal@example.test"})
class MailNotificationIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String REQUESTER = "requester@example.test";
    private static final String APPROVER = "noor@network.example.test";
    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp = startSmtp();

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;

    PortalApi client;
    String admin;
    String requester;
    String approver;

    @BeforeAll
    static void running() {
        if (!smtp.isRunning()) {
            smtp = startSmtp();
        }
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void addressesAndEveryKindOn() {
        client = new PortalApi(port);
        admin = client.tokenOf("admin");
        requester = client.tokenOf("requester");
        approver = client.tokenOf("net-approver");
        String allOn = """
                {"email":"%s","kinds":{"approval.waiting":true,"approval.sla_reminder":true,"request.decided":true,
                 "request.provisioned":true,"request.failed":true}}""";
        assertThat(client.put("/api/v1/me/notification-preferences", requester, allOn.formatted(REQUESTER)).status())
                .isEqualTo(200);
        assertThat(client.put("/api/v1/me/notification-preferences", approver, allOn.formatted(APPROVER)).status())
                .isEqualTo(200);
    }

    @Test
    void theApproversOfTheWaitingStageGetAMailWithALinkThatOpensTheRequest() throws Exception {
        UUID id = client.createAndSubmit(requester);

        MimeMessage mail = awaitMail(to(APPROVER).and(subject("Waiting for your decision")).and(mentions(id)));
        assertThat(mail.getFrom()[0].toString()).isEqualTo("portal@example.test");
        assertThat(mail.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        String body = body(mail);
        assertThat(body).contains("Hello Noor Network", "by requester (team payments)", "team network (stage 1)",
                "Account: 111111111111, region eu-west-1");
        Matcher link = Pattern.compile("https://portal\\.example\\.test(/approvals/[0-9a-f-]{36})").matcher(body);
        assertThat(link.find()).as(body).isTrue();
        assertThat(link.group(1)).isEqualTo("/approvals/" + id);
        assertThat(body).contains("https://portal.example.test/me");

        // the link opens the request's approval page for the approver who got the mail
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("net-approver", PortalApi.DEMO_PASSWORD);
        Response page = browser.page(link.group(1));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(id.toString());

        // the requester approves nothing, so is mailed nothing about waiting decisions
        assertThat(received(to(REQUESTER).and(subject("Waiting for your decision")).and(mentions(id)))).isEmpty();
    }

    @Test
    void theRequesterIsToldWhenTheRequestIsDecidedProvisionedOrFails() throws Exception {
        UUID id = client.createAndSubmit(requester);
        Response rejected = client.post("/api/v1/requests/" + id + "/reject", approver, "{\"reason\":\"use the shared VPC\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);

        MimeMessage decided = awaitMail(to(REQUESTER).and(subject("Your request was rejected")).and(mentions(id)));
        assertThat(body(decided)).contains("Hello Riley Requester", "was rejected by net-approver", "use the shared VPC",
                "https://portal.example.test/requests/" + id);

        // provisioning reports its outcome with these events (the shared test portal provisions nothing)
        publish(new RequestStatusChanged(new EndpointRequestId(id), RequestStatus.PROVISIONING, RequestStatus.ACTIVE,
                "portal", "Endpoints available", Instant.now()));
        publish(new RequestStatusChanged(new EndpointRequestId(id), RequestStatus.PROVISIONING, RequestStatus.FAILED,
                "portal", "Provisioning failed: quota reached", Instant.now()));

        assertThat(body(awaitMail(to(REQUESTER).and(subject("Your endpoints are ready")).and(mentions(id)))))
                .contains("is provisioned", "https://portal.example.test/requests/" + id);
        assertThat(body(awaitMail(to(REQUESTER).and(subject("Provisioning failed")).and(mentions(id)))))
                .contains("quota reached", "https://portal.example.test/requests/" + id);
    }

    @Test
    void aKindTurnedOffIsNotMailedWhileTheOthersStillAre() throws Exception {
        Response off = client.put("/api/v1/me/notification-preferences", requester,
                "{\"kinds\":{\"request.decided\":false}}");
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().get("kinds").get("request.decided").asBoolean()).isFalse();
        assertThat(off.json().get("kinds").get("request.failed").asBoolean()).isTrue();
        assertThat(off.json().get("email").asString()).isEqualTo(REQUESTER);

        UUID id = client.createAndSubmit(requester);
        assertThat(client.post("/api/v1/requests/" + id + "/reject", approver, "{\"reason\":\"no\"}").status())
                .isEqualTo(200);
        publish(new RequestStatusChanged(new EndpointRequestId(id), RequestStatus.PROVISIONING, RequestStatus.FAILED,
                "portal", "Provisioning failed", Instant.now()));

        // the failure mail is written after the decision, and sent after it: once it is here, a decision mail would be
        awaitMail(to(REQUESTER).and(subject("Provisioning failed")).and(mentions(id)));
        assertThat(received(to(REQUESTER).and(subject("Your request was")).and(mentions(id)))).isEmpty();
        assertThat(mailLog().stream().filter(m -> m.get("requestId").asString().equals(id.toString())
                && m.get("kind").asString().equals("REQUEST_DECIDED"))).isEmpty();
    }

    @Test
    void aStagePastItsSlaIsRemindedOnce() throws Exception {
        UUID id = client.createAndSubmit(requester);

        MimeMessage reminder = awaitMail(to(APPROVER).and(subject("Reminder: past its 0 h SLA")).and(mentions(id)));
        assertThat(body(reminder)).contains("team network (stage 1)", "https://portal.example.test/approvals/" + id);

        // several more checks run (one a second); none reminds the same stage again
        Thread.sleep(3_500);
        assertThat(received(to(APPROVER).and(subject("Reminder:")).and(mentions(id)))).hasSize(1);
    }

    @Test
    void whileTheSmtpServerIsDownAMailIsRetriedThenShownAsGivenUpAndCanBeSentAgain() throws Exception {
        smtp.stop();
        UUID id;
        JsonNode givenUp;
        try {
            id = client.createAndSubmit(requester);
            givenUp = awaitLogged(m -> m.get("requestId").asString().equals(id.toString())
                    && m.get("kind").asString().equals("APPROVAL_WAITING") && m.get("status").asString().equals("GIVING_UP"));
        } finally {
            smtp = startSmtp();
        }
        assertThat(givenUp.get("attempts").asInt()).isEqualTo(4); // max-attempts of the test settings
        assertThat(givenUp.get("lastError").asString()).startsWith("SMTP: ").contains("Connect");
        assertThat(givenUp.get("nextAttemptAt").isNull()).isTrue();
        assertThat(givenUp.get("email").asString()).isEqualTo(APPROVER);

        PortalApi browser = PortalApi.browser(port);
        browser.signIn("admin", PortalApi.DEMO_PASSWORD);
        String page = browser.page("/admin/webhooks").body();
        assertThat(page).contains("Mails go out through the SMTP server", "127.0.0.1:" + SMTP_PORT, "GIVING_UP",
                "Retry mail " + givenUp.get("id").asLong());

        Response retried = client.post("/api/v1/notifications/mails/" + givenUp.get("id").asLong() + "/retry", admin, "");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        awaitMail(to(APPROVER).and(subject("Waiting for your decision")).and(mentions(id)));
        JsonNode delivered = awaitLogged(m -> m.get("id").asLong() == givenUp.get("id").asLong()
                && m.get("status").asString().equals("DELIVERED"));
        assertThat(delivered.get("attempts").asInt()).isEqualTo(5);
        assertThat(delivered.get("lastError").isNull()).isTrue();
    }

    @Test
    void aMalformedAddressOrKindIsRefusedNamingTheField() {
        Response address = client.put("/api/v1/me/notification-preferences", requester, "{\"email\":\"not an address\"}");
        assertThat(address.status()).isEqualTo(400);
        assertThat(address.body()).contains("email", "must be an e-mail address");
        Response kind = client.put("/api/v1/me/notification-preferences", requester, "{\"kinds\":{\"request.nope\":false}}");
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.body()).contains("kinds", "request.nope");
        assertThat(client.get("/api/v1/me/notification-preferences", requester).json().get("email").asString())
                .isEqualTo(REQUESTER);
    }

    private void publish(Object event) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));
    }

    private List<JsonNode> mailLog() {
        Response log = client.get("/api/v1/notifications/mails?limit=200", admin);
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.json().get("smtp").get("configured").asBoolean()).isTrue();
        List<JsonNode> items = new ArrayList<>();
        log.json().get("items").forEach(items::add);
        return items;
    }

    private JsonNode awaitLogged(Predicate<JsonNode> which) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<JsonNode> seen = List.of();
        while (System.nanoTime() < deadline) {
            seen = mailLog();
            for (JsonNode mail : seen) {
                if (!mail.get("requestId").isNull() && which.test(mail)) {
                    return mail;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No matching mail in the log within " + WAIT + ": " + seen);
    }

    private static MimeMessage awaitMail(Predicate<MimeMessage> which) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> matching = received(which);
            if (!matching.isEmpty()) {
                assertThat(matching).hasSize(1);
                return matching.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No matching mail within " + WAIT + "; received: " + subjects());
    }

    private static List<MimeMessage> received(Predicate<MimeMessage> which) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(which).toList();
    }

    private static List<String> subjects() {
        return Arrays.stream(smtp.getReceivedMessages()).map(m -> {
            try {
                return m.getAllRecipients()[0] + ": " + m.getSubject();
            } catch (MessagingException e) {
                return e.toString();
            }
        }).toList();
    }

    private static Predicate<MimeMessage> to(String address) {
        return m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
            } catch (MessagingException e) {
                throw new AssertionError(e);
            }
        };
    }

    private static Predicate<MimeMessage> subject(String part) {
        return m -> {
            try {
                return m.getSubject().contains(part);
            } catch (MessagingException e) {
                throw new AssertionError(e);
            }
        };
    }

    private static Predicate<MimeMessage> mentions(UUID requestId) {
        return m -> body(m).contains(requestId.toString());
    }

    private static String body(MimeMessage mail) {
        try {
            return mail.getContent().toString().replace("\r\n", "\n");
        } catch (IOException | MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
