package io.vpcportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vpcportal.PortalApi;
import io.vpcportal.inventory.InventoryFixtures;
import io.vpcportal.inventory.RegionSnapshot;
import io.vpcportal.inventory.RegionSnapshot.ObservedEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue #8 in the browser: a requester reads what the endpoints saved, and finds an endpoint someone made by hand
 * and one whose policy was changed behind the portal's back. The shared context has no AWS, so the inventory is
 * seeded through the same store and drift check a sync uses.
 */
class InventoryAndSavingsBrowserTests extends BrowserTest {

    private static final String SANDBOX = "111111111111";
    private static final String APPROVED_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":["s3:GetObject","s3:PutObject"],"Resource":["arn:aws:s3:::payments-exports/*"]}]}""";
    private static final String CHANGED_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}""";

    @Autowired
    ApplicationContext spring;

    @Test
    void theSavingsDashboardShowsTheTotalsAndDrawsTheTrend() {
        signIn("requester");
        new Nav(page).to("Savings");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Savings").setLevel(1))).isVisible();
        Locator totals = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Realized savings"));
        assertThat(totals.locator(".realized")).hasCount(3);
        assertThat(totals.locator(".realized").last()).hasText(Pattern.compile("-?\\$[\\d,]+\\.\\d\\d"));
        assertThat(totals.locator(".realized").last()).not().hasText("$0.00"); // the demo's history is in the ledger
        Locator chart = page.locator("svg#trend-chart");
        assertThat(chart).isVisible();
        assertThat(chart.locator("rect.trend-bar").first()).isVisible();
        assertThat(chart.locator("rect.trend-bar")).hasCount(page.locator("tr.month-row").count());
        assertThat(page.locator("tr.month-row").count()).isGreaterThan(1);
        checkPage("savings dashboard", "savings-dashboard");
    }

    @Test
    void findsTheHandMadeEndpointAndSeesWhereTheManagedOneDrifted() {
        String vpc = "vpc-" + hex(17);
        String region = "eu-west-3";
        String managed = "vpce-" + hex(17);
        String handMade = "vpce-" + hex(17);
        String table = "rtb-" + hex(17);
        UUID request = draftRequest(vpc);
        TreeMap<String, String> link = new TreeMap<>();
        link.put("portal:request-item", request + "/0");
        link.put("Name", "payments-exports");
        TreeMap<String, String> none = new TreeMap<>();
        none.put("Name", "made-by-hand");
        InventoryFixtures inventory = new InventoryFixtures(spring);
        inventory.apply(SANDBOX, region, new RegionSnapshot(List.of(
                new ObservedEndpoint(managed, vpc, "com.amazonaws." + region + ".s3", "Gateway", "available", false,
                        CHANGED_POLICY, List.of(table), List.of(), List.of(), List.of(), List.of(), link,
                        Instant.parse("2026-01-05T10:00:00Z")),
                new ObservedEndpoint(handMade, vpc, "com.amazonaws." + region + ".dynamodb", "Gateway", "available",
                        false, null, List.of(table), List.of(), List.of(), List.of(), List.of(), none,
                        Instant.parse("2026-02-01T08:30:00Z"))), List.of()));
        inventory.approved(SANDBOX, region, managed, request, 0, APPROVED_POLICY, List.of(table));

        signIn("requester");
        new Nav(page).to("Inventory");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Inventory").setLevel(1))).isVisible();
        page.getByLabel("VPC").fill(vpc);
        page.getByLabel("Managed").selectOption("false");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter").setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile(".*managed=false.*"));
        Locator rows = page.locator("main table").first().locator("tbody tr");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText(handMade);
        assertThat(rows.first()).containsText("unmanaged");
        checkPage("inventory", "inventory");

        page.getByLabel("Managed").selectOption("true");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter").setExact(true)).click();
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText(managed);
        assertThat(rows.first()).containsText("policy"); // the drift badge
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(managed).setExact(true)).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(managed);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Drift from the approved state")))
                .isVisible();
        Locator diff = page.locator("pre.policy-diff");
        // removed lines in red, added in green
        assertThat(diff.locator(".text-danger").filter(new Locator.FilterOptions().setHasText("s3:GetObject"))).hasCount(1);
        assertThat(diff.locator(".text-success").filter(new Locator.FilterOptions().setHasText("\"s3:*\""))).hasCount(1);
        assertThat(page.locator("main")).containsText(request.toString());
        checkPage("inventory endpoint", null);
        screenshotFrom("inventory-endpoint", "main h2"); // the policy, the drift table and the diff
    }

    private UUID draftRequest(String vpc) {
        ObjectNode body = PortalApi.object().put("team", "payments").put("accountId", SANDBOX).put("region", "eu-west-3")
                .put("vpcId", vpc).put("title", "S3 for the payments exports")
                .put("justification", "Exports go to S3 through the NAT gateway");
        ObjectNode item = body.putArray("items").addObject().put("templateKey", "s3-gateway");
        item.putArray("routeTableIds").add("rtb-0a1b2c3d4e5f60718");
        item.putArray("bucketNames").add("payments-exports");
        PortalApi.Response created = api().post("/api/v1/requests", api().tokenOf("requester"), body.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private static String hex(int length) {
        StringBuilder out = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        while (out.length() < length) {
            out.append(Integer.toHexString(random.nextInt(16)));
        }
        return out.toString();
    }
}
