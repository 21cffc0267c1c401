package io.vpcportal.approval.internal;

import io.vpcportal.approval.ApprovalMode;
import io.vpcportal.approval.StageDefinition;
import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.catalog.CatalogManagement;
import io.vpcportal.catalog.EndpointTemplateDetails;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestDetails.ItemDetails;
import io.vpcportal.shared.TeamId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Decides who must approve a request. Each item is matched against the enabled rules in priority order and
 * the first match decides it; the request needs the union of its items' stages, in rule order, and is
 * approved automatically only when every item's rule says so.
 */
@Component
public class ApprovalRouting {

    /** The outcome: automatic approval, or the ordered stages, and the names of the rules that decided. */
    public record Route(boolean automatic, List<StageDefinition> stages, List<String> rules) {
    }

    private final ApprovalRuleRepository rules;
    private final CatalogManagement catalog;
    private final AccountManagement accounts;
    private final ApprovalProperties properties;

    ApprovalRouting(ApprovalRuleRepository rules, CatalogManagement catalog, AccountManagement accounts,
            ApprovalProperties properties) {
        this.rules = rules;
        this.catalog = catalog;
        this.accounts = accounts;
        this.properties = properties;
    }

    public Route route(RequestDetails request) {
        List<ApprovalRule> enabled = rules.findLatestVersions().stream().filter(ApprovalRule::enabled).toList();
        String environment = accounts.find(request.accountId()).map(AccountDetails::environment)
                .map(Enum::name).orElse("PRODUCTION");
        boolean automatic = true;
        List<ApprovalRule> matched = new ArrayList<>();
        boolean fallback = false;
        for (ItemDetails item : request.items()) {
            boolean partner = catalog.version(item.templateKey(), item.templateVersion())
                    .map(EndpointTemplateDetails::partner).orElse(false);
            ApprovalRule rule = enabled.stream()
                    .filter(r -> matches(r, request, item, partner, environment))
                    .findFirst().orElse(null);
            if (rule == null) {
                fallback = true;
                automatic = false;
                continue;
            }
            if (!matched.contains(rule)) {
                matched.add(rule);
            }
            automatic &= rule.autoApprove();
        }
        if (automatic && !request.items().isEmpty()) {
            return new Route(true, List.of(), matched.stream().map(ApprovalRule::name).toList());
        }
        Map<String, ApprovalMode> stages = new LinkedHashMap<>();
        matched.stream().sorted((a, b) -> Integer.compare(a.priority(), b.priority()))
                .filter(r -> !r.autoApprove())
                .flatMap(r -> r.stages().stream())
                .forEach(s -> stages.merge(s.approverTeam(), s.mode(),
                        (a, b) -> a == ApprovalMode.ALL || b == ApprovalMode.ALL ? ApprovalMode.ALL : ApprovalMode.ANY));
        List<String> names = new ArrayList<>(matched.stream().filter(r -> !r.autoApprove()).map(ApprovalRule::name).toList());
        if (fallback) {
            stages.putIfAbsent(properties.fallbackTeam(), ApprovalMode.ANY);
            names.add("No rule matched: " + properties.fallbackTeam() + " decides");
        }
        return new Route(false, stages.entrySet().stream()
                .map(e -> new StageDefinition(new TeamId(e.getKey()), e.getValue())).toList(), names);
    }

    static boolean matches(ApprovalRule r, RequestDetails request, ItemDetails item, boolean partner,
            String environment) {
        return in(r.templateKeys(), item.templateKey())
                && in(r.endpointTypes(), item.endpointType())
                && in(r.accountIds(), request.accountId())
                && in(r.regions(), request.region())
                && in(r.teams(), request.team())
                && in(r.policyChoices(), item.policyChoice())
                && (r.partner() == null || r.partner() == partner)
                && (r.environment() == null || r.environment().equals(environment));
    }

    private static boolean in(String[] allowed, String value) {
        return allowed == null || allowed.length == 0 || Arrays.asList(allowed).contains(value);
    }
}
