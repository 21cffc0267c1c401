package io.vpcportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The endpoint catalog: search, categories, one card per template. */
record CatalogPage(Page page) {

    CatalogPage {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Endpoint catalog"))).isVisible();
    }

    CatalogPage search(String words) {
        page.getByLabel("Search the catalog").fill(words);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*[?&]q=" + words + ".*"));
        return new CatalogPage(page);
    }

    Locator card(String templateName) {
        return page.locator("article.template-card").filter(new Locator.FilterOptions().setHasText(templateName));
    }

    /** Opens the template's page and presses "Request this endpoint". */
    RequestFormPage request(String templateName) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(templateName).setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(templateName))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Request this endpoint")).click();
        return new RequestFormPage(page);
    }
}
