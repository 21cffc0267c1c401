package io.vpcportal.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP receiver on 127.0.0.1 and a free port, standing in for a team's chat bridge. It records every
 * request it gets and answers with the status codes it was told to (then 200).
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as received: headers with lower-case names, and the body. */
    public record Received(Instant at, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final List<Received> received = new ArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();
    private int answerAfterwards = 200;
    private volatile Duration delay = Duration.ZERO;

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            int status;
            synchronized (this) {
                received.add(new Received(Instant.now(), headers, body));
                status = answers.isEmpty() ? answerAfterwards : answers.poll();
                notifyAll();
            }
            pause(delay);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next answers, in order; after them, {@code afterwards}. */
    public synchronized WebhookReceiver answering(int afterwards, Integer... first) {
        answers.clear();
        answers.addAll(List.of(first));
        answerAfterwards = afterwards;
        return this;
    }

    /** Makes every answer take this long, as a slow receiver would. */
    public WebhookReceiver slowedDownBy(Duration delay) {
        this.delay = delay;
        return this;
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until {@code count} requests matching {@code which} arrived; answers them. */
    public synchronized List<Received> await(int count, Predicate<Received> which, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Received> matching = received.stream().filter(which).toList();
            long left = deadline - System.nanoTime();
            if (matching.size() >= count || left <= 0) {
                if (matching.size() < count) {
                    throw new AssertionError("Expected " + count + " matching deliveries within " + timeout
                            + ", got " + matching.size() + "; everything received: " + received);
                }
                return matching;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted", e);
            }
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
