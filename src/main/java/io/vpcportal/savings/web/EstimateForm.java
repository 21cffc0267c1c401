package io.vpcportal.savings.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of the request form that an estimate needs, bound from the same htmx post as the policy preview
 * (other fields of the form are ignored).
 */
public class EstimateForm {

    private String region;
    private BigDecimal expectedMonthlyGb;
    private String natGatewayId;
    private boolean natGatewayRemoved;
    private List<Item> items = new ArrayList<>();

    /** One endpoint of the form. */
    public static class Item {
        private String templateKey;
        private String subnetIds = "";
        private BigDecimal expectedMonthlyGb;
        private String serviceRegion = "";

        public String getServiceRegion() { return serviceRegion; }
        public void setServiceRegion(String serviceRegion) { this.serviceRegion = serviceRegion; }
        public String getTemplateKey() { return templateKey; }
        public void setTemplateKey(String templateKey) { this.templateKey = templateKey; }
        public String getSubnetIds() { return subnetIds; }
        public void setSubnetIds(String subnetIds) { this.subnetIds = subnetIds; }
        public BigDecimal getExpectedMonthlyGb() { return expectedMonthlyGb; }
        public void setExpectedMonthlyGb(BigDecimal expectedMonthlyGb) { this.expectedMonthlyGb = expectedMonthlyGb; }
    }

    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public BigDecimal getExpectedMonthlyGb() { return expectedMonthlyGb; }
    public void setExpectedMonthlyGb(BigDecimal expectedMonthlyGb) { this.expectedMonthlyGb = expectedMonthlyGb; }
    public String getNatGatewayId() { return natGatewayId; }
    public void setNatGatewayId(String natGatewayId) { this.natGatewayId = natGatewayId; }
    public boolean isNatGatewayRemoved() { return natGatewayRemoved; }
    public void setNatGatewayRemoved(boolean natGatewayRemoved) { this.natGatewayRemoved = natGatewayRemoved; }
    public List<Item> getItems() { return items; }
    public void setItems(List<Item> items) { this.items = items; }
}
