package io.vpcportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The templated request form with its live policy preview. Fields are found by their labels. */
record RequestFormPage(Page page) {

    RequestFormPage {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Request VPC endpoints"))).isVisible();
    }

    /** The form control with this label (not a diagram element whose description happens to contain the words). */
    Locator field(String label) {
        return page.getByLabel(label).and(page.locator("input, select, textarea"));
    }

    RequestFormPage fill(String label, String value) {
        field(label).fill(value);
        return this;
    }

    RequestFormPage choose(String label, String value) {
        field(label).selectOption(value);
        return this;
    }

    /** The message shown beside a field, tied to it by aria-describedby. */
    Locator errorOf(String label) {
        String describedBy = field(label).getAttribute("aria-describedby");
        if (describedBy == null) {
            throw new AssertionError("the field " + label + " names no message in aria-describedby");
        }
        String[] ids = describedBy.trim().split("\\s+");
        return page.locator("[id='" + ids[ids.length - 1] + "']");
    }

    /** The generated policies htmx puts under the endpoints whenever a field changes. */
    Locator preview() {
        return page.locator("#policy-preview");
    }

    RequestFormPage submitExpectingErrors() {
        settle();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for approval")).click();
        return new RequestFormPage(page);
    }

    RequestPage submit() {
        settle();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for approval")).click();
        return new RequestPage(page);
    }

    /**
     * Lets the live panels (policy, cost, diagrams) finish: the last field's change fires when it loses focus,
     * htmx posts 400 ms later and swaps the answer in above the buttons, which moves them. A click during that swap
     * can land on nothing (seen on a loaded machine), so leave the field, then wait until no htmx request has been
     * in flight for longer than htmx's delay.
     */
    void settle() {
        page.evaluate("() => { if (document.activeElement) { document.activeElement.blur(); } }");
        page.waitForFunction("""
                () => {
                  const now = Date.now();
                  if (document.querySelector('.htmx-request') || window.__portalIdleSince === undefined) {
                    window.__portalIdleSince = now;
                  }
                  return now - window.__portalIdleSince > 800;
                }""", null, new Page.WaitForFunctionOptions().setPollingInterval(100));
        page.evaluate("() => { delete window.__portalIdleSince; }");
    }
}
