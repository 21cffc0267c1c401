package io.vpcportal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.DemoPortalTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared test portal has no {@code spring.mail.host}: it writes and sends no mail, and says so to admins and
 * on each user's page. Addresses and preferences can still be set.
 */
@DemoPortalTest
class MailWithoutSmtpIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.vpcportal.identity.IdentityManagement identity;
    @Autowired
    io.vpcportal.identity.UserContacts contacts;

    @Test
    void withoutAnSmtpServerNothingIsWrittenOrSentAndTheAdminPageSaysSo() throws InterruptedException {
        PortalApi client = new PortalApi(port);
        String requester = client.tokenOf("requester");
        String approver = client.tokenOf("net-approver");
        assertThat(client.put("/api/v1/me/notification-preferences", requester,
                "{\"email\":\"requester@example.test\"}").status()).isEqualTo(200);
        assertThat(client.put("/api/v1/me/notification-preferences", approver,
                "{\"email\":\"noor@example.test\"}").status()).isEqualTo(200);

        UUID id = client.createAndSubmit(requester);
        assertThat(client.post("/api/v1/requests/" + id + "/reject", approver, "{\"reason\":\"no\"}").status())
                .isEqualTo(200);

        assertThat(jdbc.sql("select count(*) from mail_delivery where request_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        Response log = client.get("/api/v1/notifications/mails", client.tokenOf("admin"));
        assertThat(log.json().get("smtp").get("configured").asBoolean()).isFalse();
        assertThat(log.json().get("smtp").get("server").isNull()).isTrue();

        PortalApi admin = PortalApi.browser(port);
        admin.signIn("admin", PortalApi.DEMO_PASSWORD);
        assertThat(admin.page("/admin/webhooks").body()).contains("SMTP not configured: no e-mail is sent");
    }

    @Test
    void eachUserSetsTheirAddressAndKindsOnTheirOwnPage() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("sec-approver", PortalApi.DEMO_PASSWORD);
        Response page = browser.page("/me");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("My settings", "sec-approver", "an administrator has not configured an SMTP server",
                "A request waits for my team&#39;s decision");

        Response refused = browser.submitForm("/me", "/me/notifications", Map.of("email", "sam@@example"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("is-invalid", "must be an e-mail address");

        Response saved = browser.submitForm("/me", "/me/notifications", Map.of("email", "Sam@Security.Example.TEST",
                "kinds", "APPROVAL_WAITING"));
        assertThat(saved.status()).isEqualTo(302);
        PortalApi api = new PortalApi(port);
        var details = api.get("/api/v1/me/notification-preferences", api.tokenOf("sec-approver")).json();
        assertThat(details.get("email").asString()).isEqualTo("Sam@security.example.test");
        assertThat(details.get("kinds").get("approval.waiting").asBoolean()).isTrue();
        assertThat(details.get("kinds").get("approval.sla_reminder").asBoolean()).isFalse();

        // the change is in the audit trail as a change of the user
        assertThat(jdbc.sql("select count(*) from audit_event where subject_id = 'sec-approver' and action = 'USER_CHANGED'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void anAdminSetsAUsersAddressInTheUserFormAndTheChangeIsAudited() {
        String username = "mail-user-" + System.nanoTime();
        var user = identity.createUser(username, "Mia Mail", "a-long-enough-password",
                java.util.Set.of(io.vpcportal.identity.Role.REQUESTER), java.util.Set.of());
        PortalApi admin = PortalApi.browser(port);
        admin.signIn("admin", PortalApi.DEMO_PASSWORD);
        String edit = "/admin/users/" + user.id().value() + "/edit";
        assertThat(admin.page(edit).body()).contains("name=\"email\"");

        Response refused = admin.submitForm(edit, edit, Map.of("displayName", "Mia Mail", "roles", "REQUESTER",
                "enabled", "true", "email", "mia@example"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("must be an e-mail address");
        assertThat(contacts.byId(user.id()).orElseThrow().email()).isNull();

        Response saved = admin.submitForm(edit, edit, Map.of("displayName", "Mia Mail", "roles", "REQUESTER",
                "enabled", "true", "email", "mia@example.test"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(contacts.byId(user.id()).orElseThrow().email()).isEqualTo("mia@example.test");
        assertThat(admin.page(edit).body()).contains("value=\"mia@example.test\"");
        assertThat(jdbc.sql("select actor || ' ' || after_state from audit_event where subject_id = :u "
                + "and action = 'USER_CHANGED' order by id").param("u", username).query(String.class).list())
                .containsExactly("admin {\"email\":\"mia@example.test\"}");
    }
}
