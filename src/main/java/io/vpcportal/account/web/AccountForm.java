package io.vpcportal.account.web;

import io.vpcportal.account.AccountChange;
import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountEnvironment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/** The HTML form to register or edit an AWS account. */
public class AccountForm {

    private String id;
    private String name;
    private String roleArn;
    private String externalId;
    private AccountEnvironment environment = AccountEnvironment.NON_PRODUCTION;
    private List<String> regions = new ArrayList<>();
    private List<String> teams = new ArrayList<>();
    private String organizationId;
    private String breakGlassPrincipalArns = "";

    static AccountForm of(AccountDetails account) {
        AccountForm form = new AccountForm();
        form.id = account.id();
        form.name = account.name();
        form.roleArn = account.roleArn();
        form.externalId = account.externalId();
        form.environment = account.environment();
        form.regions = new ArrayList<>(account.regions());
        form.teams = new ArrayList<>(account.teams());
        form.organizationId = account.organizationId();
        form.breakGlassPrincipalArns = String.join("\n", account.breakGlassPrincipalArns());
        return form;
    }

    AccountChange toChange() {
        return new AccountChange(name == null ? "" : name, roleArn, externalId, environment,
                new TreeSet<>(regions == null ? List.of() : regions), new TreeSet<>(teams == null ? List.of() : teams),
                organizationId, new TreeSet<>(lines(breakGlassPrincipalArns)));
    }

    /** One ARN a line (commas and spaces separate too). */
    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getRoleArn() { return roleArn; }
    public void setRoleArn(String roleArn) { this.roleArn = roleArn; }
    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId; }
    public AccountEnvironment getEnvironment() { return environment; }
    public void setEnvironment(AccountEnvironment environment) { this.environment = environment; }
    public List<String> getRegions() { return regions; }
    public void setRegions(List<String> regions) { this.regions = regions; }
    public List<String> getTeams() { return teams; }
    public void setTeams(List<String> teams) { this.teams = teams; }
    public String getOrganizationId() { return organizationId; }
    public void setOrganizationId(String organizationId) { this.organizationId = organizationId; }
    public String getBreakGlassPrincipalArns() { return breakGlassPrincipalArns; }
    public void setBreakGlassPrincipalArns(String breakGlassPrincipalArns) { this.breakGlassPrincipalArns = breakGlassPrincipalArns; }
}
