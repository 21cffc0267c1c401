package io.vpcportal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Headers the portal sets on every answer, and what it does with the headers a client sends. */
@PortalIntegrationTest
class ResponseHeadersIntegrationTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void everyAnswerCarriesAReferrerAndAPermissionsPolicy() throws Exception {
        for (String path : List.of("/login", "/requests", "/css/portal.css", "/api/v1/requests", "/api/v1/nothing-here",
                "/actuator/health")) {
            HttpResponse<String> response = get(path, null);
            assertThat(response.headers().firstValue("Referrer-Policy")).as("%s (%s)", path, response.statusCode())
                    .hasValue("strict-origin-when-cross-origin");
            assertThat(response.headers().firstValue("Permissions-Policy")).as(path).hasValueSatisfying(p ->
                    assertThat(p).contains("camera=()", "geolocation=()", "microphone=()", "payment=()"));
        }
    }

    @Test
    void theSessionCookieIsSecureWhenTheRequestCameThroughHttps() throws Exception {
        HttpResponse<String> viaTls = get("/login", "https");
        HttpResponse<String> plain = get("/login", null);

        assertThat(sessionCookie(viaTls)).as("behind a proxy that terminated TLS").contains("; Secure")
                .contains("HttpOnly").contains("SameSite=Lax");
        assertThat(sessionCookie(plain)).as("plain HTTP (a local demo)").doesNotContain("Secure");
    }

    @Test
    void theLoginRedirectNeverNamesTheHostTheClientSent() throws IOException {
        String answer = raw("GET /requests HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 302");
        assertThat(answer).doesNotContain("evil.example").containsPattern("(?im)^Location: /login\\r?$");
    }

    private HttpResponse<String> get(String path, String forwardedProto) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));
    }

    /** A request written by hand: the JDK client refuses to send a Host header of our choosing. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
