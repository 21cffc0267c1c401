package io.vpcportal.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.DemoPortalTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin pages, as a signed-in browser uses them (forms with CSRF tokens, post-redirect-get). */
@DemoPortalTest
class WebhookPagesIntegrationTests {

    private static final Pattern SECRET = Pattern.compile("id=\"created-secret\">([^<]+)<");

    @LocalServerPort
    int port;

    @Test
    void registerShowTheSecretOnceDisableAndRemove() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("admin", PortalApi.DEMO_PASSWORD);
        assertThat(browser.page("/").body()).contains("href=\"/admin/webhooks\"");

        Response created = browser.submitForm("/admin/webhooks", "/admin/webhooks", Map.of(
                "name", "page-made hook", "url", "https://hooks.example.com/page", "eventTypes", "approval.needed",
                "secret", ""));
        assertThat(created.status()).isEqualTo(302);
        Response list = browser.page("/admin/webhooks");
        Matcher secret = SECRET.matcher(list.body());
        assertThat(secret.find()).as("the secret is shown after creation").isTrue();
        assertThat(secret.group(1)).hasSize(43);
        assertThat(list.body()).contains("page-made hook").contains("approval.needed")
                .contains("…" + secret.group(1).substring(39));
        Response again = browser.page("/admin/webhooks");
        assertThat(again.body()).doesNotContain(secret.group(1)).doesNotContain("created-secret");

        String id = idOf(again.body(), "page-made hook");
        assertThat(browser.submitForm("/admin/webhooks", "/admin/webhooks/" + id + "/disable", Map.of()).status())
                .isEqualTo(302);
        assertThat(browser.page("/admin/webhooks").body()).contains("Enable page-made hook");
        Response log = browser.page("/admin/webhooks/" + id + "/deliveries");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body()).contains("Deliveries of").contains("disabled: nothing is sent");

        assertThat(browser.submitForm("/admin/webhooks", "/admin/webhooks/" + id + "/delete", Map.of()).status())
                .isEqualTo(302);
        assertThat(browser.page("/admin/webhooks").body()).doesNotContain("Deliveries of page-made hook");
    }

    @Test
    void mistakesAreShownBesideTheFields() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("admin", PortalApi.DEMO_PASSWORD);

        Response refused = browser.submitForm("/admin/webhooks", "/admin/webhooks", Map.of(
                "name", "bad hook", "url", "ftp://hooks.example.com/x"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("must be an http:// or https:// URL")
                .contains("must name at least one event type").doesNotContain("created-secret");
    }

    @Test
    void nonAdminsAreRefused() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("net-approver", PortalApi.DEMO_PASSWORD);
        assertThat(browser.page("/admin/webhooks").status()).isEqualTo(403);
        assertThat(browser.page("/").body()).doesNotContain("href=\"/admin/webhooks\"");
    }

    private static String idOf(String page, String name) {
        Matcher m = Pattern.compile("/admin/webhooks/([0-9a-f-]{36})/deliveries\"\\s+aria-label=\"Deliveries of "
                + Pattern.quote(name) + "\"").matcher(page);
        assertThat(m.find()).as("a row for " + name).isTrue();
        return m.group(1);
    }
}
