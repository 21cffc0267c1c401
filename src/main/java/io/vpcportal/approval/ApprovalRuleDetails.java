package io.vpcportal.approval;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One version of an approval rule. Null criteria match anything. An item matches when every non-null
 * criterion holds; the first matching rule (lowest priority number) decides the item.
 */
public record ApprovalRuleDetails(String key, int version, String name, int priority, boolean enabled,
        Set<String> templateKeys, Set<String> endpointTypes, Set<String> accountIds, Set<String> regions,
        Set<String> teams, Set<String> policyChoices, Boolean partner, String environment, boolean autoApprove,
        List<StageDefinition> stages, Instant createdAt, String createdBy) {
}
