package io.vpcportal.identity.internal;

import io.vpcportal.identity.Role;
import io.vpcportal.shared.TeamId;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How an OpenID Connect sign-in becomes a portal user. Only read when a client registration is configured under
 * {@code spring.security.oauth2.client.registration}; see {@code docs/oidc.md}.
 *
 * @param usernameClaim claim that holds the username; when absent, {@code email} and then {@code sub} are used
 * @param displayNameClaim claim that holds the name shown in the portal; when absent, the username
 * @param groupsClaim claim that lists the user's groups (names, ids or app roles, as the provider sends them)
 * @param teamMappings group → team key; the user is a member of the teams their groups map to
 * @param roleMappings group → roles; the user gets the roles their groups map to, in addition to the default roles
 * @param defaultRoles roles of every user who signs in through the provider
 * @param createTeams whether a mapped team that does not exist yet is created; otherwise it is skipped with a warning
 * @param linkLocalUsers whether an existing user with a password may be signed in through the provider as well
 */
@ConfigurationProperties("portal.identity.oidc")
public record OidcProperties(String usernameClaim, String displayNameClaim, String groupsClaim,
        Map<String, String> teamMappings, Map<String, Set<Role>> roleMappings, Set<Role> defaultRoles,
        boolean createTeams, boolean linkLocalUsers) {

    public OidcProperties {
        usernameClaim = blankToDefault(usernameClaim, "preferred_username");
        displayNameClaim = blankToDefault(displayNameClaim, "name");
        groupsClaim = blankToDefault(groupsClaim, "groups");
        teamMappings = teamMappings == null ? Map.of() : Map.copyOf(teamMappings);
        roleMappings = roleMappings == null ? Map.of() : Map.copyOf(roleMappings);
        defaultRoles = defaultRoles == null ? Set.of(Role.REQUESTER) : Set.copyOf(defaultRoles);
        teamMappings.forEach((group, team) -> {
            if (!TeamId.isValid(team)) {
                throw new IllegalArgumentException("portal.identity.oidc.team-mappings: group '" + group
                        + "' maps to '" + team + "', which is not a team key (2 to 40 lowercase letters, digits or dashes)");
            }
        });
    }

    private static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
