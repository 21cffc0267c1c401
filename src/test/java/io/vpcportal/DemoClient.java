package io.vpcportal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the running portal over real HTTP, as a script (bearer tokens, HTTP Basic) or as a browser
 * (session cookie and CSRF token from the login form) would.
 */
public final class DemoClient {

    public static final String PASSWORD = "demo";
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    /** A request the demo requester may create in the demo account. */
    public static final String VALID_REQUEST = """
            {"team":"payments","accountId":"111111111111","region":"eu-west-1","vpcId":"vpc-0a1b2c3d4e5f60718",
             "justification":"why","items":[{"templateKey":"glue","subnetIds":["subnet-0a1b2c3d4e5f60718"]}]}""";

    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private final String base;
    private final HttpClient http;

    private DemoClient(String base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    public static DemoClient api(int port) {
        return new DemoClient("http://127.0.0.1:" + port,
                HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** A client with its own cookie jar, for the browser pages. */
    public static DemoClient browser(int port) {
        return browser(port, new CookieManager());
    }

    /**
     * A browser client on {@code port} with the cookie jar {@code cookies}: two portals on one host behind one
     * address share the browser's cookies, as two instances behind a load balancer do.
     */
    public static DemoClient browser(int port, java.net.CookieHandler cookies) {
        return new DemoClient("http://127.0.0.1:" + port, HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies).build());
    }

    /** The CSRF token of a page's form, or an assertion error naming the page. */
    public static String csrfOf(Reply page) {
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("No CSRF token on the page: " + page);
        }
        return csrf.group(1);
    }

    /** POST of a multipart form with the CSRF token and an empty file in the part {@code fileField}. */
    public Reply postEmptyUpload(String action, String csrf, String fileField) {
        String boundary = "----portal" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\r\n--" + boundary + "--\r\n";
        return send(HttpRequest.newBuilder(uri(action)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POST of a form with a CSRF token the browser kept from an earlier page (as an open tab would). */
    public Reply postForm(String action, String csrf, Map<String, String> fields) {
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        return form(action, all);
    }

    public record Reply(int status, String body, HttpHeaders headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /**
     * An API token of a demo user, one per user and portal: the portal allows 20 active tokens per user, and
     * every test class of a shared context asks for some.
     */
    public String token(String username) {
        return TOKENS.computeIfAbsent(base + " " + username, key -> newToken(username));
    }

    private String newToken(String username) {
        Reply reply = basic("POST", "/api/v1/tokens", username, PASSWORD, "{\"name\":\"test\"}");
        if (reply.status() != 201) {
            throw new AssertionError("Could not get a token for " + username + ": " + reply);
        }
        return reply.json().get("token").asString();
    }

    public Reply basic(String method, String path, String username, String password, String json) {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json").method(method, body(json)));
    }

    public Reply get(String path, String token) {
        return send(bearer(path, token).GET());
    }

    public Reply post(String path, String token, String json) {
        return send(bearer(path, token).header("Content-Type", "application/json").POST(body(json)));
    }

    public Reply put(String path, String token, String json) {
        return send(bearer(path, token).header("Content-Type", "application/json").PUT(body(json)));
    }

    public Reply delete(String path, String token) {
        return send(bearer(path, token).DELETE());
    }

    /** Creates a draft as the token's user and submits it; answers the request id. */
    public UUID createAndSubmit(String token) {
        UUID id = create(token);
        Reply submitted = post("/api/v1/requests/" + id + "/submit", token, "");
        if (submitted.status() != 200) {
            throw new AssertionError("Submit failed: " + submitted);
        }
        return id;
    }

    public UUID create(String token) {
        Reply created = post("/api/v1/requests", token, VALID_REQUEST);
        if (created.status() != 201) {
            throw new AssertionError("Create failed: " + created);
        }
        return UUID.fromString(created.json().get("id").asString());
    }

    /** Posts the login form with its CSRF token; answers the redirect the portal gives. */
    public Reply signIn(String username, String password) {
        Reply form = send(HttpRequest.newBuilder(uri("/login")).GET());
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new AssertionError("No CSRF token on the login page: " + form.body());
        }
        return form("/login", Map.of("username", username, "password", password, "_csrf", csrf.group(1)));
    }

    /** GET of a page as the signed-in browser. */
    public Reply page(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** POST of a form as the signed-in browser, with the CSRF token of {@code pageWithForm}. */
    public Reply submitForm(String pageWithForm, String action, Map<String, String> fields) {
        Matcher csrf = CSRF.matcher(page(pageWithForm).body());
        if (!csrf.find()) {
            throw new AssertionError("No CSRF token on " + pageWithForm);
        }
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        all.put("_csrf", csrf.group(1));
        return form(action, all);
    }

    private Reply form(String path, Map<String, String> fields) {
        String encoded = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)));
    }

    private HttpRequest.Builder bearer(String path, String token) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new AssertionError("The portal did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
