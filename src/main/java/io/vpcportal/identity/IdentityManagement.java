package io.vpcportal.identity;

import io.vpcportal.identity.internal.PortalUser;
import io.vpcportal.identity.internal.PortalUserRepository;
import io.vpcportal.identity.internal.SessionTermination;
import io.vpcportal.identity.internal.Team;
import io.vpcportal.identity.internal.TeamRepository;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.shared.TeamId;
import io.vpcportal.shared.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and teams: the module's API for everything except tokens. */
@Service
@Transactional(readOnly = true)
public class IdentityManagement {

    private final PortalUserRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder passwordEncoder;
    private final SessionTermination sessions;

    IdentityManagement(PortalUserRepository users, TeamRepository teams, PasswordEncoder passwordEncoder,
            SessionTermination sessions) {
        this.users = users;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
    }

    @Transactional
    public TeamSummary ensureTeam(TeamId id, String name) {
        Team team = teams.findById(id.value()).orElseGet(() -> teams.save(new Team(id.value(), name)));
        return new TeamSummary(new TeamId(team.id()), team.name());
    }

    @Transactional
    public UserSummary createUser(String username, String displayName, String rawPassword, Set<Role> roles,
            Set<TeamId> memberOf) {
        if (users.findByUsername(username).isPresent()) {
            throw new ConflictException("A user named '" + username + "' already exists");
        }
        for (TeamId team : memberOf) {
            if (!teams.existsById(team.value())) {
                throw new IllegalArgumentException("Unknown team " + team);
            }
        }
        PortalUser user = users.save(new PortalUser(username, displayName, passwordEncoder.encode(rawPassword), roles,
                memberOf.stream().map(TeamId::value).collect(Collectors.toSet())));
        return summary(user);
    }

    /** Every user, by username, with whether they may sign in and how (password, single sign-on). */
    public List<UserAccount> users() {
        return users.findAll().stream().sorted(Comparator.comparing(PortalUser::username))
                .map(u -> new UserAccount(summary(u), u.enabled(), u.hasPassword(), u.hasOidcIdentity())).toList();
    }

    /**
     * An admin changes a user's display name, roles, teams and whether they may sign in. Open sessions follow on
     * their next request; a disabled user's sessions are deleted on every instance when this commits.
     */
    @Transactional
    public UserSummary administer(UserId id, String displayName, Set<Role> roles, Set<TeamId> memberOf, boolean enabled) {
        PortalUser user = users.findById(id.value())
                .orElseThrow(() -> new io.vpcportal.platform.NotFoundException("No user " + id));
        java.util.List<io.vpcportal.platform.FieldViolation> v = new java.util.ArrayList<>();
        if (displayName == null || displayName.isBlank() || displayName.length() > 100
                || io.vpcportal.platform.TextRules.containsNul(displayName)) {
            v.add(new io.vpcportal.platform.FieldViolation("displayName", "must be 1 to 100 characters"));
        }
        memberOf.stream().filter(t -> !teams.existsById(t.value())).findFirst().ifPresent(t ->
                v.add(new io.vpcportal.platform.FieldViolation("teams", "'" + t + "' is not a team")));
        if (!v.isEmpty()) {
            throw new io.vpcportal.platform.InvalidInputException(v);
        }
        user.administer(displayName.strip(), roles, memberOf.stream().map(TeamId::value).collect(Collectors.toSet()),
                enabled);
        if (!enabled) {
            sessions.endSessionsOf(user.username());
        }
        return summary(user);
    }

    /**
     * Sets a new password (12 characters at least); single sign-on users get one only if an admin wants it. Every
     * session opened with the old one ends.
     */
    @Transactional
    public void setPassword(UserId id, String rawPassword) {
        if (rawPassword == null || rawPassword.length() < 12 || rawPassword.length() > 200) {
            throw new io.vpcportal.platform.InvalidInputException("password", "must be 12 to 200 characters");
        }
        PortalUser user = users.findById(id.value())
                .orElseThrow(() -> new io.vpcportal.platform.NotFoundException("No user " + id));
        user.changePasswordHash(passwordEncoder.encode(rawPassword));
        sessions.endSessionsOf(user.username());
    }

    public Optional<UserSummary> findUser(UserId id) {
        return users.findById(id.value()).map(IdentityManagement::summary);
    }

    public Optional<UserSummary> findUserByUsername(String username) {
        return users.findByUsername(username).map(IdentityManagement::summary);
    }

    /** The user with their password hash, for sign-in only. */
    public Optional<PortalPrincipal> loadPrincipal(String username) {
        return users.findByUsername(username).map(IdentityManagement::principal);
    }

    public boolean anyUserHasRole(Role role) {
        return users.existsWithRole(role);
    }

    /** Enabled users with the APPROVER role who belong to {@code team}. */
    public List<UserSummary> approversOf(TeamId team) {
        return users.findApproversOf(team.value()).stream().map(IdentityManagement::summary)
                .sorted(Comparator.comparing(UserSummary::username)).toList();
    }

    public boolean teamExists(TeamId id) {
        return teams.existsById(id.value());
    }

    public List<TeamSummary> teams() {
        return teams.findAll().stream()
                .map(t -> new TeamSummary(new TeamId(t.id()), t.name()))
                .sorted(Comparator.comparing(t -> t.id().value()))
                .toList();
    }

    static UserSummary summary(PortalUser user) {
        return new UserSummary(new UserId(user.id()), user.username(), user.displayName(), user.roles(),
                user.teams().stream().map(TeamId::new).collect(Collectors.toSet()));
    }

    static PortalPrincipal principal(PortalUser user) {
        return user.toPrincipal();
    }
}
