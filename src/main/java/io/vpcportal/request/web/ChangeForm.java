package io.vpcportal.request.web;

import io.vpcportal.request.ChangeDraft;
import io.vpcportal.request.RequestDetails;
import java.util.Arrays;
import java.util.List;

/**
 * The "Request a change" form of one endpoint: ids and bucket or table names one per line (or separated by
 * commas or spaces), prefilled with the state in force. Every field is sent, so what the form shows is the
 * state asked for.
 */
public class ChangeForm {

    private int position;
    private String routeTableIds = "";
    private String subnetIds = "";
    private String securityGroupIds = "";
    private boolean privateDns;
    private String policyChoice;
    private String bucketNames = "";
    private String tableNames = "";
    private String customPolicy;
    private String justification;

    static ChangeForm of(RequestDetails.ItemDetails item) {
        ChangeForm form = new ChangeForm();
        form.position = item.position();
        form.routeTableIds = String.join("\n", item.routeTableIds());
        form.subnetIds = String.join("\n", item.subnetIds());
        form.securityGroupIds = String.join("\n", item.securityGroupIds());
        form.privateDns = item.privateDns();
        form.policyChoice = item.policyChoice();
        form.bucketNames = String.join("\n", item.bucketNames());
        form.tableNames = String.join("\n", item.tableNames());
        form.customPolicy = item.customPolicy();
        return form;
    }

    ChangeDraft toDraft() {
        return new ChangeDraft(position, list(routeTableIds), list(subnetIds), list(securityGroupIds), privateDns,
                policyChoice, list(bucketNames), list(tableNames), customPolicy, justification);
    }

    private static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
    }

    public int getPosition() { return position; }
    public void setPosition(int position) { this.position = position; }
    public String getRouteTableIds() { return routeTableIds; }
    public void setRouteTableIds(String routeTableIds) { this.routeTableIds = routeTableIds; }
    public String getSubnetIds() { return subnetIds; }
    public void setSubnetIds(String subnetIds) { this.subnetIds = subnetIds; }
    public String getSecurityGroupIds() { return securityGroupIds; }
    public void setSecurityGroupIds(String securityGroupIds) { this.securityGroupIds = securityGroupIds; }
    public boolean isPrivateDns() { return privateDns; }
    public void setPrivateDns(boolean privateDns) { this.privateDns = privateDns; }
    public String getPolicyChoice() { return policyChoice; }
    public void setPolicyChoice(String policyChoice) { this.policyChoice = policyChoice; }
    public String getBucketNames() { return bucketNames; }
    public void setBucketNames(String bucketNames) { this.bucketNames = bucketNames; }
    public String getTableNames() { return tableNames; }
    public void setTableNames(String tableNames) { this.tableNames = tableNames; }
    public String getCustomPolicy() { return customPolicy; }
    public void setCustomPolicy(String customPolicy) { this.customPolicy = customPolicy; }
    public String getJustification() { return justification; }
    public void setJustification(String justification) { this.justification = justification; }
}
