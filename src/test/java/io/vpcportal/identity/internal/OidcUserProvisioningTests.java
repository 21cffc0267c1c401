package io.vpcportal.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.PortalRepositoryTest;
import io.vpcportal.identity.Role;
import io.vpcportal.shared.TeamId;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Just-in-time provisioning against the real schema, with the settings that the HTTP test of single sign-on does
 * not use: teams created on demand, local users linked, identities bound by issuer and subject.
 */
@PortalRepositoryTest
class OidcUserProvisioningTests {

    private static final String ISSUER = "https://idp.example.test";

    @Autowired
    PortalUserRepository users;

    @Autowired
    TeamRepository teams;

    @Autowired
    EntityManager entityManager;

    @Test
    void missingTeamsAreCreatedWhenAllowed() {
        OidcUserProvisioning provisioning = provisioning(true, false);

        PortalUser user = provisioning.provision(identity("sub-1", "ivan", Set.of(Role.REQUESTER), "brand-new-team"));
        flush();

        assertThat(teams.findById("brand-new-team")).get().extracting(Team::name).isEqualTo("brand-new-team");
        assertThat(reload(user).teams()).containsExactly("brand-new-team");
        assertThat(reload(user).passwordHash()).isNull();
    }

    @Test
    void missingTeamsAreSkippedByDefault() {
        PortalUser user = provisioning(false, false).provision(identity("sub-2", "judy", Set.of(Role.REQUESTER),
                "not-a-team-yet"));
        flush();

        assertThat(teams.existsById("not-a-team-yet")).isFalse();
        assertThat(reload(user).teams()).isEmpty();
    }

    @Test
    void aLocalUserIsLinkedWhenAllowedAndKeepsWhatThePortalGranted() {
        teams.save(new Team("local-team", "Local team"));
        PortalUser local = users.save(new PortalUser("karl", "Karl Local", "{bcrypt}$2a$10$hash", Set.of(Role.ADMIN),
                Set.of("local-team")));
        flush();

        PortalUser linked = provisioning(false, true).provision(identity("sub-3", "karl", Set.of(Role.REQUESTER)));
        flush();

        assertThat(linked.id()).isEqualTo(local.id());
        PortalUser karl = reload(local);
        assertThat(karl.hasOidcIdentity(ISSUER, "sub-3")).isTrue();
        assertThat(karl.passwordHash()).as("the password still works").isEqualTo("{bcrypt}$2a$10$hash");
        assertThat(karl.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.REQUESTER);
        assertThat(karl.teams()).containsExactly("local-team");
        assertThat(karl.displayName()).isEqualTo("Identity karl");
    }

    @Test
    void aLocalUserWithAPasswordIsRefusedByDefault() {
        users.save(new PortalUser("lena", "Lena Local", "{bcrypt}$2a$10$hash", Set.of(Role.ADMIN), Set.of()));
        flush();

        assertThatThrownBy(() -> provisioning(false, false).provision(identity("sub-4", "lena", Set.of(Role.REQUESTER))))
                .isInstanceOf(OidcLoginRefused.class).hasMessageContaining("already exists and signs in with a password");
    }

    @Test
    void aUsernameBoundToAnotherIdentityIsRefusedEvenWhenLinkingIsAllowed() {
        OidcUserProvisioning provisioning = provisioning(false, true);
        provisioning.provision(identity("sub-5", "mona", Set.of(Role.REQUESTER)));
        flush();

        assertThatThrownBy(() -> provisioning.provision(identity("someone-else", "mona", Set.of(Role.ADMIN))))
                .isInstanceOf(OidcLoginRefused.class).hasMessageContaining("belongs to another single sign-on identity");
    }

    @Test
    void theBoundIdentityFindsTheUserEvenWhenTheUsernameClaimChanges() {
        OidcUserProvisioning provisioning = provisioning(false, false);
        PortalUser first = provisioning.provision(identity("sub-6", "nina", Set.of(Role.REQUESTER)));
        flush();

        PortalUser again = provisioning.provision(identity("sub-6", "nina.renamed", Set.of(Role.APPROVER)));
        flush();

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(reload(first).username()).as("usernames are fixed at the first sign-in").isEqualTo("nina");
        assertThat(reload(first).roles()).containsExactly(Role.APPROVER);
        assertThat(users.findByUsername("nina.renamed")).isEmpty();
    }

    @Test
    void theSchemaRefusesTwoUsersForOneIdentity() {
        users.save(PortalUser.fromIdentityProvider(ISSUER, "sub-7", "olga", "Olga", null));
        flush();
        users.save(PortalUser.fromIdentityProvider(ISSUER, "sub-7", "olga-2", "Olga again", null));

        assertThatThrownBy(users::flush).isInstanceOf(DataIntegrityViolationException.class);
    }

    private OidcUserProvisioning provisioning(boolean createTeams, boolean linkLocalUsers) {
        return new OidcUserProvisioning(users, teams,
                new OidcProperties(null, null, null, Map.of(), Map.of(), null, createTeams, linkLocalUsers));
    }

    private static OidcIdentity identity(String subject, String username, Set<Role> roles, String... teamKeys) {
        Set<TeamId> mapped = new HashSet<>();
        for (String key : teamKeys) {
            mapped.add(new TeamId(key));
        }
        return new OidcIdentity(ISSUER, subject, username, "Identity " + username, username + "@example.test",
                Set.of(), roles, mapped);
    }

    private void flush() {
        entityManager.flush();
        entityManager.clear();
    }

    private PortalUser reload(PortalUser user) {
        entityManager.clear();
        return users.findById(user.id()).orElseThrow();
    }
}
