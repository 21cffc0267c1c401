package io.vpcportal.identity;

import io.vpcportal.shared.TeamId;
import io.vpcportal.shared.UserId;
import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as every module sees it, whether they came through the login form, single sign-on or an API
 * token. Team memberships are read at sign-in. Single sign-on adds the provider's tokens in a subclass of the
 * identity module; no other module should need to know which way a user came in.
 *
 * <p>A browser session keeps its principal between requests; the two versions say which state of the user's account
 * it was read from, so that the identity module can reload it (or end the session) when the account changed.
 */
public class PortalPrincipal implements UserDetails, CredentialsContainer {

    private final UserId id;
    private final String username;
    private final String displayName;
    private final Set<Role> roles;
    private final Set<TeamId> teams;
    private final boolean enabled;
    private final long accessVersion;
    private final long credentialsVersion;
    private String passwordHash;

    public PortalPrincipal(UserId id, String username, String displayName, Set<Role> roles, Set<TeamId> teams,
            boolean enabled, String passwordHash) {
        this(id, username, displayName, roles, teams, enabled, passwordHash, 0, 0);
    }

    public PortalPrincipal(UserId id, String username, String displayName, Set<Role> roles, Set<TeamId> teams,
            boolean enabled, String passwordHash, long accessVersion, long credentialsVersion) {
        this.accessVersion = accessVersion;
        this.credentialsVersion = credentialsVersion;
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.roles = Set.copyOf(roles);
        this.teams = Set.copyOf(teams);
        this.enabled = enabled;
        this.passwordHash = passwordHash;
    }

    public UserId id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public Set<TeamId> teams() {
        return teams;
    }

    /** The account's access version this principal was read at (roles, teams, name, enabled). */
    public long accessVersion() {
        return accessVersion;
    }

    /** The account's credentials version this principal was read at (the password). */
    public long credentialsVersion() {
        return credentialsVersion;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean isMemberOf(TeamId team) {
        return teams.contains(team);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public final boolean equals(Object other) {
        return other instanceof PortalPrincipal p && p.id.equals(id);
    }

    @Override
    public final int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "PortalPrincipal[" + username + "]";
    }
}
