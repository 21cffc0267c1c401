package io.vpcportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A request's page: facts, endpoints, approval panel, provisioning, policies and timeline. */
record RequestPage(Page page) {

    private static final Pattern ID = Pattern.compile("/requests/([0-9a-f-]{36})");

    RequestPage {
        assertThat(page).hasURL(ID);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Timeline"))).isVisible();
    }

    UUID id() {
        Matcher m = ID.matcher(page.url());
        if (!m.find()) {
            throw new AssertionError("not a request page: " + page.url());
        }
        return UUID.fromString(m.group(1));
    }

    Locator timeline() {
        return page.locator("ol.timeline");
    }

    /** The approval panel, loaded by htmx after the page. */
    Locator approval() {
        return page.locator("section[aria-labelledby=approval-heading]");
    }
}
