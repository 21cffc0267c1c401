package io.vpcportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** What every page shares: the main navigation, the flash message after a redirect, the status badge. */
record Nav(Page page) {

    /** Follows a link of the main navigation, as a user would (at desktop width, where the menu is open). */
    void to(String link) {
        Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation"));
        // "Approvals (2 waiting for your decision)": a count may follow the name
        Locator target = nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName(java.util.regex.Pattern.compile("^" + escaped(link) + "( \\(.*\\))?$")));
        if (target.count() == 0 && nav.locator("#nav-admin").count() > 0) {
            admin().click(); // the admin pages are under the Admin menu
        }
        target.click();
    }

    /** {@code text} as a regular expression both Java and JavaScript read literally (no {@code \\Q…\\E} in JavaScript). */
    private static String escaped(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    /** The Admin menu's button (a {@code <summary>}), which opens and closes the admin pages' list. */
    Locator admin() {
        return page.locator("#nav-admin > summary");
    }

    /** The success message shown once after a form was saved (post/redirect/get). */
    void showsSuccess(String text) {
        assertThat(page.locator(".alert-success")).containsText(text);
    }

    /** The request's status badge in the page header. */
    void showsStatus(String status) {
        assertThat(page.locator("main .badge-status").first()).hasText(status);
    }

    Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    Locator link(String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
