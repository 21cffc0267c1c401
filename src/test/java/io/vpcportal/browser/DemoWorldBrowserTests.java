package io.vpcportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo world as a newcomer meets it after {@code ./mvnw spring-boot:run}: the inventory labelled as demo data,
 * the drifted Glue endpoint's policy diff, the standard VPC's coverage gap in dollars, each reference VPC's diagram,
 * a quick start whose form draws the real VPC before and after, and a savings dashboard whose endpoints open in the
 * inventory. Pages are reached by URL (menus change); the pictures go to {@code docs/screenshots/demo-*.png}.
 */
class DemoWorldBrowserTests extends BrowserTest {

    private static final String STANDARD = "vpc-0de000000000000a1";
    private static final String SERVERLESS = "vpc-0de000000000000b1";
    private static final String DATADOG = "vpc-0de000000000000c1";
    private static final String GLUE = "vpce-0de00000000000b52";
    private static final String PRIVATE_TABLE = "rtb-0de00000000000a22";
    private static final String NAT = "nat-0de00000000000a31";

    @Test
    void theInventoryTheDriftAndTheCoverageGapAreThereOnTheFirstStart() {
        signIn("requester");
        // by VPC: other tests of this shared context add endpoints of their own to the sandbox account
        page.navigate("/inventory?vpc=" + STANDARD);
        assertThat(page.locator(".demo-data")).containsText("Demo data: not from AWS");
        Locator rows = page.locator("main table").first().locator("tbody tr");
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("vpce-0de00000000000a51"))).containsText("unmanaged");
        page.navigate("/inventory?vpc=" + SERVERLESS);
        assertThat(rows).hasCount(3);
        assertThat(rows.filter(new Locator.FilterOptions().setHasText(GLUE))).containsText("policy");
        checkPage("demo inventory", "demo-inventory");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(GLUE).setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(GLUE);
        Locator diff = page.locator("pre.policy-diff");
        assertThat(diff.locator(".text-danger").filter(new Locator.FilterOptions().setHasText("aws:PrincipalOrgID")))
                .not().hasCount(0);
        assertThat(diff.locator(".text-success").filter(new Locator.FilterOptions().setHasText("TemporaryDebug")))
                .hasCount(1);
        checkAccessibility("demo drifted endpoint");
        screenshotFrom("demo-drift", "main h2");

        page.navigate("/inventory/vpcs/" + STANDARD);
        Locator gap = page.locator("main li").filter(new Locator.FilterOptions().setHasText("S3 gateway endpoint would carry"));
        assertThat(gap.locator(".saving")).containsText(Pattern.compile("Saves about\\s+\\$[\\d,]+\\.\\d\\d per month"));
        assertThat(gap.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Request it"))).isVisible();
        assertThat(page.locator("main svg").first()).isVisible(); // the VPC's diagram, loaded by htmx
        checkPage("demo coverage gap", null);
        screenshotFrom("demo-coverage-gap", "main h2:has-text('Recommendations')");
    }

    @Test
    void eachReferenceVpcHasItsDiagram() {
        signIn("requester");
        for (String vpc : List.of(STANDARD, SERVERLESS, DATADOG)) {
            page.navigate("/inventory/vpcs/" + vpc);
            assertThat(page.locator(".demo-data")).isVisible();
            Locator svg = page.locator("main svg").first();
            assertThat(svg).isVisible();
            assertThat(svg.locator("[data-kind=endpoint]").first()).isAttached();
        }
        screenshotFrom("demo-vpc-datadog", "main h1");
        page.navigate("/inventory/vpcs/" + SERVERLESS);
        assertThat(page.locator("main svg [data-kind=endpoint]")).hasCount(3);
        screenshotFrom("demo-vpc-serverless", "main h1");
    }

    @Test
    void theStandardQuickStartDrawsTheRealVpcBeforeAndAfter() {
        signIn("requester");
        page.navigate("/requests/new?template=s3-gateway&quickstart=standard");
        RequestFormPage form = new RequestFormPage(page);
        assertThat(form.field("VPC id")).hasValue(STANDARD);
        form.fill("Route tables", PRIVATE_TABLE).fill("Buckets", "web-uploads");
        form.field("Justification").focus();
        Locator after = page.locator("#form-diagram-after svg");
        assertThat(after).isVisible();
        assertThat(after.locator("[data-kind=endpoint][data-id=planned-form-0]")).hasCount(1);
        assertThat(after.locator("[data-kind=path][data-service=s3]")).hasAttribute("data-via", "endpoint");
        page.waitForLoadState(LoadState.NETWORKIDLE); // the panel's last refresh has landed
        checkAccessibility("demo quick start, diagram after");
        assertThat(after).isVisible();
        screenshotFrom("demo-quick-start-after", "#form-diagram");

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Before")).click();
        Locator before = page.locator("#form-diagram-before svg");
        assertThat(before).isVisible();
        assertThat(before.locator("[data-kind=path][data-service=s3]")).hasAttribute("data-via", "nat");
        assertThat(before.locator("[data-id=" + NAT + "]").first()).isAttached();
        checkAccessibility("demo quick start, diagram before");
        screenshotFrom("demo-quick-start-before", "#form-diagram");
    }

    @Test
    void everyEndpointOnTheSavingsDashboardOpensInTheInventory() {
        signIn("requester");
        page.navigate("/savings");
        Locator links = page.locator("main a[href^='/inventory/']");
        assertThat(links.first()).isVisible();
        // the demo world's ids (other tests of this shared context record ledger rows of their own)
        List<String> targets = hrefs(links).stream().filter(h -> h.contains("-0de")).toList();
        assertThat(targets).contains("/inventory/endpoints/" + GLUE, "/inventory/vpcs/" + STANDARD);
        checkAccessibility("demo savings dashboard");
        screenshot("demo-savings");
        for (String target : targets) {
            page.navigate("/savings");
            page.locator("main a[href='" + target + "']").first().click();
            assertThat(page).hasURL(baseUrl() + target);
            String id = target.substring(target.lastIndexOf('/') + 1);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(id);
        }
    }

    private static List<String> hrefs(Locator links) {
        return links.all().stream().map(l -> l.getAttribute("href")).distinct().toList();
    }
}
