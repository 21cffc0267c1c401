package io.vpcportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.concurrent.ThreadLocalRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A platform admin keeps the portal's catalog, rules, accounts and webhooks in shape. The tests change only what
 * they create (or a template no other test uses), because the portal's data is shared with other test classes.
 */
class AdminJourneyBrowserTests extends BrowserTest {

    private Nav nav;

    @Test
    void savesANewVersionOfATemplate() {
        admin();
        nav.to("Catalog");
        new CatalogPage(page).search("sns");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Amazon SNS").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit").setExact(true)).click();
        String description = "Publish to SNS topics without the NAT gateway. Edited " + UUID.randomUUID();
        page.getByLabel("Description").fill(description);
        checkPage("template editor", null);
        nav.button("Save as a new version").click();
        assertThat(page.locator(".alert-success")).isVisible();
        assertThat(page.locator("main")).containsText(description);
    }

    @Test
    void createsAnApprovalRuleAndEditsIt() {
        admin();
        nav.to("Approval rules");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Approval rules"))).isVisible();
        checkPage("approval rules", "approval-rules");
        nav.link("New rule").click();
        String key = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        page.getByLabel("Key").fill(key);
        page.getByLabel("Name").fill("Lambda in production");
        page.getByLabel("Order (lower first)").fill("9000"); // after the catch-all rule: it changes no routing
        page.getByLabel("Enabled").uncheck();
        page.getByLabel("templates").fill("lambda");
        page.getByLabel("Approver team").first().selectOption("network");
        checkPage("approval rule form", null);
        nav.button("Create rule").click();
        nav.showsSuccess("");
        Locator row = page.locator("main tbody tr").filter(new Locator.FilterOptions().setHasText(key));
        assertThat(row).containsText("v1");

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit rule Lambda in production")).click();
        page.getByLabel("Name").fill("Lambda in production, reviewed by security");
        page.getByLabel("Approver team").first().selectOption("security");
        nav.button("Save as a new version").click();
        row = page.locator("main tbody tr").filter(new Locator.FilterOptions().setHasText(key));
        assertThat(row).containsText("v2");
        assertThat(row).containsText("Lambda in production, reviewed by security");
        assertThat(row).containsText("security (any)");
    }

    @Test
    void registersAnAccount() {
        admin();
        nav.to("Accounts");
        checkPage("accounts", null);
        nav.link("Register an account").click();
        String id = String.valueOf(ThreadLocalRandom.current().nextLong(200_000_000_000L, 999_999_999_999L));
        page.getByLabel("Account id").fill("12345");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("analytics-dev");
        nav.button("Register").click();
        assertThat(page.getByLabel("Account id")).hasClass(java.util.regex.Pattern.compile(".*is-invalid.*"));
        page.getByLabel("Account id").fill(id);
        page.getByLabel("eu-west-1").check();
        page.getByLabel("platform").check(); // not a team of the demo requester: the shared context's account tests count theirs
        checkPage("account form", null);
        nav.button("Register").click();
        assertThat(page.locator(".alert-success")).isVisible();
        assertThat(page.locator("main tbody tr").filter(new Locator.FilterOptions().setHasText(id))).containsText("analytics-dev");
        screenshot("accounts");
    }

    @Test
    void registersDisablesAndRemovesAWebhook() {
        admin();
        nav.to("Webhooks");
        String name = "chatops-" + UUID.randomUUID().toString().substring(0, 8);
        page.getByLabel("Name").fill(name);
        page.getByLabel("URL").fill("http://127.0.0.1:9/hooks/portal");
        page.locator("input[name=eventTypes]").first().check();
        nav.button("Register").click();
        assertThat(page.locator("#created-secret")).isVisible(); // shown once
        Locator row = page.locator("main tbody tr").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(row).containsText("enabled");
        checkPage("webhooks", "webhooks");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disable " + name)).click();
        row = page.locator("main tbody tr").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(row).containsText("disabled");

        row.locator("summary").click();
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove it and its log")).click();
        assertThat(page.locator("main tbody tr").filter(new Locator.FilterOptions().setHasText(name))).hasCount(0);
    }

    private void admin() {
        signIn("admin");
        nav = new Nav(page);
    }
}
