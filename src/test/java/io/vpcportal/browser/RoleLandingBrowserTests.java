package io.vpcportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.vpcportal.PortalApi;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each demo user's first page shows their work, the menu fits a laptop screen, and the admin pages sit under one
 * keyboard-usable Admin menu.
 */
class RoleLandingBrowserTests extends BrowserTest {

    @Test
    void theRequesterLandsOnTheirRequestsAndTheQuickStarts() {
        String title = submittedByRequester();
        signIn("requester");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your latest requests")))
                .isVisible();
        assertThat(page.locator("main")).containsText(title);
        assertThat(page.locator("main")).containsText("Start from a common setup");
        assertThat(page.locator("#waiting-for-you")).hasCount(0);
        assertThat(page.locator("#portal-health")).hasCount(0);
        assertThat(page.locator("#nav-approvals")).hasCount(0);
        assertThat(page.locator("#nav-admin")).hasCount(0);
    }

    @Test
    void theNetworkApproverLandsOnWhatWaitsForThemWithACountInTheMenu() {
        String title = submittedByRequester();
        signIn("net-approver");
        Locator waiting = page.locator("#waiting-for-you");
        assertThat(waiting).isVisible();
        int count = Integer.parseInt(waiting.locator("[data-waiting=count]").innerText().strip());
        assertThat(count).isPositive();
        assertThat(waiting.locator("[data-waiting=oldest]")).not().isEmpty();
        assertThat(waiting.locator("[data-waiting=over-sla]")).containsText("decide within 24 hours");
        assertThat(waiting.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Open the approvals inbox")))
                .isVisible();
        assertThat(page.locator("#nav-approvals [data-pending-decisions]")).hasText(Integer.toString(count));
        assertThat(page.locator("#nav-approvals")).hasAccessibleName("Approvals (" + count + " waiting for your decision)");
        // the waiting section comes before the approver's own requests
        assertThat(page.locator("main section, main h2").first()).hasId("waiting-for-you");
        if (count <= 5) {
            assertThat(waiting).containsText(title);
        }
        checkAccessibility("approver start page");
    }

    @Test
    void theSecurityApproverIsNotOfferedTheRequestForm() {
        signIn("sec-approver");
        assertThat(page.locator("#waiting-for-you")).isVisible();
        assertThat(page.locator("main")).not().containsText("Start from a common setup");
        assertThat(page.locator("a[href^='/requests/new']")).hasCount(0);
        page.navigate("/requests");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New request"))).hasCount(0);
        page.navigate("/catalog/s3-gateway");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Request this endpoint")))
                .hasCount(0);
        expectFailure(403, "/requests/new.*");
        page.navigate("/requests/new?template=s3-gateway");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("You may not open this page");
    }

    @Test
    void theAdminLandsOnPortalHealthAndWhatWaits() {
        signIn("admin");
        Locator health = page.locator("#portal-health");
        assertThat(health).isVisible();
        assertThat(health.locator("[data-health=sync]")).not().isEmpty();
        assertThat(health.locator("[data-health=jobs]")).not().isEmpty();
        assertThat(health.locator("[data-health=deliveries]")).containsText("Webhooks and their deliveries");
        assertThat(page.locator("#waiting-for-you")).isVisible();
        checkAccessibility("admin start page");
        screenshot("admin-start");
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {1280, 1366})
    void theAdminsMenuFitsTheBarOnALaptop(int width) {
        page.setViewportSize(width, 800);
        signIn("admin");
        Locator bar = page.locator("nav.portal-navbar > .container");
        BoundingBox barBox = bar.boundingBox();
        List<Locator> items = page.locator("nav.portal-navbar .navbar-nav > li").all();
        assertThat(items).hasSizeGreaterThanOrEqualTo(6);
        double top = items.get(0).boundingBox().y;
        BoundingBox previous = null;
        for (Locator item : items) {
            BoundingBox box = item.boundingBox();
            String name = item.innerText().strip();
            assertThat(box.y).as("%s stays on the bar's one row at %d px", name, width).isEqualTo(top);
            assertThat(box.x + box.width).as("%s ends inside the bar at %d px", name, width)
                    .isLessThanOrEqualTo(barBox.x + barBox.width + 0.5);
            if (previous != null) {
                assertThat(box.x).as("%s starts after the item before it at %d px", name, width)
                        .isGreaterThanOrEqualTo(previous.x + previous.width - 0.5);
            }
            previous = box;
        }
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("the page does not scroll sideways at %d px", width).isTrue();
    }

    @Test
    void theAdminMenuOpensWithTheKeyboardAndLeadsToEachAdminPage() {
        signIn("admin");
        Nav nav = new Nav(page);
        Locator items = page.locator("#nav-admin .admin-menu-items");
        assertThat(items).isHidden();
        nav.admin().focus();
        page.keyboard().press("Enter");
        assertThat(items).isVisible();
        for (String name : List.of("Accounts", "Organization", "Users", "Approval rules", "Prices", "Webhooks",
                "Audit trail")) {
            assertThat(items.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true)))
                    .isVisible();
        }
        checkAccessibility("admin menu open");
        page.keyboard().press("Tab");
        assertThat(items.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Accounts"))).isFocused();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(baseUrl() + "/accounts");
        assertThat(nav.admin()).hasClass(java.util.regex.Pattern.compile(".*\\bactive\\b.*"));
    }

    @Test
    void theFormIsUnderCatalogInTheMenuAsInTheBreadcrumb() {
        signIn("requester");
        page.navigate("/requests/new?template=s3-gateway");
        Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation"));
        assertThat(nav.locator("a.active")).hasText("Catalog");
        assertThat(page.locator(".breadcrumb")).containsText("Catalog");
    }

    @Test
    void aBadIdInAPageAddressIsAPageThatDoesNotExist() {
        signIn("requester");
        expectFailure(404, "/requests/not-a-uuid");
        page.navigate("/requests/not-a-uuid");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("This page does not exist");
        assertThat(page.locator("main")).not().containsText("Try again");
    }

    /** A request of the requester's team waiting for the network team (the default rules route S3 there). */
    private String submittedByRequester() {
        String title = "Landing check " + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode body = PortalApi.object().put("team", "payments").put("accountId", "111111111111")
                .put("region", "eu-west-1").put("vpcId", "vpc-0a1b2c3d4e5f60718").put("title", title)
                .put("justification", "Exports to S3 without the NAT gateway");
        ObjectNode item = body.putArray("items").addObject().put("templateKey", "s3-interface")
                .put("policyChoice", "s3-buckets").put("privateDns", false);
        item.putArray("subnetIds").add("subnet-0a1b2c3d4e5f60718");
        item.putArray("securityGroupIds").add("sg-0a1b2c3d");
        item.putArray("bucketNames").add("payments-exports");
        PortalApi api = api();
        String token = api.tokenOf("requester");
        PortalApi.Response created = api.post("/api/v1/requests", token, body.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        PortalApi.Response submitted = api.post("/api/v1/requests/" + id + "/submit", token, "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return title;
    }
}
