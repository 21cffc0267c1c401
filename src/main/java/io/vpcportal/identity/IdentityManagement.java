package io.vpcportal.identity;

import io.vpcportal.identity.internal.PortalUser;
import io.vpcportal.identity.internal.PortalUserRepository;
import io.vpcportal.identity.internal.SessionTermination;
import io.vpcportal.identity.internal.Team;
import io.vpcportal.identity.internal.TeamRepository;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.platform.TextRules;
import io.vpcportal.shared.TeamId;
import io.vpcportal.shared.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
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
    private final ApplicationEventPublisher events;

    IdentityManagement(PortalUserRepository users, TeamRepository teams, PasswordEncoder passwordEncoder,
            SessionTermination sessions, ApplicationEventPublisher events) {
        this.users = users;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.events = events;
    }

    @Transactional
    public TeamSummary ensureTeam(TeamId id, String name) {
        Team team = teams.findById(id.value()).orElseGet(() -> {
            Team created = teams.save(new Team(id.value(), name));
            events.publishEvent(new UserAdministered(actor(), UserAdministered.Change.TEAM_CREATED, id.value(), null,
                    Map.of("name", name)));
            return created;
        });
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
        events.publishEvent(new UserAdministered(actor(), UserAdministered.Change.USER_CREATED, username, null,
                state(user)));
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
                .orElseThrow(() -> new NotFoundException("No user " + id));
        List<FieldViolation> v = new ArrayList<>();
        if (displayName == null || displayName.isBlank() || displayName.length() > 100
                || TextRules.containsNul(displayName)) {
            v.add(new FieldViolation("displayName", "must be 1 to 100 characters"));
        }
        memberOf.stream().filter(t -> !teams.existsById(t.value())).findFirst().ifPresent(t ->
                v.add(new FieldViolation("teams", "'" + t + "' is not a team")));
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        Map<String, Object> before = state(user);
        user.administer(displayName.strip(), roles, memberOf.stream().map(TeamId::value).collect(Collectors.toSet()),
                enabled);
        Map<String, Object> after = state(user);
        if (!after.equals(before)) {
            events.publishEvent(new UserAdministered(actor(), UserAdministered.Change.USER_CHANGED, user.username(),
                    before, after));
        }
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
            throw new InvalidInputException("password", "must be 12 to 200 characters");
        }
        PortalUser user = users.findById(id.value())
                .orElseThrow(() -> new NotFoundException("No user " + id));
        user.changePasswordHash(passwordEncoder.encode(rawPassword));
        events.publishEvent(new UserAdministered(actor(), UserAdministered.Change.PASSWORD_SET, user.username(), null,
                null));
        sessions.endSessionsOf(user.username());
    }

    /** What the audit trail keeps of a user: never the password or its hash. */
    private static Map<String, Object> state(PortalUser user) {
        Map<String, Object> state = new TreeMap<>();
        state.put("displayName", user.displayName());
        state.put("roles", new TreeSet<>(user.roles().stream().map(Role::name).toList()));
        state.put("teams", new TreeSet<>(user.teams()));
        state.put("enabled", user.enabled());
        return state;
    }

    /** The signed-in admin making the change; {@code portal} for changes the portal makes by itself. */
    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "portal" : authentication.getName();
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
