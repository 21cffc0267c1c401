package io.vpcportal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.vpcportal.PortalIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the portal measures of each request: one timer per request, refused ones included, and no more. */
@PortalIntegrationTest
class RequestMetricsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void everyRequestIsTimedOnceAndSecurityAddsNoObservationsOfItsOwn() throws Exception {
        assertThat(status("/api/v1/requests")).isEqualTo(401);
        assertThat(status("/login")).isEqualTo(200);

        assertThat(meters.find("http.server.requests").tag("status", "401").timer()).as("a refused request is timed")
                .isNotNull();
        assertThat(meters.find("http.server.requests").tag("uri", "/login").timer()).isNotNull();
        assertThat(meters.getMeters()).as("Spring Security's per-filter, authentication and authorization observations")
                .noneMatch(meter -> meter.getId().getName().startsWith("spring.security"));
    }

    private int status(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
