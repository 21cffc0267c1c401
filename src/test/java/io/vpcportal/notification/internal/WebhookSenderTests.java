package io.vpcportal.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.notification.NotificationProperties;
import io.vpcportal.notification.WebhookReceiver;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The sender connects to the address its resolver checked, never to one a second lookup returns, and says no more
 * than "connection failed" when no HTTP answer came.
 */
class WebhookSenderTests {

    private static final NotificationProperties SETTINGS = new NotificationProperties(Duration.ofSeconds(5), 3,
            Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(2), Duration.ofSeconds(3));

    @Test
    void aNameThatRebindsToAnInternalAddressIsRefusedAtDelivery() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            AtomicInteger lookups = new AtomicInteger();
            // public when the webhook was saved, the portal's own loopback when it is called
            WebhookDestinations.Lookup rebinding = host -> new InetAddress[] {InetAddress.getByName(
                    lookups.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1")};
            WebhookDestinations destinations = new WebhookDestinations(List.of(), rebinding);
            assertThat(destinations.problem("hooks.rebind.test")).as("checked on save").isEmpty();

            WebhookSender.Outcome outcome = sender(destinations).send(delivery(receiver.url()
                    .replace("127.0.0.1", "hooks.rebind.test"))).join();

            assertThat(outcome.statusCode()).isNull();
            assertThat(outcome.error()).isEqualTo("connection failed: destination not allowed");
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void theClientConnectsToTheAddressTheResolverCheckedAndAllowed() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // the system's DNS does not know this name: only the checked answer can lead to the receiver
            WebhookDestinations destinations = new WebhookDestinations(List.of("127.0.0.1/32"),
                    host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")});

            WebhookSender.Outcome outcome = sender(destinations).send(delivery(receiver.url()
                    .replace("127.0.0.1", "hooks.only-here.test"))).join();

            assertThat(outcome.statusCode()).isEqualTo(200);
            assertThat(receiver.received()).hasSize(1);
            assertThat(receiver.received().get(0).header("host")).startsWith("hooks.only-here.test");
        }
    }

    @Test
    void aClosedPortAndAnOpenPortThatIsNoHttpServerLookTheSame() throws IOException {
        WebhookDestinations loopback = new WebhookDestinations(List.of("127.0.0.1/32"), InetAddress::getAllByName);
        WebhookSender sender = sender(loopback);
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        try (ServerSocket notHttp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread talker = new Thread(() -> {
                try (Socket s = notHttp.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // the test only looks at what the sender records
                }
            });
            talker.start();

            WebhookSender.Outcome toClosed = sender.send(delivery("http://127.0.0.1:" + closed + "/")).join();
            WebhookSender.Outcome toSsh = sender.send(delivery("http://127.0.0.1:" + notHttp.getLocalPort() + "/")).join();

            assertThat(toClosed.error()).isEqualTo("connection failed");
            assertThat(toSsh.error()).isEqualTo("connection failed");
            assertThat(toClosed.error()).doesNotContain(Integer.toString(closed));
        }
    }

    private static WebhookSender sender(WebhookDestinations destinations) {
        return new WebhookSender(SETTINGS, destinations, Clock.systemUTC());
    }

    private static ClaimedDelivery delivery(String url) {
        return new ClaimedDelivery(1, "request.submitted", "{\"a\":1}", url, "0123456789abcdef0123");
    }

}
