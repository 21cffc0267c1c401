package io.vpcportal.diagram.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of the request form a diagram needs, bound from the same htmx post as the policy preview and the cost
 * panel (the form's other fields are ignored).
 */
public class PlanForm {

    private String accountId;
    private String region;
    private String vpcId;
    private BigDecimal expectedMonthlyGb;
    private List<Item> items = new ArrayList<>();

    /** One endpoint of the form. */
    public static class Item {
        private String templateKey;
        private String routeTableIds = "";
        private String subnetIds = "";
        private String securityGroupIds = "";
        private String serviceRegion = "";
        private String expectedMonthlyGb = "";

        public String getTemplateKey() { return templateKey; }
        public void setTemplateKey(String templateKey) { this.templateKey = templateKey; }
        public String getRouteTableIds() { return routeTableIds; }
        public void setRouteTableIds(String routeTableIds) { this.routeTableIds = routeTableIds; }
        public String getSubnetIds() { return subnetIds; }
        public void setSubnetIds(String subnetIds) { this.subnetIds = subnetIds; }
        public String getSecurityGroupIds() { return securityGroupIds; }
        public void setSecurityGroupIds(String securityGroupIds) { this.securityGroupIds = securityGroupIds; }
        public String getServiceRegion() { return serviceRegion; }
        public void setServiceRegion(String serviceRegion) { this.serviceRegion = serviceRegion; }
        /** As typed: the preview draws what parses and leaves validation to the form. */
        public String getExpectedMonthlyGb() { return expectedMonthlyGb; }
        public void setExpectedMonthlyGb(String expectedMonthlyGb) { this.expectedMonthlyGb = expectedMonthlyGb; }
    }

    public String getAccountId() { return accountId; }
    public void setAccountId(String accountId) { this.accountId = accountId; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getVpcId() { return vpcId; }
    public void setVpcId(String vpcId) { this.vpcId = vpcId; }
    public BigDecimal getExpectedMonthlyGb() { return expectedMonthlyGb; }
    public void setExpectedMonthlyGb(BigDecimal expectedMonthlyGb) { this.expectedMonthlyGb = expectedMonthlyGb; }
    public List<Item> getItems() { return items; }
    public void setItems(List<Item> items) { this.items = items; }
}
