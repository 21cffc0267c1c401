package io.vpcportal.identity.internal;

import io.vpcportal.identity.Role;
import io.vpcportal.shared.TeamId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Reads the claims of an OpenID Connect sign-in (ID token and user info) and applies the group mappings of
 * {@link OidcProperties}. It decides nothing about existing accounts: that is {@link OidcUserProvisioning}'s job.
 */
class OidcPrincipalMapper {

    private static final Logger log = LoggerFactory.getLogger(OidcPrincipalMapper.class);
    private static final int MAX_USERNAME = 64;
    private static final int MAX_DISPLAY_NAME = 100;
    private static final int MAX_EMAIL = 254;

    private final OidcProperties properties;

    OidcPrincipalMapper(OidcProperties properties) {
        this.properties = properties;
    }

    OidcIdentity map(OidcUser user) {
        Map<String, Object> claims = user.getClaims();
        String issuer = user.getIdToken().getClaimAsString(IdTokenClaimNames.ISS);
        String subject = user.getIdToken().getSubject();
        String username = username(claims);
        String displayName = truncate(text(claims.get(properties.displayNameClaim())), MAX_DISPLAY_NAME);
        String email = text(claims.get(StandardClaimNames.EMAIL));
        Set<String> groups = groups(claims.get(properties.groupsClaim()));

        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(properties.defaultRoles());
        Set<TeamId> teams = new LinkedHashSet<>();
        for (String group : groups) {
            Set<Role> mappedRoles = properties.roleMappings().get(group);
            String mappedTeam = properties.teamMappings().get(group);
            if (mappedRoles != null) {
                roles.addAll(mappedRoles);
            }
            if (mappedTeam != null) {
                teams.add(new TeamId(mappedTeam));
            }
            if (mappedRoles == null && mappedTeam == null) {
                log.debug("Group '{}' of {} maps to no team and no role: ignored", group, username);
            }
        }
        return new OidcIdentity(issuer, subject, username, displayName == null ? username : displayName,
                email == null || email.length() > MAX_EMAIL ? null : email, groups, roles, teams);
    }

    private String username(Map<String, Object> claims) {
        String username = Stream.of(properties.usernameClaim(), StandardClaimNames.EMAIL, StandardClaimNames.SUB)
                .map(claim -> text(claims.get(claim)))
                .filter(value -> value != null)
                .findFirst()
                .orElseThrow(() -> new OidcLoginRefused("Your identity provider sent no username ("
                        + properties.usernameClaim() + ", email or sub). Ask an administrator to check the "
                        + "portal's single sign-on settings."));
        if (username.length() > MAX_USERNAME) {
            throw new OidcLoginRefused("Your username '" + username.substring(0, MAX_USERNAME) + "…' is longer than "
                    + MAX_USERNAME + " characters, the longest the portal accepts. Ask an administrator to choose "
                    + "a shorter username claim.");
        }
        return username;
    }

    /** A claim as trimmed text without control characters, or null when it is missing or blank. */
    private static String text(Object claim) {
        if (claim == null || claim instanceof Collection<?> || claim instanceof Map<?, ?>) {
            return null;
        }
        String value = claim.toString().strip();
        return value.isEmpty() || value.chars().anyMatch(Character::isISOControl) ? null : value;
    }

    /** A name is only shown, so cutting it is harmless, unlike cutting a username. */
    private static String truncate(String value, int maxLength) {
        if (value == null || value.length() <= maxLength) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return value.substring(0, end);
    }

    /** Providers send a JSON array of strings; some send a single string when there is only one group. */
    private static Set<String> groups(Object claim) {
        Set<String> groups = new TreeSet<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> {
                String group = text(value);
                if (group != null) {
                    groups.add(group);
                }
            });
        } else {
            String group = text(claim);
            if (group != null) {
                groups.add(group);
            }
        }
        return groups;
    }
}
