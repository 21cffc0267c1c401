package io.vpcportal.sharing.web;

import io.vpcportal.sharing.HubSpoke;
import io.vpcportal.sharing.SharedEndpointDraft;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The "Share an interface endpoint" form: ids one per line (or separated by commas or spaces); spokes one per line
 * as {@code <account id> <vpc id>}.
 */
public class SharedEndpointForm {

    private String team;
    private String hubAccountId;
    private String region;
    private String hubVpcId;
    private String templateKey;
    private String subnetIds = "";
    private String securityGroupIds = "";
    private String spokes = "";
    private String title;
    private String justification;

    SharedEndpointDraft toDraft() {
        List<HubSpoke> parsed = new ArrayList<>();
        for (String line : (spokes == null ? "" : spokes).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("[\\s,]+");
            parsed.add(new HubSpoke(parts[0], parts.length > 1 ? parts[1] : null, null));
        }
        return new SharedEndpointDraft(team, hubAccountId, region, hubVpcId, templateKey, list(subnetIds),
                list(securityGroupIds), title, justification, parsed);
    }

    private static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
    }

    public String getTeam() { return team; }
    public void setTeam(String team) { this.team = team; }
    public String getHubAccountId() { return hubAccountId; }
    public void setHubAccountId(String hubAccountId) { this.hubAccountId = hubAccountId; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getHubVpcId() { return hubVpcId; }
    public void setHubVpcId(String hubVpcId) { this.hubVpcId = hubVpcId; }
    public String getTemplateKey() { return templateKey; }
    public void setTemplateKey(String templateKey) { this.templateKey = templateKey; }
    public String getSubnetIds() { return subnetIds; }
    public void setSubnetIds(String subnetIds) { this.subnetIds = subnetIds; }
    public String getSecurityGroupIds() { return securityGroupIds; }
    public void setSecurityGroupIds(String securityGroupIds) { this.securityGroupIds = securityGroupIds; }
    public String getSpokes() { return spokes; }
    public void setSpokes(String spokes) { this.spokes = spokes; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getJustification() { return justification; }
    public void setJustification(String justification) { this.justification = justification; }
}
