package io.vpcportal.approval;

import io.vpcportal.approval.internal.ApprovalRule;
import io.vpcportal.approval.internal.ApprovalRuleRepository;
import io.vpcportal.approval.internal.RuleStage;
import io.vpcportal.catalog.EndpointType;
import io.vpcportal.catalog.PolicyChoice;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.platform.TextRules;
import io.vpcportal.shared.AwsAccountId;
import io.vpcportal.shared.AwsRegion;
import io.vpcportal.shared.TeamId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admins' approval rules: each edit is a new version; the newest enabled version of each rule applies. */
@Service
@Transactional
public class ApprovalRules {

    private static final Set<String> ENVIRONMENTS = Set.of("PRODUCTION", "NON_PRODUCTION");

    private final ApprovalRuleRepository rules;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApprovalRules(ApprovalRuleRepository rules, IdentityManagement identity, ApplicationEventPublisher events,
            Clock clock) {
        this.rules = rules;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ApprovalRuleDetails> current() {
        return rules.findLatestVersions().stream().map(ApprovalRules::details).toList();
    }

    @Transactional(readOnly = true)
    public ApprovalRuleDetails get(String key) {
        return rules.findFirstByKeyOrderByVersionDesc(key).map(ApprovalRules::details)
                .orElseThrow(() -> new NotFoundException("No approval rule '" + key + "'"));
    }

    @Transactional(readOnly = true)
    public List<ApprovalRuleDetails> history(String key) {
        return rules.findByKeyOrderByVersionDesc(key).stream().map(ApprovalRules::details).toList();
    }

    public ApprovalRuleDetails create(String key, ApprovalRuleChange change, String by) {
        if (key == null || !key.matches("[a-z0-9][a-z0-9-]{1,63}")) {
            throw new InvalidInputException("key", "must be 2 to 64 lowercase letters, digits or dashes");
        }
        if (rules.findFirstByKeyOrderByVersionDesc(key).isPresent()) {
            throw new ConflictException("An approval rule '" + key + "' already exists");
        }
        ApprovalRuleDetails created = save(key, 1, change, by);
        events.publishEvent(new ApprovalRuleChanged(key, 1, by, null, created));
        return created;
    }

    public ApprovalRuleDetails update(String key, ApprovalRuleChange change, String by) {
        ApprovalRule previous = rules.findFirstByKeyOrderByVersionDesc(key)
                .orElseThrow(() -> new NotFoundException("No approval rule '" + key + "'"));
        ApprovalRuleDetails saved = save(key, previous.version() + 1, change, by);
        events.publishEvent(new ApprovalRuleChanged(key, saved.version(), by, details(previous), saved));
        return saved;
    }

    private ApprovalRuleDetails save(String key, int version, ApprovalRuleChange c, String by) {
        validate(c);
        List<RuleStage> stages = new ArrayList<>();
        for (int i = 0; i < c.stages().size(); i++) {
            stages.add(new RuleStage(i + 1, c.stages().get(i).approverTeam().value(), c.stages().get(i).mode()));
        }
        return details(rules.save(new ApprovalRule(key, version, c.name().strip(), c.priority(), c.enabled(),
                array(c.templateKeys()), array(c.endpointTypes()), array(c.accountIds()), array(c.regions()),
                array(c.teams()), array(c.policyChoices()), c.partner(), blankToNull(c.environment()), c.autoApprove(),
                stages, by, clock.instant())));
    }

    private void validate(ApprovalRuleChange c) {
        List<FieldViolation> v = new ArrayList<>();
        if (c.name() == null || c.name().isBlank() || c.name().length() > 120
                || TextRules.containsNul(c.name())) {
            v.add(new FieldViolation("name", "must be 1 to 120 characters"));
        }
        if (c.priority() < 0 || c.priority() > 100000) {
            v.add(new FieldViolation("priority", "must be between 0 and 100000"));
        }
        each(v, "templateKeys", c.templateKeys(), k -> k.matches("[a-z0-9][a-z0-9-]{1,63}"), "are template keys");
        each(v, "endpointTypes", c.endpointTypes(),
                t -> Arrays.stream(EndpointType.values()).anyMatch(e -> e.name().equals(t)),
                "are Gateway, Interface or GatewayLoadBalancer");
        each(v, "accountIds", c.accountIds(), AwsAccountId::isValid, "are 12-digit account ids");
        each(v, "regions", c.regions(), AwsRegion::isKnown, "are AWS regions");
        each(v, "teams", c.teams(), t -> TeamId.isValid(t) && identity.teamExists(new TeamId(t)), "are teams");
        each(v, "policyChoices", c.policyChoices(), p -> PolicyChoice.fromKey(p).isPresent(), "are policy choices");
        if (c.environment() != null && !c.environment().isBlank() && !ENVIRONMENTS.contains(c.environment())) {
            v.add(new FieldViolation("environment", "must be PRODUCTION or NON_PRODUCTION"));
        }
        List<StageDefinition> stages = c.stages() == null ? List.of() : c.stages();
        if (c.autoApprove() && !stages.isEmpty()) {
            v.add(new FieldViolation("stages", "an automatic approval has no stages"));
        }
        if (!c.autoApprove() && stages.isEmpty()) {
            v.add(new FieldViolation("stages", "must name at least one approver team, or approve automatically"));
        }
        if (stages.size() > 5) {
            v.add(new FieldViolation("stages", "must be at most 5"));
        }
        Set<String> seen = new TreeSet<>();
        for (StageDefinition s : stages) {
            if (s == null || s.approverTeam() == null || s.mode() == null) {
                v.add(new FieldViolation("stages", "each needs an approver team and a mode (ANY or ALL)"));
            } else if (!identity.teamExists(s.approverTeam())) {
                v.add(new FieldViolation("stages", "'" + s.approverTeam() + "' is not a team"));
            } else if (!seen.add(s.approverTeam().value())) {
                v.add(new FieldViolation("stages", "names team " + s.approverTeam() + " twice"));
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    private static void each(List<FieldViolation> v, String field, Set<String> values, Predicate<String> ok,
            String what) {
        if (values == null) {
            return;
        }
        values.stream().filter(x -> x == null || !ok.test(x)).findFirst().ifPresent(bad ->
                v.add(new FieldViolation(field, "must list values that " + what + "; '" + bad + "' is not")));
    }

    private static String[] array(Set<String> values) {
        return values == null || values.isEmpty() ? null : new TreeSet<>(values).toArray(String[]::new);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.toUpperCase(Locale.ROOT);
    }

    private static Set<String> set(String[] values) {
        return values == null ? null : new TreeSet<>(Arrays.asList(values));
    }

    static ApprovalRuleDetails details(ApprovalRule r) {
        return new ApprovalRuleDetails(r.key(), r.version(), r.name(), r.priority(), r.enabled(), set(r.templateKeys()),
                set(r.endpointTypes()), set(r.accountIds()), set(r.regions()), set(r.teams()), set(r.policyChoices()),
                r.partner(), r.environment(), r.autoApprove(),
                r.stages().stream().map(s -> new StageDefinition(new TeamId(s.approverTeam()), s.mode())).toList(),
                r.createdAt(), r.createdBy());
    }
}
