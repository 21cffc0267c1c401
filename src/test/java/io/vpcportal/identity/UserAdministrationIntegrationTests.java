package io.vpcportal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.PortalIntegrationTest;
import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.shared.TeamId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** What admins can change about a user, and what they cannot set wrong. */
@PortalIntegrationTest
class UserAdministrationIntegrationTests {

    @Autowired
    IdentityManagement identity;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminChangesRolesTeamsAndSignInAndSetsANewPassword() {
        TeamId team = identity.ensureTeam(new TeamId("admin-test-team"), "Admin test team").id();
        UserSummary user = identity.createUser("admin-test-" + System.nanoTime(), "Before", "a-first-password",
                Set.of(Role.REQUESTER), Set.of());

        identity.administer(user.id(), "After", Set.of(Role.APPROVER), Set.of(team), false);
        identity.setPassword(user.id(), "a-second-password");

        UserAccount changed = identity.users().stream().filter(u -> u.user().id().equals(user.id())).findFirst().orElseThrow();
        assertThat(changed.user().displayName()).isEqualTo("After");
        assertThat(changed.user().roles()).containsExactly(Role.APPROVER);
        assertThat(changed.user().teams()).containsExactly(team);
        assertThat(changed.enabled()).isFalse();
        assertThat(passwords.matches("a-second-password",
                identity.loadPrincipal(user.username()).orElseThrow().getPassword())).isTrue();
        assertThat(identity.approversOf(team)).as("a disabled approver decides nothing").isEmpty();
    }

    @Test
    void everyChangeToAUserIsInTheAuditTrailWithItsAdminAndNeverAPassword() {
        String username = "audited-" + System.nanoTime();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "the-admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            UserSummary user = identity.createUser(username, "Before", "a-first-password", Set.of(Role.REQUESTER),
                    Set.of());
            identity.administer(user.id(), "Before", Set.of(Role.REQUESTER, Role.APPROVER), Set.of(), false);
            identity.administer(user.id(), "Before", Set.of(Role.REQUESTER, Role.APPROVER), Set.of(), false);
            identity.setPassword(user.id(), "a-second-password");
        } finally {
            SecurityContextHolder.clearContext();
        }

        List<Map<String, Object>> rows = jdbc.queryForList("select actor, action, before_state::text as before, "
                + "after_state::text as after from audit_event where subject_id = ? order by id", username);
        assertThat(rows).extracting(r -> r.get("action"))
                .as("created, changed once (the unchanged save is no change), password set")
                .containsExactly("USER_CREATED", "USER_CHANGED", "USER_PASSWORD_SET");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("actor")).isEqualTo("the-admin"));
        Map<String, Object> changed = rows.get(1);
        assertThat((String) changed.get("before")).contains("\"enabled\":true").doesNotContain("APPROVER");
        assertThat((String) changed.get("after")).contains("\"enabled\":false").contains("APPROVER");
        assertThat(rows.toString()).doesNotContain("a-first-password").doesNotContain("a-second-password")
                .doesNotContain("{bcrypt}");
    }

    @Test
    void unknownTeamsBlankNamesAndShortPasswordsAreRefusedOnTheirField() {
        UserSummary user = identity.createUser("admin-test-" + System.nanoTime(), "Someone", "a-first-password",
                Set.of(Role.REQUESTER), Set.of());

        assertThatThrownBy(() -> identity.administer(user.id(), " ", Set.of(), Set.of(new TeamId("no-such-team")), true))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).violations().stream().map(FieldViolation::field).toList())
                .asList().containsExactly("displayName", "teams");
        assertThatThrownBy(() -> identity.setPassword(user.id(), "short"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("password");
    }
}
