package io.vpcportal.organization.internal;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountSource;
import io.vpcportal.organization.AccountFound;
import io.vpcportal.organization.OrganizationSource;
import io.vpcportal.organization.internal.OrganizationWalks.Placed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What discovery changes, decided from what the organization lists and what the portal has registered, without
 * touching either. Teams come from the source's tag key when the account carries it (values separated by commas),
 * else from the nearest OU of the OU-to-team table above the account; team names that are not teams are left out.
 */
public final class DiscoveryPlan {

    /** A new account to register. */
    public record Addition(String accountId, String name, SortedMap<String, String> tags, SortedSet<String> teams) {
    }

    /** A discovered account whose name, tags, teams or activity change. {@code tags} null when they were not read. */
    public record Refresh(String accountId, String name, SortedMap<String, String> tags, SortedSet<String> teams,
            List<String> changes) {
    }

    /** An account to deactivate, and why. */
    public record Deactivation(String accountId, String name, String reason) {
    }

    public final List<Addition> additions = new ArrayList<>();
    public final List<Refresh> refreshes = new ArrayList<>();
    public final List<Deactivation> deactivations = new ArrayList<>();
    public final List<String> unchanged = new ArrayList<>();
    public final List<String> skipped = new ArrayList<>();

    /**
     * @param listed     accounts found in the included OUs
     * @param registered every registered account by id
     * @param readTags   tags read in this run, by account id (new accounts, and a slice of known ones)
     * @param isTeam     whether a team exists
     */
    public static DiscoveryPlan of(OrganizationSource source, Map<String, Placed> listed,
            Map<String, AccountDetails> registered, Map<String, SortedMap<String, String>> readTags,
            Predicate<String> isTeam) {
        DiscoveryPlan plan = new DiscoveryPlan();
        for (Placed placed : listed.values()) {
            String id = placed.member().id();
            AccountDetails known = registered.get(id);
            if (known != null && known.source() == AccountSource.HAND) {
                plan.skipped.add(id);
                continue;
            }
            String name = placed.member().name() == null || placed.member().name().isBlank() ? id
                    : placed.member().name().strip();
            if (!placed.member().active()) {
                if (known != null && known.active()) {
                    plan.deactivations.add(new Deactivation(id, name,
                            placed.member().statusText() + " in AWS Organizations"));
                } else if (known != null) {
                    plan.unchanged.add(id);
                }
                continue;
            }
            SortedMap<String, String> tags = readTags.get(id);
            SortedMap<String, String> effectiveTags = tags != null ? tags : known != null ? known.tags() : new TreeMap<>();
            SortedSet<String> teams = teams(source, placed.path(), effectiveTags, isTeam);
            if (known == null) {
                plan.additions.add(new Addition(id, name, effectiveTags, teams));
                continue;
            }
            List<String> changes = new ArrayList<>();
            if (!name.equals(known.name())) {
                changes.add("name: " + known.name() + " -> " + name);
            }
            if (tags != null && !tags.equals(known.tags())) {
                changes.add("tags: " + known.tags() + " -> " + tags);
            }
            if (!teams.equals(known.teams())) {
                changes.add("teams: " + known.teams() + " -> " + teams);
            }
            if (!known.active()) {
                changes.add("active: false -> true");
            }
            if (changes.isEmpty()) {
                plan.unchanged.add(id);
            } else {
                plan.refreshes.add(new Refresh(id, name, tags, teams, changes));
            }
        }
        registered.values().stream()
                .filter(a -> a.source() == AccountSource.ORGANIZATION && a.active() && !listed.containsKey(a.id()))
                .forEach(a -> plan.deactivations.add(new Deactivation(a.id(), a.name(),
                        "no longer listed in the organization's included OUs")));
        registered.values().stream()
                .filter(a -> a.source() == AccountSource.ORGANIZATION && !a.active() && !listed.containsKey(a.id()))
                .forEach(a -> plan.unchanged.add(a.id()));
        plan.unchanged.sort(null);
        return plan;
    }

    static SortedSet<String> teams(OrganizationSource source, List<String> path, Map<String, String> tags,
            Predicate<String> isTeam) {
        SortedSet<String> teams = new TreeSet<>();
        String tagged = source.teamTagKey() == null ? null : tags.get(source.teamTagKey());
        if (tagged != null && !tagged.isBlank()) {
            Arrays.stream(tagged.split(",")).map(String::strip).filter(t -> !t.isEmpty()).filter(isTeam)
                    .forEach(teams::add);
            if (!teams.isEmpty()) {
                return teams;
            }
        }
        for (int i = path.size() - 1; i >= 0; i--) {
            String team = source.ouTeams().get(path.get(i));
            if (team != null) {
                if (isTeam.test(team)) {
                    teams.add(team);
                }
                return teams;
            }
        }
        return teams;
    }

    public List<AccountFound> added() {
        return additions.stream().map(a -> new AccountFound(a.accountId(), a.name(),
                List.of("registered with teams " + a.teams() + (a.tags().isEmpty() ? "" : " and tags " + a.tags())))).toList();
    }

    public List<AccountFound> updated() {
        return refreshes.stream().map(r -> new AccountFound(r.accountId(), r.name(), r.changes())).toList();
    }

    public List<AccountFound> deactivated() {
        return deactivations.stream().map(d -> new AccountFound(d.accountId(), d.name(), List.of("inactive: " + d.reason())))
                .toList();
    }
}
