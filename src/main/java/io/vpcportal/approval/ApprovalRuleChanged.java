package io.vpcportal.approval;

/** An admin created a rule ({@code before} null) or saved a new version of it. */
public record ApprovalRuleChanged(String ruleKey, int version, String by, ApprovalRuleDetails before,
        ApprovalRuleDetails after) {
}
