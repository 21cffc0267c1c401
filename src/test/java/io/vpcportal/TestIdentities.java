package io.vpcportal;

import io.vpcportal.account.AccountChange;
import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.identity.Role;
import io.vpcportal.shared.TeamId;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Teams, users and accounts of their own for tests that count or hide requests, so that no test sees another's
 * data. Everything is created through the modules' APIs, as an admin would.
 */
public final class TestIdentities {

    public static final String PASSWORD = "test-password";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final IdentityManagement identity;
    private final AccountManagement accounts;

    public TestIdentities(IdentityManagement identity, AccountManagement accounts) {
        this.identity = identity;
        this.accounts = accounts;
    }

    /** A new team with an account of its own, usable in {@code regions}. */
    public FreshTeam team(String... regions) {
        String suffix = uniqueSuffix();
        TeamId team = identity.ensureTeam(new TeamId("t-" + suffix), "Test team " + suffix).id();
        String account = uniqueAccountId();
        accounts.register(account, new AccountChange("test account " + suffix, null, null,
                AccountEnvironment.NON_PRODUCTION, new TreeSet<>(Set.of(regions)), new TreeSet<>(Set.of(team.value()))), "test");
        return new FreshTeam(team.value(), account);
    }

    /** A new user with {@code roles}, member of {@code teams}; the password is {@link #PASSWORD}. */
    public String user(Set<Role> roles, String... teams) {
        String username = "u-" + uniqueSuffix();
        Set<TeamId> memberOf = new java.util.HashSet<>();
        for (String t : teams) {
            memberOf.add(new TeamId(t));
        }
        identity.createUser(username, "Test user " + username, PASSWORD, roles, memberOf);
        return username;
    }

    public String requester(String... teams) {
        return user(Set.of(Role.REQUESTER), teams);
    }

    private static String uniqueSuffix() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }

    private static String uniqueAccountId() {
        // 9xxxxxxxxxxx: never the demo sandbox (111111111111)
        return "9" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    /** A team and the account only it may use. */
    public record FreshTeam(String id, String accountId) {
    }
}
