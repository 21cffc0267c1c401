package io.vpcportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** A requester who does this twice a year gets an S3 gateway endpoint without a manual. */
class RequesterJourneyBrowserTests extends BrowserTest {

    @Test
    void findsS3InTheCatalogFixesAMistakeSeesThePolicyLiveAndFollowsTheRequest() {
        signIn("requester");
        Nav nav = new Nav(page);
        nav.to("Catalog");
        CatalogPage catalog = new CatalogPage(page);
        checkPage("catalog", "catalog");

        catalog = catalog.search("s3");
        assertThat(catalog.card("Amazon S3 (gateway)")).isVisible();
        assertThat(catalog.card("Amazon DynamoDB (gateway)")).hasCount(0);

        RequestFormPage form = catalog.request("Amazon S3 (gateway)");
        assertThat(form.field("Team")).hasValue("payments");
        assertThat(form.field("AWS account")).hasValue("111111111111");
        form.choose("Region", "eu-west-1")
                .fill("VPC id", "vpc-123")
                .fill("Route tables", "rtb-0a1b2c3d4e5f60718")
                .fill("Buckets", "payments-exports")
                .fill("Justification", "Two instances upload 100 GB a day each to S3 through NAT");

        form = form.submitExpectingErrors();
        assertThat(form.field("VPC id")).hasClass(java.util.regex.Pattern.compile(".*\\bis-invalid\\b.*"));
        assertThat(form.errorOf("VPC id")).isVisible();
        assertThat(form.errorOf("VPC id")).containsText("must look like vpc-");
        assertThat(form.field("Buckets")).hasValue("payments-exports"); // nothing typed is lost
        form.field("VPC id").focus();
        checkPage("request form with an error", "request-form-errors");

        form.fill("VPC id", "vpc-0a1b2c3d4e5f60718");
        assertThat(form.errorOf("VPC id")).isHidden();
        assertThat(form.preview()).containsText("arn:aws:s3:::payments-exports");
        form.fill("Buckets", "payments-exports\npayments-archive");
        form.field("Justification").focus(); // leaving the field is a change: htmx asks for a new preview
        assertThat(form.preview()).containsText("arn:aws:s3:::payments-archive");
        assertThat(form.preview().getByRole(AriaRole.TABLE)).isVisible();
        checkPage("request form", null);
        screenshotFrom("request-form", "#items-heading");

        RequestPage request = form.submit();
        nav.showsSuccess("Request submitted for approval.");
        // a gateway endpoint limited to named buckets in a non-production account is approved by the default rules
        nav.showsStatus("APPROVED");
        assertThat(request.timeline()).containsText("Submitted");
        assertThat(request.approval()).containsText("Approved automatically");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Provisioning"))).isVisible();
        checkPage("request page", "request-detail");

        nav.to("Requests");
        assertThat(page.locator("main").getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Amazon S3 (gateway)").setExact(false)).first()).isVisible();
        checkPage("request list", null);
    }

    @Test
    void withoutJavaScriptTheFormStillSavesAndThePoliciesAreALinkAway() {
        com.microsoft.playwright.BrowserContext noScript = newContext(false);
        Page plain = signIn(noScript.newPage(), "requester");
        plain.navigate("/requests/new?template=dynamodb-gateway");
        RequestFormPage form = new RequestFormPage(plain);
        assertThat(form.preview()).hasCount(0); // htmx never ran
        form.choose("Region", "eu-west-3")
                .fill("VPC id", "vpc-0a1b2c3d")
                .fill("Route tables", "rtb-0a1b2c3d")
                .fill("Justification", "Reports read DynamoDB through NAT today");
        // with scripts off Playwright's click cannot see the page settle (no animation frames): use the keyboard
        plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as draft")).press("Enter");
        RequestPage request = new RequestPage(plain);
        assertThat(plain.locator(".alert-success")).containsText("Draft saved.");
        assertThat(plain.locator("main .badge-status").first()).hasText("DRAFT");
        plain.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Generated policies")).press("Enter");
        assertThat(plain.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Policies of");
        assertThat(plain.locator("main")).containsText("dynamodb:");
        assertThat(plain.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation"))).isVisible();
        noScript.close();
    }
}
