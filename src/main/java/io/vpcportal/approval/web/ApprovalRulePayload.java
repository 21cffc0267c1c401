package io.vpcportal.approval.web;

import io.vpcportal.approval.ApprovalMode;
import io.vpcportal.approval.ApprovalRuleChange;
import io.vpcportal.approval.StageDefinition;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.shared.TeamId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;

/** JSON body to create ({@code key} required) or edit an approval rule. Absent criteria match anything. */
record ApprovalRulePayload(
        @Size(max = 64) String key,
        @Size(max = 120) String name,
        @NotNull(message = "must be a number; lower numbers are tried first")
        @Min(value = -1_000_000, message = "must be between -1000000 and 1000000")
        @Max(value = 1_000_000, message = "must be between -1000000 and 1000000") Integer priority,
        Boolean enabled,
        @Size(max = 50) Set<@NotNull(message = "must not hold null") @Size(max = 64) String> templateKeys,
        @Size(max = 3) Set<@NotNull(message = "must not hold null") @Size(max = 30) String> endpointTypes,
        @Size(max = 100) Set<@NotNull(message = "must not hold null") @Size(max = 12) String> accountIds,
        @Size(max = 40) Set<@NotNull(message = "must not hold null") @Size(max = 20) String> regions,
        @Size(max = 100) Set<@NotNull(message = "must not hold null") @Size(max = 40) String> teams,
        @Size(max = 6) Set<@NotNull(message = "must not hold null") @Size(max = 30) String> policyChoices,
        Boolean partner,
        @Size(max = 20) String environment,
        Boolean autoApprove,
        @Size(max = 5) List<@NotNull(message = "must not hold null") @Valid Stage> stages) {

    record Stage(@Size(max = 40) String approverTeam, ApprovalMode mode) {
    }

    ApprovalRuleChange toChange() {
        List<StageDefinition> definitions = stages == null ? List.of() : stages.stream().map(s -> {
            if (s == null || s.approverTeam() == null || !TeamId.isValid(s.approverTeam())) {
                throw new InvalidInputException("stages", "each needs an approverTeam (a team key) and a mode (ANY or ALL)");
            }
            return new StageDefinition(new TeamId(s.approverTeam()), s.mode() == null ? ApprovalMode.ANY : s.mode());
        }).toList();
        return new ApprovalRuleChange(name, priority, enabled == null || enabled, templateKeys, endpointTypes,
                accountIds, regions, teams, policyChoices, partner, environment, Boolean.TRUE.equals(autoApprove),
                definitions);
    }
}
