package io.vpcportal.diagram;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Endpoints planned for a VPC, from a stored request or from the request form before it is saved: what the
 * "after" view adds and the "before" view shows reached through NAT today.
 *
 * @param requestId the stored request, or null for an unsaved form
 * @param key       what planned element ids carry: the request id's first 8 characters, or {@code form}
 * @param totalGb   the request's expected GB per month, or null
 */
public record PlannedEndpoints(UUID requestId, String key, String accountId, String region, String vpcId, BigDecimal totalGb,
        List<Item> items) {

    /**
     * One planned endpoint.
     *
     * @param gb the item's own expected GB per month, or null when only the request's total is known
     */
    public record Item(int position, String endpointType, String serviceName, List<String> routeTableIds,
            List<String> subnetIds, List<String> securityGroupIds, BigDecimal gb) {
    }

    /** Whether every item has its own GB figure (then the request's total is not shown on its own). */
    public boolean perItemGb() {
        return !items.isEmpty() && items.stream().allMatch(i -> i.gb() != null);
    }
}
