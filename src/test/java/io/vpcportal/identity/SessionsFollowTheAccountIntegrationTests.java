package io.vpcportal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.PortalIntegrationTest;
import io.vpcportal.TestIdentities;
import io.vpcportal.TestIdentities.FreshTeam;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.approval.RequestBodies;
import io.vpcportal.shared.TeamId;
import io.vpcportal.shared.UserId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A browser session opened before an admin changed the account: the change applies to it on its next request. The
 * sessions live in PostgreSQL (Spring Session JDBC); a disabled user's rows are gone at once.
 */
@PortalIntegrationTest
class SessionsFollowTheAccountIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcTemplate jdbc;

    TestIdentities people;
    FreshTeam team;

    @BeforeEach
    void aTeam() {
        people = new TestIdentities(identity, accounts);
        team = people.team("eu-west-1");
    }

    @Test
    void aDemotedAdminsOpenSessionCanNeitherOpenAdminPagesNorCreateUsers() {
        String admin = people.user(Set.of(Role.ADMIN, Role.REQUESTER), team.id());
        PortalApi browser = signedIn(admin);
        assertThat(browser.page("/admin/users").status()).isEqualTo(200);
        String csrf = PortalApi.csrfOf(browser.page("/admin/users/new")); // a tab left open on the form

        administer(admin, Set.of(Role.REQUESTER), true);

        assertThat(browser.page("/admin/users").status()).as("the admin page after the demotion").isEqualTo(403);
        String newcomer = "made-by-demoted-" + System.nanoTime();
        Response created = browser.postForm("/admin/users/new", csrf, Map.of("username", newcomer,
                "displayName", "Should not exist", "password", "a-long-enough-password", "roles", "ADMIN",
                "_roles", "on", "_teams", "on", "enabled", "true", "_enabled", "on"));
        assertThat(created.status()).as("%s", created).isEqualTo(403);
        assertThat(identity.findUserByUsername(newcomer)).isEmpty();
        assertThat(browser.page("/requests").status()).as("still signed in, as a requester").isEqualTo(200);
    }

    @Test
    void aDisabledRequestersOpenSessionCannotPostAComment() {
        String requester = people.requester(team.id());
        PortalApi api = new PortalApi(port);
        var draft = api.post("/api/v1/requests", api.tokenOf(requester, TestIdentities.PASSWORD),
                RequestBodies.glue(team.id(), team.accountId(), "eu-west-1").toString());
        assertThat(draft.status()).as("%s", draft).isEqualTo(201);
        String id = draft.json().get("id").asString();
        PortalApi browser = signedIn(requester);
        String csrf = PortalApi.csrfOf(browser.page("/requests/" + id));
        assertThat(sessionsOf(requester)).isEqualTo(1);

        administer(requester, Set.of(Role.REQUESTER), false);

        assertThat(sessionsOf(requester)).as("the disabled user's sessions are deleted at once").isZero();
        String body = "posted after being disabled " + System.nanoTime();
        Response comment = browser.postForm("/requests/" + id + "/comments", csrf, Map.of("body", body));
        assertThat(comment.status()).as("%s", comment).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from request_comment where body = ?", Integer.class, body))
                .isZero();
        Response page = browser.page("/requests/" + id);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/login");
    }

    @Test
    void aRoleChangeAppliesToTheOpenSessionOnItsNextRequest() {
        String user = people.requester(team.id());
        PortalApi browser = signedIn(user);
        assertThat(browser.page("/admin/users").status()).isEqualTo(403);
        assertThat(browser.page("/requests/new").status()).isEqualTo(200);

        administer(user, Set.of(Role.ADMIN), true);
        assertThat(browser.page("/admin/users").status()).as("granted ADMIN").isEqualTo(200);

        administer(user, Set.of(Role.APPROVER), true);
        assertThat(browser.page("/admin/users").status()).as("ADMIN taken away").isEqualTo(403);
        assertThat(browser.page("/requests/new").status()).as("REQUESTER taken away").isEqualTo(403);
        assertThat(browser.page("/approvals").status()).as("still signed in").isEqualTo(200);
    }

    @Test
    void aNewPasswordEndsTheSessionsOpenedWithTheOldOne() {
        String user = people.requester(team.id());
        PortalApi browser = signedIn(user);
        assertThat(browser.page("/requests").status()).isEqualTo(200);

        identity.setPassword(idOf(user), "another-long-password");

        assertThat(browser.page("/requests").status()).isEqualTo(302);
        assertThat(sessionsOf(user)).isZero();
    }

    private PortalApi signedIn(String username) {
        PortalApi browser = PortalApi.browser(port);
        Response login = browser.signIn(username, TestIdentities.PASSWORD);
        assertThat(login.headers().firstValue("Location").orElse("")).as("%s", login).doesNotContain("error");
        return browser;
    }

    private void administer(String username, Set<Role> roles, boolean enabled) {
        UserSummary user = identity.findUserByUsername(username).orElseThrow();
        identity.administer(user.id(), user.displayName(), roles, Set.<TeamId>copyOf(user.teams()), enabled);
    }

    private UserId idOf(String username) {
        return identity.findUserByUsername(username).orElseThrow().id();
    }

    private int sessionsOf(String username) {
        return jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
                username);
    }
}
