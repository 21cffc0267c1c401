package io.vpcportal.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.identity.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The settings as Spring Boot binds them from properties: safe defaults, and group names as map keys. */
class OidcPropertiesTests {

    @Test
    void withNothingConfiguredTheDefaultsAreSafe() {
        OidcProperties properties = bind(Map.of());

        assertThat(properties.usernameClaim()).isEqualTo("preferred_username");
        assertThat(properties.displayNameClaim()).isEqualTo("name");
        assertThat(properties.groupsClaim()).isEqualTo("groups");
        assertThat(properties.teamMappings()).isEmpty();
        assertThat(properties.roleMappings()).isEmpty();
        assertThat(properties.defaultRoles()).containsExactly(Role.REQUESTER);
        assertThat(properties.createTeams()).isFalse();
        assertThat(properties.linkLocalUsers()).isFalse();
    }

    @Test
    void groupNamesAreMapKeysAndRolesAListPerGroup() {
        OidcProperties properties = bind(Map.of(
                "portal.identity.oidc.team-mappings.payments-devs", "payments",
                "portal.identity.oidc.team-mappings.[/platform/network]", "network",
                "portal.identity.oidc.team-mappings.[Payments Devs]", "payments",
                "portal.identity.oidc.team-mappings.0760b6cf-170e-4a14-91b3-4b78e0739963", "payments",
                "portal.identity.oidc.role-mappings.portal-admins", "ADMIN, approver",
                "portal.identity.oidc.default-roles", ""));

        assertThat(properties.teamMappings()).containsOnlyKeys("payments-devs", "/platform/network", "Payments Devs",
                "0760b6cf-170e-4a14-91b3-4b78e0739963");
        assertThat(properties.roleMappings().get("portal-admins")).containsExactlyInAnyOrder(Role.ADMIN, Role.APPROVER);
        assertThat(properties.defaultRoles()).as("an empty list means no role without a mapping").isEmpty();
    }

    @Test
    void withoutBracketsAKeyLosesItsSlashes() {
        OidcProperties properties = bind(Map.of("portal.identity.oidc.team-mappings./platform/network", "network"));

        assertThat(properties.teamMappings()).containsOnlyKeys("platformnetwork");
    }

    @Test
    void entraAppRoleValuesNeedBracketsForTheirDotsAndCapitals() {
        OidcProperties properties = bind(Map.of("portal.identity.oidc.groups-claim", "roles",
                "portal.identity.oidc.role-mappings.[Portal.Admin]", "ADMIN,APPROVER",
                "portal.identity.oidc.team-mappings.[Team.Payments]", "payments"));

        assertThat(properties.roleMappings()).containsOnlyKeys("Portal.Admin");
        assertThat(properties.teamMappings()).containsOnlyKeys("Team.Payments");
    }

    @Test
    void anUnknownRoleStopsTheStart() {
        assertThatThrownBy(() -> bind(Map.of("portal.identity.oidc.role-mappings.net-approvers", "SUPERUSER")))
                .isInstanceOf(BindException.class).hasMessageContaining("portal.identity.oidc.role-mappings");
    }

    @Test
    void aMappingToSomethingThatIsNoTeamKeyStopsTheStart() {
        assertThatThrownBy(() -> bind(Map.of("portal.identity.oidc.team-mappings.payments-devs", "Payments Team")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("'Payments Team', which is not a team key");
    }

    private static OidcProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("portal.identity.oidc", OidcProperties.class);
    }
}
