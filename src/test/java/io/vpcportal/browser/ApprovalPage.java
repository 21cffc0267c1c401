package io.vpcportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The approver's inbox and the approval view of one request. */
record ApprovalPage(Page page) {

    /** The inbox: requests waiting for the approver's teams. */
    static ApprovalPage inbox(Page page) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Waiting for your decision"))).isVisible();
        return new ApprovalPage(page);
    }

    Locator inboxRow(String title) {
        return page.locator("main table tbody tr").filter(new Locator.FilterOptions().setHasText(title));
    }

    /** Opens a request from the inbox. */
    ApprovalPage open(String title) {
        inboxRow(title).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(title)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title).setLevel(1))).isVisible();
        return this;
    }

    Locator section(String heading) {
        return page.locator("main section, main .card").filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(heading).setExact(true)))).first();
    }

    Locator comment() {
        return page.getByLabel("Comment (required to reject or request changes)");
    }

    void decide(String button, String comment) {
        comment().fill(comment);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
    }
}
