package io.vpcportal.identity.internal;

import io.vpcportal.identity.Role;

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

/** A person who signs in to the portal. */
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

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

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

    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }
}
