package io.vpcportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vpcportal.PortalApi;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * An approver reviews between meetings: inbox, everything needed to decide on one page, approve or reject with a
 * reason. The requests come from the requester through the API; the approver is another user of another team.
 */
class ApproverJourneyBrowserTests extends BrowserTest {

    @Test
    void reviewsARequestFromTheInboxAndApprovesIt() {
        String title = submitted("Exports to S3 over PrivateLink");
        signIn("net-approver");
        Nav nav = new Nav(page);
        nav.to("Approvals");
        ApprovalPage inbox = ApprovalPage.inbox(page);
        assertThat(inbox.inboxRow(title)).containsText("requester");
        checkPage("approval inbox", "inbox");

        ApprovalPage view = inbox.open(title);
        nav.showsStatus("SUBMITTED");
        assertThat(view.section("Endpoints")).containsText("Amazon S3 (interface)");
        assertThat(view.section("Endpoints")).containsText("payments-exports");
        assertThat(view.section("Policies")).containsText("arn:aws:s3:::payments-exports"); // the generated policy
        assertThat(view.section("Policies").getByRole(AriaRole.HEADING,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Who can reach what"))).isVisible();
        assertThat(view.section("Policies").locator(".policy-findings")).isVisible();
        assertThat(view.section("Policies").locator(".policy-matrix table")).isVisible(); // the simulation
        assertThat(view.section("Provisioning plan")).containsText("ec2:CreateVpcEndpoint"); // what provisioning will call
        assertThat(view.section("Approval")).containsText("Stage 1: network");
        checkPage("approval view", "approval-view");
        screenshotFrom("approval-policies", "#policies-heading");

        view.decide("Approve", "Looks right: only the exports bucket.");
        nav.showsSuccess("Approved.");
        assertThat(inbox.inboxRow(title)).hasCount(0);

        page.navigate("/requests/" + lastId);
        RequestPage request = new RequestPage(page);
        nav.showsStatus("APPROVED");
        assertThat(request.approval()).containsText("net-approver approved");
        assertThat(request.timeline()).containsText("Approved");
    }

    @Test
    void rejectsOnlyWithAReasonAndTheRequesterSeesIt() {
        String title = submitted("Logs to S3, all buckets");
        UUID id = lastId;
        signIn("net-approver");
        page.navigate("/approvals/" + id);
        ApprovalPage view = new ApprovalPage(page);

        view.decide("Reject", "");
        assertThat(page.locator(".alert-danger")).containsText("reason");
        assertThat(view.comment()).isFocused(); // the keyboard is where the fix goes
        assertThat(page.locator("#decision-comment-error")).isVisible();
        assertThat(page.locator("#decision-comment-error")).containsText("reason");
        new Nav(page).showsStatus("SUBMITTED");

        view.decide("Reject", "Use the organization policy instead of listing buckets.");
        new Nav(page).showsSuccess("Rejected.");

        // the requester, in their own browser, sees why; and never a decision form on their own request
        com.microsoft.playwright.BrowserContext requesterWindow = newContext();
        Page requester = signIn(requesterWindow.newPage(), "requester");
        requester.navigate("/requests/" + id);
        assertThat(requester.locator("main .badge-status").first()).hasText("REJECTED");
        assertThat(requester.locator("section[aria-labelledby=approval-heading]"))
                .containsText("Use the organization policy instead of listing buckets.");
        requester.navigate("/approvals/" + id);
        assertThat(requester.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve"))).hasCount(0);
        requesterWindow.close();
    }

    private UUID lastId;

    /** The requester submits an S3 interface endpoint (the default rules send it to the network team). */
    private String submitted(String what) {
        String title = what + " " + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode body = PortalApi.object().put("team", "payments").put("accountId", "111111111111")
                .put("region", "eu-west-1").put("vpcId", "vpc-0a1b2c3d4e5f60718").put("title", title)
                .put("justification", "The export job writes 200 GB a day to S3 through the NAT gateway")
                .put("expectedMonthlyGb", 6000).put("natGatewayId", "nat-0a1b2c3d4e5f60718");
        ObjectNode item = body.putArray("items").addObject().put("templateKey", "s3-interface")
                .put("policyChoice", "s3-buckets").put("privateDns", false);
        item.putArray("subnetIds").add("subnet-0a1b2c3d4e5f60718").add("subnet-0a1b2c3d4e5f60719");
        item.putArray("securityGroupIds").add("sg-0a1b2c3d");
        item.putArray("bucketNames").add("payments-exports");
        PortalApi api = api();
        String token = api.tokenOf("requester");
        PortalApi.Response created = api.post("/api/v1/requests", token, body.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        lastId = UUID.fromString(created.json().get("id").asString());
        PortalApi.Response submitted = api.post("/api/v1/requests/" + lastId + "/submit", token, "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return title;
    }
}
