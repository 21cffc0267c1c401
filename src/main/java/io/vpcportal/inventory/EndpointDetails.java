package io.vpcportal.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An endpoint with everything EC2 said about it, and its drift from what was approved when it is managed. */
public record EndpointDetails(EndpointSummary summary, boolean privateDns, String policy, List<String> routeTableIds,
        List<String> subnetIds, List<String> securityGroupIds, List<String> networkInterfaceIds,
        List<String> dnsEntries, Map<String, String> tags, Instant createdInAws, Instant firstSeenAt,
        int missedSyncs, DriftReport drift) {
}
