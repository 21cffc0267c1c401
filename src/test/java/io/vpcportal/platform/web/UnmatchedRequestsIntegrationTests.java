package io.vpcportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.DemoPortalTest;
import io.vpcportal.PortalApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a path that nothing serves answers, now that static files have their own paths (no catch-all handler): an
 * API path gets problem details naming it, a page the error page, a missing static file a 404; and the static files
 * and webjars (versionless links too) are served, with pages linking them at their versions.
 */
@DemoPortalTest
class UnmatchedRequestsIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void unknownPathsGetTheirErrorsAndStaticFilesAreServed() {
        PortalApi api = new PortalApi(port);
        String token = api.tokenOf("requester");
        PortalApi.Response unknownApi = api.get("/api/v1/nothing-here", token);
        assertThat(unknownApi.status()).isEqualTo(404);
        assertThat(unknownApi.contentType()).startsWith("application/problem+json");
        assertThat(unknownApi.json().path("instance").asString()).isEqualTo("/api/v1/nothing-here");
        assertThat(unknownApi.json().path("detail").asString()).contains("/api/v1/nothing-here");

        PortalApi browser = PortalApi.browser(port);
        browser.signIn("requester", PortalApi.DEMO_PASSWORD);
        PortalApi.Response unknownPage = browser.page("/no-such-page");
        assertThat(unknownPage.status()).isEqualTo(404);
        assertThat(unknownPage.contentType()).startsWith("text/html");
        assertThat(unknownPage.body()).contains("Back to the start page");

        assertThat(browser.page("/css/no-such-file.css").status()).isEqualTo(404);
        for (String file : new String[] {"/css/portal.css", "/js/portal.js", "/img/favicon.svg",
                "/webjars/bootstrap/css/bootstrap.min.css", "/webjars/htmx.org/dist/htmx.min.js"}) {
            assertThat(browser.page(file).status()).as(file).isEqualTo(200);
        }
        String home = browser.page("/").body();
        assertThat(home).containsPattern("/webjars/bootstrap/[0-9.]+/css/bootstrap\\.min\\.css")
                .contains("/css/portal.css");
    }
}
