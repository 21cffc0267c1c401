package io.vpcportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Swagger UI renders the portal's API under the Content-Security-Policy, with nothing in the console. */
class SwaggerUiBrowserTests extends BrowserTest {

    @Test
    void swaggerUiShowsTheApiWithoutAConsoleError() {
        List<String> errors = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                errors.add(message.text());
            }
        });
        page.onRequestFailed(request -> errors.add("failed: " + request.url() + " " + request.failure()));
        page.onResponse(response -> {
            if (response.status() >= 400) {
                errors.add(response.status() + " " + response.url());
            }
        });
        signIn("requester");

        page.navigate("/swagger-ui.html");

        assertThat(page.locator(".swagger-ui .info .title")).containsText("VPC Endpoint Portal API");
        assertThat(page.locator(".opblock-summary-path[data-path='/api/v1/estimates']")).isVisible();
        assertThat(page.locator(".btn.authorize")).isVisible();
        page.locator(".opblock-tag-section").first().isVisible();
        assertThat(errors).as("console errors and failed requests on Swagger UI").isEmpty();
    }
}
