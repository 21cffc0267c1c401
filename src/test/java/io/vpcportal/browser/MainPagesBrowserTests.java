package io.vpcportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The pages no journey above walks through in full, checked the same way: accessible (axe), usable at phone width,
 * one navigation, and a visible keyboard focus.
 */
class MainPagesBrowserTests extends BrowserTest {

    @ParameterizedTest(name = "{1} as {0}")
    @CsvSource({
            "requester, /, start page, ",
            "requester, /requests, requests, requests",
            "requester, /catalog/s3-gateway, template page, ",
            "admin, /admin/users, users, ",
            "admin, /audit, audit trail, audit",
            "net-approver, /approvals, approval inbox, ",
            "net-approver, /advice/shared-endpoints?region=eu-west-1, shared endpoint advice, "})
    void isAccessibleAndFitsAPhone(String user, String path, String name, String screenshot) {
        signIn(user);
        page.navigate(path);
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation"))).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasCount(1);
        checkPage(name, screenshot);
    }

    @Test
    void theSignInPageIsAccessible() {
        page.navigate("/login");
        checkPage("sign-in page", null);
    }

    @Test
    void keyboardUsersSeeWhereTheyAreAndCanSkipTheNavigation() {
        signIn("requester");
        page.navigate("/catalog");
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to content"))).isFocused();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to content"))).isVisible();
        for (int i = 0; i < 4; i++) {
            page.keyboard().press("Tab");
            Object outline = page.evaluate("""
                    () => { const s = getComputedStyle(document.activeElement);
                            return document.activeElement.tagName + ' outline=' + s.outlineStyle + ' ' + s.outlineWidth
                                   + ' shadow=' + s.boxShadow; }""");
            assertThat(outline.toString()).as("focus indicator of the focused element")
                    .satisfiesAnyOf(o -> assertThat(o).doesNotContain("outline=none"),
                            o -> assertThat(o).doesNotContain("shadow=none"));
        }
    }
}
