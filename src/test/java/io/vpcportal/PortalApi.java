package io.vpcportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one HTTP client of the tests, talking to a running portal over real sockets with real headers and raw bodies:
 * as automation does ({@code new PortalApi(port)}: bearer tokens or HTTP Basic, asking for JSON), or as a browser
 * does ({@link #browser}: a cookie jar, the session of the login form, CSRF tokens from the pages, no redirects
 * followed). Tokens are created once per user, portal and JVM, because a user may hold only 20 active tokens and
 * every test class of a shared context asks for some.
 */
public final class PortalApi {

    /** Password of every demo user. */
    public static final String DEMO_PASSWORD = "demo";

    /** A request the demo requester may create in the demo account. */
    public static final String VALID_REQUEST = """
            {"team":"payments","accountId":"111111111111","region":"eu-west-1","vpcId":"vpc-0a1b2c3d4e5f60718",
             "justification":"why","items":[{"templateKey":"glue","subnetIds":["subnet-0a1b2c3d4e5f60718"]}]}""";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private final boolean asksForJson;

    /** A client as automation uses the API: no cookies, {@code Accept} JSON and problem+json. */
    public PortalApi(int port) {
        this("http://127.0.0.1:" + port, HTTP, true);
    }

    private PortalApi(String base, HttpClient http, boolean asksForJson) {
        this.base = base;
        this.http = http;
        this.asksForJson = asksForJson;
    }

    /** A browser with its own cookie jar, for the pages and forms. */
    public static PortalApi browser(int port) {
        return browser(port, new CookieManager());
    }

    /**
     * A browser on {@code port} with the cookie jar {@code cookies}: two portals on one host behind one address share
     * the browser's cookies, as two instances behind a load balancer do.
     */
    public static PortalApi browser(int port, CookieHandler cookies) {
        return new PortalApi("http://127.0.0.1:" + port, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).cookieHandler(cookies).build(), false);
    }

    public static JsonMapper json() {
        return JSON;
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** The CSRF token of a page's form, or an assertion error naming the page. */
    public static String csrfOf(Response page) {
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("No CSRF token on the page: " + page);
        }
        return csrf.group(1);
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

    /** {@code method path} with HTTP Basic and a JSON body (none when {@code json} is null). */
    public Response basic(String method, String path, String username, String password, String json) {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json").method(method, body(json)));
    }

    public Response get(String path, String token) {
        return send(authorized(path, token).GET());
    }

    public Response post(String path, String token, String json) {
        return post(path, token, json, Map.of());
    }

    public Response post(String path, String token, String json, Map<String, String> headers) {
        return post(path, token, json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8), headers);
    }

    public Response post(String path, String token, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = authorized(path, token).header("Content-Type", "application/json");
        headers.forEach(request::setHeader);
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response put(String path, String token, String json) {
        return send(authorized(path, token).header("Content-Type", "application/json").PUT(body(json)));
    }

    public Response delete(String path, String token) {
        return send(authorized(path, token).DELETE());
    }

    /** Creates a draft of {@link #VALID_REQUEST} as the token's user and submits it; answers the request id. */
    public UUID createAndSubmit(String token) {
        UUID id = create(token);
        Response submitted = post("/api/v1/requests/" + id + "/submit", token, "");
        if (submitted.status() != 200) {
            throw new AssertionError("Submit failed: " + submitted);
        }
        return id;
    }

    /** Creates a draft of {@link #VALID_REQUEST} as the token's user; answers its id. */
    public UUID create(String token) {
        Response created = post("/api/v1/requests", token, VALID_REQUEST);
        if (created.status() != 201) {
            throw new AssertionError("Create failed: " + created);
        }
        return UUID.fromString(created.json().get("id").asString());
    }

    /** Posts the login form with its CSRF token; answers the redirect the portal gives. */
    public Response signIn(String username, String password) {
        Response form = page("/login");
        return form("/login", Map.of("username", username, "password", password, "_csrf", csrfOf(form)));
    }

    /** GET of a page as the (signed-in) browser. */
    public Response page(String path) {
        return send(request(path).GET());
    }

    /** POST of a form as the signed-in browser, with the CSRF token of {@code pageWithForm}. */
    public Response submitForm(String pageWithForm, String action, Map<String, String> fields) {
        return postForm(action, csrfOf(page(pageWithForm)), fields);
    }

    /** POST of a form with a CSRF token the browser kept from an earlier page (as an open tab would). */
    public Response postForm(String action, String csrf, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        return form(action, all);
    }

    /** POST of a multipart form with the CSRF token and an empty file in the part {@code fileField}. */
    public Response postEmptyUpload(String action, String csrf, String fileField) {
        String boundary = "----portal" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\r\n--" + boundary + "--\r\n";
        return send(request(action).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Response form(String path, Map<String, String> fields) {
        String encoded = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)));
    }

    /**
     * A request to {@code path} with {@code Authorization: Bearer token} unless {@code token} is null, asking for
     * JSON unless this client is a browser.
     */
    public HttpRequest.Builder authorized(String path, String token) {
        HttpRequest.Builder request = request(path);
        if (asksForJson) {
            request.header("Accept", "application/json, application/problem+json");
        }
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonNode request = null;
        while (Instant.now().isBefore(deadline)) {
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
