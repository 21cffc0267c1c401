package io.vpcportal.organization.web;

import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.organization.OrganizationSource;
import io.vpcportal.platform.FieldViolation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The organization source form: OUs one a line, the OU table as "ou-id = team" lines. */
public class OrganizationForm {

    private String roleArn;
    private String externalId;
    private String includeOus = "";
    private String skipOus = "";
    private String memberRolePattern = "arn:aws:iam::{accountId}:role/vpc-endpoint-portal";
    private List<String> regions = new ArrayList<>();
    private AccountEnvironment environment = AccountEnvironment.NON_PRODUCTION;
    private String teamTagKey;
    private String ouTeams = "";

    static OrganizationForm of(OrganizationSource s) {
        OrganizationForm form = new OrganizationForm();
        form.roleArn = s.roleArn();
        form.externalId = s.externalId();
        form.includeOus = String.join("\n", s.includeOus());
        form.skipOus = String.join("\n", s.skipOus());
        form.memberRolePattern = s.memberRolePattern();
        form.regions = new ArrayList<>(s.regions());
        form.environment = s.environment();
        form.teamTagKey = s.teamTagKey();
        form.ouTeams = new TreeMap<>(s.ouTeams()).entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n"));
        return form;
    }

    /** The source, or the line of the OU table that is not "ou-id = team". */
    OrganizationSource toSource(List<FieldViolation> violations) {
        Map<String, String> table = new LinkedHashMap<>();
        for (String line : ouTeams == null ? new String[0] : ouTeams.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                violations.add(new FieldViolation("ouTeams", "'" + line.strip() + "' is not of the form ou-id = team"));
                break;
            }
            table.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return new OrganizationSource(roleArn, externalId, lines(includeOus), lines(skipOus), memberRolePattern,
                regions == null ? List.of() : regions, environment, teamTagKey, table, null, null);
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    public String getRoleArn() { return roleArn; }
    public void setRoleArn(String roleArn) { this.roleArn = roleArn; }
    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId; }
    public String getIncludeOus() { return includeOus; }
    public void setIncludeOus(String includeOus) { this.includeOus = includeOus; }
    public String getSkipOus() { return skipOus; }
    public void setSkipOus(String skipOus) { this.skipOus = skipOus; }
    public String getMemberRolePattern() { return memberRolePattern; }
    public void setMemberRolePattern(String memberRolePattern) { this.memberRolePattern = memberRolePattern; }
    public List<String> getRegions() { return regions; }
    public void setRegions(List<String> regions) { this.regions = regions; }
    public AccountEnvironment getEnvironment() { return environment; }
    public void setEnvironment(AccountEnvironment environment) { this.environment = environment; }
    public String getTeamTagKey() { return teamTagKey; }
    public void setTeamTagKey(String teamTagKey) { this.teamTagKey = teamTagKey; }
    public String getOuTeams() { return ouTeams; }
    public void setOuTeams(String ouTeams) { this.ouTeams = ouTeams; }
}
