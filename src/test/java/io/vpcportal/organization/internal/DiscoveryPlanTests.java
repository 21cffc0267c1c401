package io.vpcportal.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.account.AccountSource;
import io.vpcportal.organization.OrganizationSource;
import io.vpcportal.organization.internal.OrganizationDirectory.Member;
import io.vpcportal.organization.internal.OrganizationWalks.Placed;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DiscoveryPlanTests {

    private static final Set<String> TEAMS = Set.of("platform", "payments", "data");
    private final OrganizationSource source = new OrganizationSource("arn:aws:iam::123456789012:role/d", "ext",
            List.of(), List.of(), "arn:aws:iam::{accountId}:role/p", List.of("eu-west-1"),
            AccountEnvironment.NON_PRODUCTION, "team", Map.of("ou-a-11111111", "platform", "ou-b-22222222", "payments"),
            null, null);

    @Test
    void theTeamTagWinsThenTheNearestOuOfTheTable() {
        assertThat(DiscoveryPlan.teams(source, List.of("r-1", "ou-a-11111111", "ou-b-22222222"), Map.of(), TEAMS::contains))
                .containsExactly("payments");
        assertThat(DiscoveryPlan.teams(source, List.of("r-1", "ou-a-11111111", "ou-c-33333333"), Map.of(), TEAMS::contains))
                .containsExactly("platform");
        assertThat(DiscoveryPlan.teams(source, List.of("ou-b-22222222"), Map.of("team", "data, nobody"), TEAMS::contains))
                .containsExactly("data");
        assertThat(DiscoveryPlan.teams(source, List.of("ou-b-22222222"), Map.of("team", "nobody"), TEAMS::contains))
                .as("a tag naming no team falls back to the OU table").containsExactly("payments");
        assertThat(DiscoveryPlan.teams(source, List.of("r-1"), Map.of(), TEAMS::contains)).isEmpty();
    }

    @Test
    void newKnownGoneAndHandAccountsEachGetTheirOwnOutcome() {
        Map<String, Placed> listed = new LinkedHashMap<>();
        listed.put("111111111111", placed("111111111111", "new", "ACTIVE", "ou-a-11111111"));
        listed.put("222222222222", placed("222222222222", "renamed", "ACTIVE", "ou-a-11111111"));
        listed.put("333333333333", placed("333333333333", "same", "ACTIVE", "ou-a-11111111"));
        listed.put("444444444444", placed("444444444444", "closing", "SUSPENDED", "ou-a-11111111"));
        listed.put("555555555555", placed("555555555555", "by hand", "ACTIVE", "ou-a-11111111"));
        Map<String, AccountDetails> registered = new TreeMap<>();
        registered.put("222222222222", discovered("222222222222", "old name", true, "platform"));
        registered.put("333333333333", discovered("333333333333", "same", true, "platform"));
        registered.put("444444444444", discovered("444444444444", "closing", true, "platform"));
        registered.put("555555555555", new AccountDetails("555555555555", "hand", null, null,
                AccountEnvironment.PRODUCTION, new TreeSet<>(Set.of("eu-west-1")), new TreeSet<>(), null, null, Instant.EPOCH));
        registered.put("666666666666", discovered("666666666666", "gone", true, "platform"));
        registered.put("777777777777", discovered("777777777777", "long gone", false, "platform"));

        DiscoveryPlan plan = DiscoveryPlan.of(source, listed, registered, Map.of("111111111111", new TreeMap<>()),
                TEAMS::contains);

        assertThat(plan.additions).extracting(DiscoveryPlan.Addition::accountId).containsExactly("111111111111");
        assertThat(plan.additions.get(0).teams()).containsExactly("platform");
        assertThat(plan.refreshes).extracting(DiscoveryPlan.Refresh::accountId).containsExactly("222222222222");
        assertThat(plan.refreshes.get(0).changes()).containsExactly("name: old name -> renamed");
        assertThat(plan.refreshes.get(0).tags()).as("tags not read in this run are not changed").isNull();
        assertThat(plan.deactivations).extracting(DiscoveryPlan.Deactivation::accountId)
                .containsExactly("444444444444", "666666666666");
        assertThat(plan.deactivations.get(0).reason()).isEqualTo("SUSPENDED in AWS Organizations");
        assertThat(plan.unchanged).containsExactly("333333333333", "777777777777");
        assertThat(plan.skipped).containsExactly("555555555555");
    }

    private static Placed placed(String id, String name, String status, String ou) {
        return new Placed(new Member(id, name, status, status), List.of("r-1", ou));
    }

    private static AccountDetails discovered(String id, String name, boolean active, String team) {
        SortedMap<String, String> tags = new TreeMap<>();
        return new AccountDetails(id, name, "arn:aws:iam::" + id + ":role/p", "ext", AccountEnvironment.NON_PRODUCTION,
                new TreeSet<>(Set.of("eu-west-1")), new TreeSet<>(Set.of(team)), null, null, Instant.EPOCH,
                AccountSource.ORGANIZATION, active, active ? null : "gone", tags);
    }
}
