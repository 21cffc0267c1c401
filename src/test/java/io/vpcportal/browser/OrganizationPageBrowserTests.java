package io.vpcportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vpcportal.TestIdentities;
import io.vpcportal.account.AccountChange;
import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.IdentityManagement;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The admin's organization source form: wrong values come back with their messages beside the fields and nothing is
 * saved (this shared, plan-only context must keep having no source: the authorization matrix reads it).
 */
class OrganizationPageBrowserTests extends BrowserTest {

    private Nav nav;

    @Autowired
    IdentityManagement identity;

    @Autowired
    AccountManagement accounts;

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

    @Test
    void withManyAccountsTheRequestFormsAccountPickerSearchesInsteadOfListing() {
        TestIdentities identities = new TestIdentities(identity, accounts);
        String team = identities.team("eu-west-1").id();
        String marker = "picker-" + Long.toString(System.nanoTime(), 36);
        String wanted = null;
        for (int i = 0; i < 51; i++) {
            String id = "8" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
            accounts.register(id, new AccountChange(marker + "-" + i, null, null, AccountEnvironment.NON_PRODUCTION,
                    new TreeSet<>(Set.of("eu-west-1")), new TreeSet<>(Set.of(team))), "test");
            if (i == 37) {
                wanted = id;
            }
        }
        String requester = identities.requester(team);
        page.navigate("/login");
        page.getByLabel("Username").fill(requester);
        page.getByLabel("Password").fill(TestIdentities.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.navigate("/requests/new");

        Locator picker = page.getByLabel("AWS account");
        assertThat(picker).hasAttribute("list", "account-options");
        picker.fill(marker + "-37");

        Locator options = page.locator("#account-options option");
        assertThat(options).hasCount(1);
        assertThat(options.first()).hasAttribute("value", wanted);
        assertThat(page.locator("#region option[value='eu-west-1']")).hasCount(1);
    }
}
