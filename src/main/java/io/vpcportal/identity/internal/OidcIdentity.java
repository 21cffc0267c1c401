package io.vpcportal.identity.internal;

import io.vpcportal.identity.Role;
import io.vpcportal.shared.TeamId;
import java.util.Set;

/**
 * Who the identity provider says signed in, and what its groups grant in the portal.
 *
 * @param issuer the provider, as the {@code iss} claim names it
 * @param subject the provider's stable id of the user ({@code sub})
 * @param groups every group the provider listed, mapped or not
 */
record OidcIdentity(String issuer, String subject, String username, String displayName, String email,
        Set<String> groups, Set<Role> roles, Set<TeamId> teams) {
}
