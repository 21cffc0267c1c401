package io.vpcportal.request;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.UUID;

/**
 * A request with its items and timeline, as pages and the API show it. A change request ({@code kind} CHANGE)
 * names the request it changes and the position of the item there; it has one item, the new state. An adoption
 * names the endpoint it takes over ({@code adoptsEndpointId}) instead of creating one.
 *
 * @param expectedMonthlyGb the request's GB per month through its endpoints: the sum of its items' figures
 * @param natGatewayRemoved the requester says the NAT gateway will be removed once the endpoints exist
 */
public record RequestDetails(UUID id, String title, RequestStatus status, String requester, String team,
        String accountId, String region, String vpcId, String justification, BigDecimal expectedMonthlyGb,
        String natGatewayId, Instant createdAt, Instant updatedAt, Instant submittedAt, List<ItemDetails> items,
        List<TimelineDetails> timeline, RequestKind kind, UUID changeOf, Integer changePosition,
        boolean natGatewayRemoved, String adoptsEndpointId) {

    /** A request without the NAT removal flag (as before it existed). */
    public RequestDetails(UUID id, String title, RequestStatus status, String requester, String team,
            String accountId, String region, String vpcId, String justification, BigDecimal expectedMonthlyGb,
            String natGatewayId, Instant createdAt, Instant updatedAt, Instant submittedAt, List<ItemDetails> items,
            List<TimelineDetails> timeline, RequestKind kind, UUID changeOf, Integer changePosition) {
        this(id, title, status, requester, team, accountId, region, vpcId, justification, expectedMonthlyGb,
                natGatewayId, createdAt, updatedAt, submittedAt, items, timeline, kind, changeOf, changePosition, false,
                null);
    }

    /** A request for new endpoints. */
    public RequestDetails(UUID id, String title, RequestStatus status, String requester, String team,
            String accountId, String region, String vpcId, String justification, BigDecimal expectedMonthlyGb,
            String natGatewayId, Instant createdAt, Instant updatedAt, Instant submittedAt, List<ItemDetails> items,
            List<TimelineDetails> timeline) {
        this(id, title, status, requester, team, accountId, region, vpcId, justification, expectedMonthlyGb,
                natGatewayId, createdAt, updatedAt, submittedAt, items, timeline, RequestKind.NEW, null, null, false, null);
    }

    public boolean isChange() {
        return kind == RequestKind.CHANGE;
    }

    /** Does it take over an existing endpoint (an adoption) instead of creating one? */
    public boolean isAdoption() {
        return adoptsEndpointId != null;
    }

    /** One endpoint; {@code expectedMonthlyGb}: its GB per month instead of the NAT gateway, {@code null} if not given. */
    public record ItemDetails(int position, String templateKey, int templateVersion, String endpointType,
            String serviceName, String serviceRegion, List<String> routeTableIds, List<String> subnetIds,
            List<String> securityGroupIds, boolean privateDns, String policyChoice, List<String> bucketNames,
            List<String> tableNames, String customPolicy, SortedMap<String, String> tags,
            BigDecimal expectedMonthlyGb) {

        /** An item without its own monthly GB. */
        public ItemDetails(int position, String templateKey, int templateVersion, String endpointType,
                String serviceName, String serviceRegion, List<String> routeTableIds, List<String> subnetIds,
                List<String> securityGroupIds, boolean privateDns, String policyChoice, List<String> bucketNames,
                List<String> tableNames, String customPolicy, SortedMap<String, String> tags) {
            this(position, templateKey, templateVersion, endpointType, serviceName, serviceRegion, routeTableIds,
                    subnetIds, securityGroupIds, privateDns, policyChoice, bucketNames, tableNames, customPolicy, tags,
                    null);
        }
    }

    public record TimelineDetails(Instant at, String actor, String kind, RequestStatus fromStatus,
            RequestStatus toStatus, String message) {
    }

    public boolean cancellable() {
        return status.isCancellable();
    }
}
