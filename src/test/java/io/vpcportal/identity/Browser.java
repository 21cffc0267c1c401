package io.vpcportal.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does in a sign-in, with nothing else: keeps cookies, posts forms, follows redirects one at a time
 * (so that a test can see every hop), across the portal and the identity provider.
 */
final class Browser {

    private static final int MAX_REDIRECTS = 20;
    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** The page at the end of the redirects, and every address on the way. */
    record Page(URI uri, int status, String body, List<URI> visited) {

        /** The hidden CSRF token of the page's form. */
        String csrfToken() {
            Matcher input = CSRF_INPUT.matcher(body);
            if (!input.find()) {
                throw new AssertionError("No _csrf input on " + uri + ":\n" + body);
            }
            Matcher value = VALUE.matcher(input.group());
            if (!value.find()) {
                throw new AssertionError("The _csrf input on " + uri + " has no value: " + input.group());
            }
            return value.group(1);
        }

        @Override
        public String toString() {
            return status + " " + uri + " after " + visited + ":\n"
                    + (body.length() > 1500 ? body.substring(0, 1500) + "…" : body);
        }
    }

    Page get(String url) {
        return follow(request(URI.create(url)).GET().build(), new ArrayList<>());
    }

    Page post(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return follow(request(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), new ArrayList<>());
    }

    private Page follow(HttpRequest request, List<URI> visited) {
        HttpResponse<String> response = send(request);
        visited.add(request.uri());
        int status = response.statusCode();
        if (status == 301 || status == 302 || status == 303) {
            if (visited.size() > MAX_REDIRECTS) {
                throw new AssertionError("More than " + MAX_REDIRECTS + " redirects: " + visited);
            }
            URI next = request.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            return follow(request(next).GET().build(), visited);
        }
        return new Page(request.uri(), status, response.body(), List.copyOf(visited));
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "text/html");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
