package io.vpcportal.approval;

import java.util.List;
import java.util.Set;

/** What an admin sets on a rule; saved as the rule's next version. */
public record ApprovalRuleChange(String name, int priority, boolean enabled, Set<String> templateKeys,
        Set<String> endpointTypes, Set<String> accountIds, Set<String> regions, Set<String> teams,
        Set<String> policyChoices, Boolean partner, String environment, boolean autoApprove,
        List<StageDefinition> stages) {
}
