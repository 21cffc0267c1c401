package io.vpcportal.identity.internal;

import io.vpcportal.shared.TeamId;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Just-in-time provisioning: at every OpenID Connect sign-in the user's row, roles and team memberships are brought
 * up to date, so that everything keyed on portal users (approvers of a team, API tokens) works for them.
 * <p>
 * An account is found by its bound identity (issuer and subject) first, then by username. A username that
 * belongs to a local account with a password is never taken over silently: it is linked only when
 * {@code portal.identity.oidc.link-local-users} allows it.
 */
@Component
class OidcUserProvisioning {

    private static final Logger log = LoggerFactory.getLogger(OidcUserProvisioning.class);

    private final PortalUserRepository users;
    private final TeamRepository teams;
    private final OidcProperties properties;

    OidcUserProvisioning(PortalUserRepository users, TeamRepository teams, OidcProperties properties) {
        this.users = users;
        this.teams = teams;
        this.properties = properties;
    }

    @Transactional
    public PortalUser provision(OidcIdentity identity) {
        PortalUser user = users.findByOidcIssuerAndOidcSubject(identity.issuer(), identity.subject())
                .orElseGet(() -> linkOrCreate(identity));
        if (!user.enabled()) {
            throw new OidcLoginRefused("Your portal account '" + user.username() + "' is disabled. Ask an administrator.");
        }
        user.updateProfile(identity.displayName(), identity.email());
        user.applyProviderGrants(identity.roles(), existingTeams(identity));
        return user;
    }

    private PortalUser linkOrCreate(OidcIdentity identity) {
        Optional<PortalUser> existing = users.findByUsername(identity.username());
        if (existing.isEmpty()) {
            log.info("Provisioning user '{}' signed in through {}", identity.username(), identity.issuer());
            return users.save(PortalUser.fromIdentityProvider(identity.issuer(), identity.subject(),
                    identity.username(), identity.displayName(), identity.email()));
        }
        PortalUser user = existing.get();
        if (user.hasOidcIdentity()) {
            log.warn("Refused sign-in of '{}' (subject {} of {}): the username belongs to another identity",
                    identity.username(), identity.subject(), identity.issuer());
            throw new OidcLoginRefused("The portal account '" + identity.username() + "' belongs to another "
                    + "single sign-on identity. Ask an administrator.");
        }
        if (user.hasPassword() && !properties.linkLocalUsers()) {
            log.warn("Refused sign-in of '{}' through {}: a local user with a password has that name and "
                    + "portal.identity.oidc.link-local-users is false", identity.username(), identity.issuer());
            throw new OidcLoginRefused("A portal account named '" + identity.username() + "' already exists and "
                    + "signs in with a password. Sign in with that password, or ask an administrator to link the "
                    + "account to single sign-on.");
        }
        log.info("Linking user '{}' to subject {} of {}", identity.username(), identity.subject(), identity.issuer());
        user.bindOidcIdentity(identity.issuer(), identity.subject());
        return user;
    }

    private Set<String> existingTeams(OidcIdentity identity) {
        Set<String> keys = new TreeSet<>();
        for (TeamId team : identity.teams()) {
            if (teams.existsById(team.value())) {
                keys.add(team.value());
            } else if (properties.createTeams()) {
                log.info("Creating team '{}' for the groups of '{}'", team, identity.username());
                teams.save(new Team(team.value(), team.value()));
                keys.add(team.value());
            } else {
                log.warn("Team '{}' mapped from a group of '{}' does not exist: skipped (create it, or set "
                        + "portal.identity.oidc.create-teams=true)", team, identity.username());
            }
        }
        return keys;
    }
}
