package io.vpcportal.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.identity.Role;
import io.vpcportal.shared.TeamId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Claims to a portal identity: which claim is the username, and what the groups grant. */
class OidcPrincipalMapperTests {

    private static final String ISSUER = "https://idp.example.test/realms/corp";

    private final OidcProperties mappings = new OidcProperties(null, null, null,
            Map.of("payments-devs", "payments", "/platform/network", "network"),
            Map.of("net-approvers", Set.of(Role.APPROVER), "portal-admins", Set.of(Role.ADMIN, Role.APPROVER)),
            null, false, false);

    @Test
    void theDefaultsReadPreferredUsernameNameAndGroups() {
        OidcIdentity identity = new OidcPrincipalMapper(mappings).map(user(Map.of("preferred_username", "alice",
                "name", "Alice Example", "email", "alice@example.test",
                "groups", List.of("payments-devs", "net-approvers", "unrelated"))));

        assertThat(identity.issuer()).isEqualTo(ISSUER);
        assertThat(identity.subject()).isEqualTo("subject-1");
        assertThat(identity.username()).isEqualTo("alice");
        assertThat(identity.displayName()).isEqualTo("Alice Example");
        assertThat(identity.email()).isEqualTo("alice@example.test");
        assertThat(identity.groups()).containsExactly("net-approvers", "payments-devs", "unrelated");
        assertThat(identity.roles()).containsExactlyInAnyOrder(Role.REQUESTER, Role.APPROVER);
        assertThat(identity.teams()).containsExactly(new TeamId("payments"));
    }

    @Test
    void withoutPreferredUsernameTheEmailAndThenTheSubjectAreTheUsername() {
        OidcPrincipalMapper mapper = new OidcPrincipalMapper(mappings);

        assertThat(mapper.map(user(Map.of("email", "bob@example.test"))).username()).isEqualTo("bob@example.test");
        assertThat(mapper.map(user(Map.of("preferred_username", "  "))).username()).isEqualTo("subject-1");
    }

    @Test
    void theUsernameDisplayNameAndGroupsClaimsAreConfigurable() {
        OidcProperties entra = new OidcProperties("upn", "display_name", "roles", Map.of(),
                Map.of("Portal.Admin", Set.of(Role.ADMIN)), Set.of(), false, false);

        OidcIdentity identity = new OidcPrincipalMapper(entra).map(user(Map.of("upn", "carol@corp.example",
                "preferred_username", "ignored", "display_name", "Carol", "roles", List.of("Portal.Admin"),
                "groups", List.of("net-approvers"))));

        assertThat(identity.username()).isEqualTo("carol@corp.example");
        assertThat(identity.displayName()).isEqualTo("Carol");
        assertThat(identity.roles()).as("no default roles configured").containsExactly(Role.ADMIN);
    }

    @Test
    void groupNamesMatchExactlyAndPathsAreJustNames() {
        OidcIdentity identity = new OidcPrincipalMapper(mappings).map(user(Map.of("preferred_username", "dave",
                "groups", List.of("Payments-Devs", "/platform/network", "portal-admins"))));

        assertThat(identity.teams()).containsExactly(new TeamId("network"));
        assertThat(identity.roles()).containsExactlyInAnyOrder(Role.REQUESTER, Role.APPROVER, Role.ADMIN);
    }

    @Test
    void aSingleStringIsOneGroupAndOtherShapesAreNone() {
        OidcPrincipalMapper mapper = new OidcPrincipalMapper(mappings);

        assertThat(mapper.map(user(Map.of("preferred_username", "erin", "groups", "payments-devs"))).teams())
                .containsExactly(new TeamId("payments"));
        assertThat(mapper.map(user(Map.of("preferred_username", "erin", "groups", Map.of("a", "b")))).groups())
                .isEmpty();
        assertThat(mapper.map(user(Map.of("preferred_username", "erin"))).roles()).containsExactly(Role.REQUESTER);
    }

    @Test
    void theDisplayNameFallsBackToTheUsernameAndIsCutToFit() {
        OidcPrincipalMapper mapper = new OidcPrincipalMapper(mappings);

        assertThat(mapper.map(user(Map.of("preferred_username", "frank"))).displayName()).isEqualTo("frank");
        assertThat(mapper.map(user(Map.of("preferred_username", "frank", "name", "F".repeat(150)))).displayName())
                .hasSize(100);
        assertThat(mapper.map(user(Map.of("preferred_username", "frank", "name", "bad\u0000name"))).displayName())
                .isEqualTo("frank");
    }

    @Test
    void anEmailTooLongToStoreIsDropped() {
        OidcIdentity identity = new OidcPrincipalMapper(mappings).map(user(Map.of("preferred_username", "gina",
                "email", "g".repeat(250) + "@example.test")));

        assertThat(identity.email()).isNull();
    }

    @Test
    void aUsernameLongerThanThePortalKeepsIsRefusedRatherThanCut() {
        OidcPrincipalMapper mapper = new OidcPrincipalMapper(mappings);

        assertThatThrownBy(() -> mapper.map(user(Map.of("preferred_username", "u".repeat(65)))))
                .isInstanceOf(OidcLoginRefused.class).hasMessageContaining("longer than 64 characters");
    }

    @Test
    void userInfoClaimsCountLikeIdTokenClaims() {
        OidcIdToken idToken = idToken(Map.of("preferred_username", "hank"));
        OidcUser user = new DefaultOidcUser(Set.of(), idToken,
                new OidcUserInfo(Map.of("sub", "subject-1", "name", "Hank from userinfo", "groups", List.of("net-approvers"))));

        OidcIdentity identity = new OidcPrincipalMapper(mappings).map(user);

        assertThat(identity.displayName()).isEqualTo("Hank from userinfo");
        assertThat(identity.roles()).contains(Role.APPROVER);
    }

    private static OidcUser user(Map<String, Object> claims) {
        return new DefaultOidcUser(Set.of(), idToken(claims));
    }

    private static OidcIdToken idToken(Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        all.put("iss", ISSUER);
        all.put("sub", "subject-1");
        return new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), all);
    }
}
