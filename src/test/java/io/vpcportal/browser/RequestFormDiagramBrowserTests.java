package io.vpcportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vpcportal.diagram.SeededVpc;
import io.vpcportal.inventory.InventoryFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue #9 in the request form: while a requester fills it in for a VPC the inventory knows, the form shows that
 * VPC as it is and as it will be with the endpoints chosen so far, before anything is saved. The shared context has
 * no AWS, so the VPC is seeded through the inventory's own store.
 */
class RequestFormDiagramBrowserTests extends BrowserTest {

    private static final String SANDBOX = "111111111111";
    private static final String REGION = "us-east-1";

    @Autowired
    ApplicationContext spring;

    @Test
    void theFormDrawsTheVpcBeforeAndAfterTheEndpointsChosenSoFar() {
        SeededVpc vpc = new SeededVpc(REGION, 2);
        vpc.gateway("dynamodb");
        new InventoryFixtures(spring).apply(SANDBOX, REGION, vpc.snapshot());

        signIn("requester");
        page.navigate("/requests/new?template=s3-gateway");
        RequestFormPage form = new RequestFormPage(page);
        Locator panel = page.locator("#form-diagram");
        assertThat(panel).containsText("Enter the VPC id"); // a note, not an error, before the VPC is known
        form.choose("Region", REGION)
                .fill("VPC id", vpc.vpc)
                .fill("GB per month through NAT today", "3000")
                .fill("Route tables", vpc.privateTable)
                .fill("Buckets", "fleet-logs");
        page.getByLabel("Add an endpoint for this VPC").selectOption("glue");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
        form = new RequestFormPage(page);
        form.fill("Subnets", String.join(", ", vpc.privateSubnets)).fill("Security groups", vpc.group);
        form.field("GB per month through NAT today").nth(1).fill("500"); // each endpoint has its own figure
        form.field("Justification").focus(); // leaving the field is a change: htmx asks for new diagrams

        Locator after = page.locator("#form-diagram-after svg");
        assertThat(after).isVisible();
        assertThat(after.locator("[data-kind=endpoint][data-id=planned-form-0]")).hasCount(1);
        assertThat(after.locator("[data-kind=endpoint][data-id=planned-form-1]")).hasCount(1);
        assertThat(after.locator("[data-kind=eni][data-planned=true]")).hasCount(2);
        assertThat(after.locator("[data-kind=path][data-service=s3]")).hasAttribute("data-via", "endpoint");
        assertThat(after.locator("[data-kind=path][data-service=glue]")).hasAttribute("aria-label",
                java.util.regex.Pattern.compile(".*through new endpoint · est\\. 500 GB/month · \\$[\\d.,]+ endpoint cost.*"));
        assertThat(after.locator("[data-kind=path][data-service=s3]")).hasAttribute("aria-label",
                java.util.regex.Pattern.compile(".*through new endpoint · est\\. 3,000 GB/month · .*"));
        assertThat(after.locator("[data-kind=request-total]")).hasCount(0);
        checkPage("request form with its diagrams", null);
        screenshotFrom("request-form-diagram-after", "#form-diagram");

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Before")).click();
        Locator before = page.locator("#form-diagram-before svg");
        assertThat(before).isVisible();
        assertThat(before.locator("[data-kind=endpoint][data-planned=true]")).hasCount(0);
        for (String service : List.of("s3", "glue")) {
            assertThat(before.locator("[data-kind=path][data-service=" + service + "]")).hasAttribute("data-via", "nat");
        }
        assertThat(before.locator("[data-kind=path][data-service=dynamodb]")).hasAttribute("data-via", "endpoint");
        checkAccessibility("request form, diagram before");
        screenshotFrom("request-form-diagram-before", "#form-diagram");
    }
}
