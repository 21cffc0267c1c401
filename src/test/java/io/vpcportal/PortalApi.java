package io.vpcportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A thin HTTP client for the portal's JSON API as automation sees it: real sockets, real headers, raw bodies.
 * Tokens are created once per user and JVM, because a user may hold only 20 active tokens.
 */
public final class PortalApi {

    /** Password of every demo user. */
    public static final String DEMO_PASSWORD = "demo";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final String base;

    public PortalApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static JsonMapper json() {
        return JSON;
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** A bearer token of a demo user. */
    public String tokenOf(String username) {
        return tokenOf(username, DEMO_PASSWORD);
    }

    public String tokenOf(String username, String password) {
        return TOKENS.computeIfAbsent(base + " " + username, k -> {
            Response created = createToken(username, password, "tests");
            assertThat(created.status()).as("token for %s: %s", username, created.body()).isEqualTo(201);
            return created.json().get("token").asString();
        });
    }

    /** {@code POST /api/v1/tokens} with HTTP Basic. */
    public Response createToken(String username, String password, String name) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(request("/api/v1/tokens")
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(object().put("name", name).toString())));
    }

    public Response get(String path, String token) {
        return send(authorized(path, token).GET());
    }

    public Response post(String path, String token, String json) {
        return post(path, token, json, Map.of());
    }

    public Response post(String path, String token, String json, Map<String, String> headers) {
        return post(path, token, json.getBytes(StandardCharsets.UTF_8), headers);
    }

    public Response post(String path, String token, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = authorized(path, token).header("Content-Type", "application/json");
        headers.forEach(request::setHeader);
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response put(String path, String token, String json) {
        return send(authorized(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path, String token) {
        return send(authorized(path, token).DELETE());
    }

    /** A request to {@code path} with {@code Authorization: Bearer token} unless {@code token} is null. */
    public HttpRequest.Builder authorized(String path, String token) {
        HttpRequest.Builder request = request(path).header("Accept", "application/json, application/problem+json");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP answer. */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
        }
    }

    /**
     * Waits (up to 90 s) until request {@code id} is in {@code status}, and answers it; a FAILED request on the way
     * fails at once with its provisioning details.
     */
    public JsonNode awaitStatus(String token, String id, String status) {
        java.time.Instant deadline = java.time.Instant.now().plus(Duration.ofSeconds(90));
        JsonNode request = null;
        while (java.time.Instant.now().isBefore(deadline)) {
            request = get("/api/v1/requests/" + id, token).json();
            if (request.get("status").asString().equals(status)) {
                return request;
            }
            if (request.get("status").asString().equals("FAILED")) {
                throw new AssertionError("Request " + id + " failed instead of becoming " + status + ": "
                        + get("/api/v1/requests/" + id + "/provisioning", token).body());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Request " + id + " did not become " + status + ": " + request);
    }
}
