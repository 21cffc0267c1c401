package io.vpcportal.identity;

import io.vpcportal.identity.internal.PortalUser;
import io.vpcportal.identity.internal.PortalUserRepository;
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

    IdentityManagement(PortalUserRepository users, TeamRepository teams, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
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
        return new PortalPrincipal(new UserId(user.id()), user.username(), user.displayName(), user.roles(),
                user.teams().stream().map(TeamId::new).collect(Collectors.toSet()), user.enabled(), user.passwordHash());
    }
}
