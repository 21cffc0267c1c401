package io.vpcportal.approval.web;

import io.vpcportal.approval.ApprovalMode;
import io.vpcportal.approval.ApprovalRuleChange;
import io.vpcportal.approval.ApprovalRuleDetails;
import io.vpcportal.approval.StageDefinition;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.shared.TeamId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The admin form for an approval rule. Lists are typed comma-separated; three stage rows are offered. */
public class ApprovalRuleForm {

    static final int STAGE_ROWS = 3;

    private String key;
    private String name;
    private int priority = 100;
    private boolean enabled = true;
    private String templateKeys = "";
    private List<String> endpointTypes = new ArrayList<>();
    private String accountIds = "";
    private String regions = "";
    private String teams = "";
    private List<String> policyChoices = new ArrayList<>();
    private String partner = "";
    private String environment = "";
    private boolean autoApprove;
    private List<StageRow> stages = new ArrayList<>();

    public ApprovalRuleForm() {
        while (stages.size() < STAGE_ROWS) {
            stages.add(new StageRow());
        }
    }

    static ApprovalRuleForm of(ApprovalRuleDetails r) {
        ApprovalRuleForm form = new ApprovalRuleForm();
        form.key = r.key();
        form.name = r.name();
        form.priority = r.priority();
        form.enabled = r.enabled();
        form.templateKeys = join(r.templateKeys());
        form.endpointTypes = r.endpointTypes() == null ? new ArrayList<>() : new ArrayList<>(r.endpointTypes());
        form.accountIds = join(r.accountIds());
        form.regions = join(r.regions());
        form.teams = join(r.teams());
        form.policyChoices = r.policyChoices() == null ? new ArrayList<>() : new ArrayList<>(r.policyChoices());
        form.partner = r.partner() == null ? "" : r.partner().toString();
        form.environment = r.environment() == null ? "" : r.environment();
        form.autoApprove = r.autoApprove();
        for (int i = 0; i < r.stages().size() && i < STAGE_ROWS; i++) {
            form.stages.get(i).setTeam(r.stages().get(i).approverTeam().value());
            form.stages.get(i).setMode(r.stages().get(i).mode());
        }
        return form;
    }

    ApprovalRuleChange toChange() {
        List<StageDefinition> definitions = stages.stream()
                .filter(s -> s.getTeam() != null && !s.getTeam().isBlank())
                .map(s -> {
                    if (!TeamId.isValid(s.getTeam())) {
                        throw new InvalidInputException("stages", "'" + s.getTeam() + "' is not a team");
                    }
                    return new StageDefinition(new TeamId(s.getTeam()), s.getMode() == null ? ApprovalMode.ANY : s.getMode());
                })
                .toList();
        return new ApprovalRuleChange(name, priority, enabled, split(templateKeys), set(endpointTypes),
                split(accountIds), split(regions), split(teams), set(policyChoices),
                partner == null || partner.isBlank() ? null : Boolean.valueOf(partner), environment, autoApprove,
                definitions);
    }

    private static String join(Set<String> values) {
        return values == null ? "" : String.join(", ", values);
    }

    private static Set<String> split(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return new LinkedHashSet<>(Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList());
    }

    private static Set<String> set(List<String> values) {
        return values == null || values.isEmpty() ? null : new LinkedHashSet<>(values);
    }

    /** One stage row. */
    public static class StageRow {
        private String team = "";
        private ApprovalMode mode = ApprovalMode.ANY;

        public String getTeam() { return team; }
        public void setTeam(String team) { this.team = team; }
        public ApprovalMode getMode() { return mode; }
        public void setMode(ApprovalMode mode) { this.mode = mode; }
    }

    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public int getPriority() { return priority; }
    public void setPriority(int priority) { this.priority = priority; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getTemplateKeys() { return templateKeys; }
    public void setTemplateKeys(String templateKeys) { this.templateKeys = templateKeys; }
    public List<String> getEndpointTypes() { return endpointTypes; }
    public void setEndpointTypes(List<String> endpointTypes) { this.endpointTypes = endpointTypes; }
    public String getAccountIds() { return accountIds; }
    public void setAccountIds(String accountIds) { this.accountIds = accountIds; }
    public String getRegions() { return regions; }
    public void setRegions(String regions) { this.regions = regions; }
    public String getTeams() { return teams; }
    public void setTeams(String teams) { this.teams = teams; }
    public List<String> getPolicyChoices() { return policyChoices; }
    public void setPolicyChoices(List<String> policyChoices) { this.policyChoices = policyChoices; }
    public String getPartner() { return partner; }
    public void setPartner(String partner) { this.partner = partner; }
    public String getEnvironment() { return environment; }
    public void setEnvironment(String environment) { this.environment = environment; }
    public boolean isAutoApprove() { return autoApprove; }
    public void setAutoApprove(boolean autoApprove) { this.autoApprove = autoApprove; }
    public List<StageRow> getStages() { return stages; }
    public void setStages(List<StageRow> stages) { this.stages = stages; }
}
