package io.vpcportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The admin's organization source form: wrong values come back with their messages beside the fields and nothing is
 * saved (this shared, plan-only context must keep having no source: the authorization matrix reads it).
 */
class OrganizationPageBrowserTests extends BrowserTest {

    private Nav nav;

    @Test
    void aWrongSourceShowsEachMessageBesideItsFieldAndSavesNothing() {
        signIn("admin");
        nav = new Nav(page);
        nav.to("Accounts");
        nav.link("AWS Organizations").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Accounts from AWS Organizations")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Discover now"))).hasCount(0);

        page.getByLabel("Discovery role").fill("arn:aws:iam::123456789012:role/vpc-endpoint-portal-discovery");
        page.getByLabel("OUs to include").fill("ou-nope");
        page.getByLabel("Member role pattern").fill("arn:aws:iam::111111111111:role/vpc-endpoint-portal");
        page.getByLabel("Regions of new accounts").selectOption("eu-west-1");
        page.getByLabel("OU to team").fill("ou-ab12-cd34ef56 = no-such-team");
        checkPage("organization source form", null);
        nav.button("Save source").click();

        assertThat(page.getByLabel("OUs to include")).hasClass(Pattern.compile(".*is-invalid.*"));
        assertThat(page.locator("#includeOus-error")).containsText("'ou-nope' is not an OU id");
        assertThat(page.locator("#memberRolePattern-error")).containsText("{accountId}");
        assertThat(page.locator("#ouTeams-error")).containsText("is not a team");
        assertThat(page.getByLabel("Discovery role")).not().hasClass(Pattern.compile(".*is-invalid.*"));
        assertThat(page.locator(".alert-danger")).containsText("Nothing was saved");
        screenshot("organization");

        nav.to("Accounts");
        nav.link("AWS Organizations").click();
        assertThat(page.getByLabel("OUs to include")).hasValue("");
    }
}
