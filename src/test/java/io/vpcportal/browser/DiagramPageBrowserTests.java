package io.vpcportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vpcportal.diagram.SeededVpc;
import io.vpcportal.inventory.InventoryFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A VPC's diagram page sits in the portal's layout (menu, breadcrumb, the portal's styles) with its downloads, and
 * loads without a console error or a failed resource (checked by {@link BrowserTest} after each test).
 */
class DiagramPageBrowserTests extends BrowserTest {

    @Autowired
    ApplicationContext spring;

    @Test
    void theDiagramPageIsAPortalPageWithItsDownloads() throws Exception {
        SeededVpc vpc = new SeededVpc("eu-west-1", 2);
        vpc.gateway("s3");
        new InventoryFixtures(spring).apply("111111111111", "eu-west-1", vpc.snapshot());

        signIn("requester");
        page.navigate("/diagrams/vpcs/" + vpc.vpc);
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation")))
                .isVisible();
        assertThat(page.locator(".breadcrumb")).containsText("Inventory");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(vpc.vpc);
        assertThat(page.locator("#vpc-diagram svg")).isVisible();
        assertThat((String) page.evaluate("() => getComputedStyle(document.body).fontFamily"))
                .as("the portal's sans-serif font, not the browser's default serif").doesNotContainIgnoringCase("times");
        Locator downloads = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Download the diagram"));
        for (String format : new String[] {"svg", "png", "drawio", "mermaid"}) {
            assertThat(downloads.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(format).setExact(true)))
                    .isVisible();
        }
        Download svg = page.waitForDownload(() -> downloads.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("svg").setExact(true)).click());
        Path saved = svg.path();
        assertThat(Files.readString(saved)).contains("<svg").contains(vpc.vpc);
        checkPage("VPC diagram page", null);
    }
}
