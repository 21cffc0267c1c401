package io.vpcportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A token made in the browser works for a script, and stops working once revoked there. */
class ApiTokenBrowserTests extends BrowserTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void createsATokenInThePageAndUsesItFromAScript() throws Exception {
        signIn("requester");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Riley Requester")).click();
        new Nav(page).link("API tokens").click();
        String name = "ci-pipeline-" + UUID.randomUUID().toString().substring(0, 8);
        page.getByLabel("Name").fill(name);
        new Nav(page).button("Create token").click();
        Locator shown = page.locator("#created-token");
        assertThat(shown).isVisible();
        String token = shown.textContent().trim();
        assertThat(token).startsWith("vpcp_");
        checkPage("API tokens", null);

        assertThat(listRequests(token).statusCode()).isEqualTo(200);
        assertThat(listRequests(token).body()).contains("\"items\"");

        Locator row = page.locator("main tbody tr").filter(new Locator.FilterOptions().setHasText(name));
        row.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Revoke token " + name)).click();
        assertThat(page.locator(".alert-success")).isVisible();
        assertThat(listRequests(token).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> listRequests(String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/requests?mine=true&limit=5"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
