package io.vpcportal.request;

import java.util.List;
import java.util.Map;

/**
 * A change to one endpoint of an active request, before any rule has been checked: the new network and policy
 * settings of the item at {@code position} (0 when null). A null property keeps the value in force.
 *
 * @param tags the item's own tags (never {@code aws:} or {@code portal:} ones): only a reconcile restores them
 */
public record ChangeDraft(Integer position, List<String> routeTableIds, List<String> subnetIds,
        List<String> securityGroupIds, Boolean privateDns, String policyChoice, List<String> bucketNames,
        List<String> tableNames, String customPolicy, String justification, Map<String, String> tags) {

    public ChangeDraft(Integer position, List<String> routeTableIds, List<String> subnetIds,
            List<String> securityGroupIds, Boolean privateDns, String policyChoice, List<String> bucketNames,
            List<String> tableNames, String customPolicy, String justification) {
        this(position, routeTableIds, subnetIds, securityGroupIds, privateDns, policyChoice, bucketNames, tableNames,
                customPolicy, justification, null);
    }
}
