package io.vpcportal.request.web;

import io.vpcportal.catalog.EndpointTemplateDetails;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestDraft;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The HTML request form: the request's own fields and one {@link ItemForm} per endpoint. {@code formToken}
 * is sent as the Idempotency-Key, so that a double click never creates two requests. The expected monthly GB is
 * given per endpoint ({@link ItemForm}); the request's total is their sum.
 */
public class EndpointRequestForm {

    private String formToken = UUID.randomUUID().toString();
    private String team;
    private String accountId;
    private String region;
    private String vpcId;
    private String title;
    private String justification;
    private BigDecimal expectedMonthlyGb;
    private String natGatewayId;
    private boolean natGatewayRemoved;
    private List<ItemForm> items = new ArrayList<>();
    private String addTemplate;

    static EndpointRequestForm of(RequestDetails stored) {
        EndpointRequestForm form = new EndpointRequestForm();
        form.team = stored.team();
        form.accountId = stored.accountId();
        form.region = stored.region();
        form.vpcId = stored.vpcId();
        form.title = stored.title();
        form.justification = stored.justification();
        form.natGatewayId = stored.natGatewayId();
        form.natGatewayRemoved = stored.natGatewayRemoved();
        stored.items().forEach(i -> form.items.add(ItemForm.of(i)));
        return form;
    }

    RequestDraft toDraft(Map<String, EndpointTemplateDetails> templates) {
        return new RequestDraft(team, accountId, region, vpcId, title, justification, expectedMonthlyGb,
                natGatewayId, items.stream().map(i -> i.toDraft(templates.get(i.getTemplateKey()))).toList(),
                natGatewayRemoved);
    }

    public String getFormToken() { return formToken; }
    public void setFormToken(String formToken) { this.formToken = formToken; }
    public String getTeam() { return team; }
    public void setTeam(String team) { this.team = team; }
    public String getAccountId() { return accountId; }
    public void setAccountId(String accountId) { this.accountId = accountId; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getVpcId() { return vpcId; }
    public void setVpcId(String vpcId) { this.vpcId = vpcId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getJustification() { return justification; }
    public void setJustification(String justification) { this.justification = justification; }
    public BigDecimal getExpectedMonthlyGb() { return expectedMonthlyGb; }
    public void setExpectedMonthlyGb(BigDecimal expectedMonthlyGb) { this.expectedMonthlyGb = expectedMonthlyGb; }
    public String getNatGatewayId() { return natGatewayId; }
    public void setNatGatewayId(String natGatewayId) { this.natGatewayId = natGatewayId; }
    public boolean isNatGatewayRemoved() { return natGatewayRemoved; }
    public void setNatGatewayRemoved(boolean natGatewayRemoved) { this.natGatewayRemoved = natGatewayRemoved; }
    public List<ItemForm> getItems() { return items; }
    public void setItems(List<ItemForm> items) { this.items = items; }
    public String getAddTemplate() { return addTemplate; }
    public void setAddTemplate(String addTemplate) { this.addTemplate = addTemplate; }
}
