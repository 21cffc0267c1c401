package io.vpcportal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.PortalIntegrationTest;
import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.shared.TeamId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** What admins can change about a user, and what they cannot set wrong. */
@PortalIntegrationTest
class UserAdministrationIntegrationTests {

    @Autowired
    IdentityManagement identity;
    @Autowired
    PasswordEncoder passwords;

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
