package io.vpcportal.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One endpoint of a request, before validation. Null lists mean "not given".
 *
 * @param expectedMonthlyGb GB per month this endpoint will carry instead of the NAT gateway; {@code null}: not given
 */
public record ItemDraft(String templateKey, List<String> routeTableIds, List<String> subnetIds,
        List<String> securityGroupIds, Boolean privateDns, String policyChoice, List<String> bucketNames,
        List<String> tableNames, String serviceRegion, String customPolicy, Map<String, String> tags,
        @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal expectedMonthlyGb) {

    /** An item without its own monthly GB. */
    public ItemDraft(String templateKey, List<String> routeTableIds, List<String> subnetIds,
            List<String> securityGroupIds, Boolean privateDns, String policyChoice, List<String> bucketNames,
            List<String> tableNames, String serviceRegion, String customPolicy, Map<String, String> tags) {
        this(templateKey, routeTableIds, subnetIds, securityGroupIds, privateDns, policyChoice, bucketNames,
                tableNames, serviceRegion, customPolicy, tags, null);
    }

    public ItemDraft {
        routeTableIds = routeTableIds == null ? List.of() : routeTableIds;
        subnetIds = subnetIds == null ? List.of() : subnetIds;
        securityGroupIds = securityGroupIds == null ? List.of() : securityGroupIds;
        bucketNames = bucketNames == null ? List.of() : bucketNames;
        tableNames = tableNames == null ? List.of() : tableNames;
        tags = tags == null ? Map.of() : tags;
    }
}
