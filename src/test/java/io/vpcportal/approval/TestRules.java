package io.vpcportal.approval;

import io.vpcportal.shared.TeamId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Approval rules of a test's own. Rules are global in the shared context, so each one names the test's fresh
 * requesting team and matches nothing else; {@link #disableAll()} switches them off again at the end.
 */
public final class TestRules {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ApprovalRules rules;
    private final List<String> created = new ArrayList<>();

    public TestRules(ApprovalRules rules) {
        this.rules = rules;
    }

    /** A rule tried before the defaults: every item of {@code requesterTeam}'s requests needs these stages. */
    public String route(String requesterTeam, StageDefinition... stages) {
        return create(new ApprovalRuleChange("Test: " + requesterTeam + " to " + List.of(stages), 1, true, null, null,
                null, null, Set.of(requesterTeam), null, null, null, false, List.of(stages)));
    }

    public String create(ApprovalRuleChange change) {
        String key = "test-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "-" + SEQUENCE.incrementAndGet();
        rules.create(key, change, "test");
        created.add(key);
        return key;
    }

    public ApprovalRuleDetails update(String key, ApprovalRuleChange change) {
        return rules.update(key, change, "test");
    }

    /** Saves a disabled version of every rule this instance created. */
    public void disableAll() {
        for (String key : created) {
            ApprovalRuleDetails r = rules.get(key);
            if (r.enabled()) {
                rules.update(key, changeOf(r, false), "test");
            }
        }
        created.clear();
    }

    public static StageDefinition any(String team) {
        return new StageDefinition(new TeamId(team), ApprovalMode.ANY);
    }

    public static StageDefinition all(String team) {
        return new StageDefinition(new TeamId(team), ApprovalMode.ALL);
    }

    /** The change that saves {@code r} again, enabled or not. */
    public static ApprovalRuleChange changeOf(ApprovalRuleDetails r, boolean enabled) {
        return new ApprovalRuleChange(r.name(), r.priority(), enabled, r.templateKeys(), r.endpointTypes(),
                r.accountIds(), r.regions(), r.teams(), r.policyChoices(), r.partner(), r.environment(),
                r.autoApprove(), r.stages());
    }
}
