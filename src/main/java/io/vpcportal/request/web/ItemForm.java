package io.vpcportal.request.web;

import io.vpcportal.catalog.EndpointTemplateDetails;
import io.vpcportal.catalog.TemplateField;
import io.vpcportal.request.ItemDraft;
import io.vpcportal.request.RequestDetails;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One endpoint in the HTML request form. Id lists are typed as text (commas, spaces or new lines between
 * ids) and tags as {@code key=value} lines.
 */
public class ItemForm {

    private String templateKey;
    private String routeTableIds = "";
    private String subnetIds = "";
    private String securityGroupIds = "";
    private boolean privateDns;
    private String policyChoice;
    private String bucketNames = "";
    private String tableNames = "";
    private String serviceRegion = "";
    private String customPolicy = "";
    private String tags = "";
    private BigDecimal expectedMonthlyGb;

    public ItemForm() {
    }

    /** A new item with the template's defaults. */
    static ItemForm from(EndpointTemplateDetails template) {
        ItemForm item = new ItemForm();
        item.templateKey = template.key();
        item.policyChoice = template.defaultPolicy().key();
        item.privateDns = template.field("privateDns").map(TemplateField::defaultValue).map("true"::equals).orElse(false);
        return item;
    }

    /** The form of an item already stored, to edit it. */
    static ItemForm of(RequestDetails.ItemDetails stored) {
        ItemForm item = new ItemForm();
        item.templateKey = stored.templateKey();
        item.routeTableIds = String.join(", ", stored.routeTableIds());
        item.subnetIds = String.join(", ", stored.subnetIds());
        item.securityGroupIds = String.join(", ", stored.securityGroupIds());
        item.privateDns = stored.privateDns();
        item.policyChoice = stored.policyChoice();
        item.bucketNames = String.join(", ", stored.bucketNames());
        item.tableNames = String.join(", ", stored.tableNames());
        item.serviceRegion = stored.serviceRegion() == null ? "" : stored.serviceRegion();
        item.customPolicy = stored.customPolicy() == null ? "" : stored.customPolicy();
        item.tags = stored.tags().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        item.expectedMonthlyGb = stored.expectedMonthlyGb() == null ? null
                : stored.expectedMonthlyGb().stripTrailingZeros();
        return item;
    }

    ItemDraft toDraft(EndpointTemplateDetails template) {
        boolean offersPrivateDns = template != null && template.hasField("privateDns");
        return new ItemDraft(templateKey, split(routeTableIds), split(subnetIds), split(securityGroupIds),
                offersPrivateDns ? privateDns : null, policyChoice, split(bucketNames), split(tableNames),
                serviceRegion, customPolicy, parseTags(tags), expectedMonthlyGb);
    }

    static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    /** Lines of key=value; a line without '=' becomes a tag with an empty value. */
    static Map<String, String> parseTags(String text) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (text == null) {
            return tags;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            tags.put((eq < 0 ? line : line.substring(0, eq)).strip(), eq < 0 ? "" : line.substring(eq + 1).strip());
        }
        return tags;
    }

    public String getTemplateKey() { return templateKey; }
    public void setTemplateKey(String templateKey) { this.templateKey = templateKey; }
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
    public String getServiceRegion() { return serviceRegion; }
    public void setServiceRegion(String serviceRegion) { this.serviceRegion = serviceRegion; }
    public String getCustomPolicy() { return customPolicy; }
    public void setCustomPolicy(String customPolicy) { this.customPolicy = customPolicy; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    public BigDecimal getExpectedMonthlyGb() { return expectedMonthlyGb; }
    public void setExpectedMonthlyGb(BigDecimal expectedMonthlyGb) { this.expectedMonthlyGb = expectedMonthlyGb; }
}
