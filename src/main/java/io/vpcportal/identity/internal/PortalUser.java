package io.vpcportal.identity.internal;

import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.identity.Role;
import io.vpcportal.shared.TeamId;
import io.vpcportal.shared.UserId;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A person who signs in to the portal: with a password (local account), through single sign-on (an OpenID Connect
 * identity, no password), or both when an administrator allowed a local account to be linked.
 */
@Entity
@Table(name = "portal_user")
public class PortalUser {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "oidc_issuer")
    private String oidcIssuer;

    @Column(name = "oidc_subject")
    private String oidcSubject;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Moves whenever what the user may do changes, so that open sessions pick the change up on their next request. */
    @Column(name = "access_version", nullable = false)
    private long accessVersion;

    /** Moves whenever the password changes: every session opened before it ends. */
    @Column(name = "credentials_version", nullable = false)
    private long credentialsVersion;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role")
    private Set<Role> roles = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "team_membership", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "team_id")
    private Set<String> teams = new HashSet<>();

    protected PortalUser() {
    }

    public PortalUser(String username, String displayName, String passwordHash, Set<Role> roles, Set<String> teams) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = new HashSet<>(roles);
        this.teams = new HashSet<>(teams);
        this.createdAt = Instant.now();
    }

    /** A user who signs in through the identity provider {@code issuer} only, and has no password. */
    public static PortalUser fromIdentityProvider(String issuer, String subject, String username, String displayName,
            String email) {
        PortalUser user = new PortalUser(username, displayName, null, Set.of(), Set.of());
        user.email = email;
        user.bindOidcIdentity(issuer, subject);
        return user;
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean enabled() {
        return enabled;
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    public Set<String> teams() {
        return Set.copyOf(teams);
    }

    /** The user as the rest of the portal sees them, with the versions a browser session compares. */
    public PortalPrincipal toPrincipal() {
        return new PortalPrincipal(new UserId(id), username, displayName, roles,
                teams.stream().map(TeamId::new).collect(Collectors.toSet()), enabled, passwordHash, accessVersion,
                credentialsVersion);
    }

    public long accessVersion() {
        return accessVersion;
    }

    public long credentialsVersion() {
        return credentialsVersion;
    }

    public String email() {
        return email;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public boolean hasOidcIdentity() {
        return oidcSubject != null;
    }

    public boolean hasOidcIdentity(String issuer, String subject) {
        return subject.equals(oidcSubject) && issuer.equals(oidcIssuer);
    }

    /** An admin's edit: what the user may do, in which teams, and whether they may sign in at all. */
    public void administer(String displayName, Set<Role> roles, Set<String> teams, boolean enabled) {
        if (!Objects.equals(displayName, this.displayName) || !this.roles.equals(roles) || !this.teams.equals(teams)
                || this.enabled != enabled) {
            accessVersion++;
        }
        this.displayName = displayName;
        this.roles = new HashSet<>(roles);
        this.teams = new HashSet<>(teams);
        this.enabled = enabled;
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
        credentialsVersion++;
    }

    /** Lets the identity {@code subject} of {@code issuer} sign in as this user; an account has at most one. */
    public void bindOidcIdentity(String issuer, String subject) {
        if (hasOidcIdentity() && !hasOidcIdentity(issuer, subject)) {
            throw new IllegalStateException("User " + username + " already belongs to another OpenID Connect identity");
        }
        this.oidcIssuer = issuer;
        this.oidcSubject = subject;
    }

    /** The address notifications go to; {@code null} removes it (nothing is mailed then). */
    public void changeEmail(String email) {
        this.email = email;
    }

    /**
     * Name and e-mail address as the identity provider knows them today. A provider that sends no address leaves the
     * one the user or an admin set in the portal, so that their notifications keep arriving.
     */
    public void updateProfile(String displayName, String email) {
        if (!Objects.equals(displayName, this.displayName)) {
            accessVersion++;
        }
        this.displayName = displayName;
        if (email != null) {
            this.email = email;
        }
    }

    /**
     * Roles and teams the identity provider's groups grant at sign-in. A user without a password gets exactly
     * these, so that leaving a group at the provider takes effect at the next sign-in (and, through the access
     * version, in the user's other open sessions on their next request). A linked local user keeps what was granted
     * in the portal as well, because their password opens the portal without the provider.
     */
    public void applyProviderGrants(Set<Role> grantedRoles, Set<String> grantedTeams) {
        Set<Role> rolesBefore = Set.copyOf(roles);
        Set<String> teamsBefore = Set.copyOf(teams);
        if (!hasPassword()) {
            roles.retainAll(grantedRoles); // not clear(): an unchanged set must not rewrite its rows
            teams.retainAll(grantedTeams);
        }
        roles.addAll(grantedRoles);
        teams.addAll(grantedTeams);
        if (!roles.equals(rolesBefore) || !teams.equals(teamsBefore)) {
            accessVersion++;
        }
    }
}
