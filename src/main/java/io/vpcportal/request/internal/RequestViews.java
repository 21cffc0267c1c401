package io.vpcportal.request.internal;

import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestDetails.ItemDetails;
import io.vpcportal.request.RequestDetails.TimelineDetails;
import io.vpcportal.request.RequestSummary;
import java.util.List;

/** The read models other modules get instead of the entity. */
public final class RequestViews {

    private RequestViews() {
    }

    public static RequestDetails details(EndpointRequest r) {
        List<ItemDetails> items = r.items().stream().map(i -> new ItemDetails(i.position(), i.templateKey(),
                i.templateVersion(), i.endpointType().name(), i.serviceName(), i.serviceRegion(), i.routeTableIds(),
                i.subnetIds(), i.securityGroupIds(), i.privateDns(), i.policyChoice().key(), i.bucketNames(),
                i.tableNames(), i.customPolicy(), i.tags(), i.expectedMonthlyGb())).toList();
        List<TimelineDetails> timeline = r.timeline().stream().map(t -> new TimelineDetails(t.occurredAt(), t.actor(),
                t.kind(), t.fromStatus(), t.toStatus(), t.message())).toList();
        return new RequestDetails(r.id().value(), r.title(), r.status(), r.requesterName(), r.team().value(),
                r.accountId(), r.region(), r.vpcId(), r.justification(), r.expectedMonthlyGb(), r.natGatewayId(),
                r.createdAt(), r.updatedAt(), r.submittedAt(), items, timeline, r.kind(),
                r.changeOf() == null ? null : r.changeOf().value(), r.changePosition(), r.natGatewayRemoved(),
                r.adoptsEndpoint());
    }

    public static RequestSummary summary(EndpointRequest r) {
        return new RequestSummary(r.id().value(), r.title(), r.status(), r.requesterName(), r.team().value(),
                r.accountId(), r.region(), r.vpcId(), r.items().stream().map(EndpointRequestItem::templateKey).toList(),
                r.createdAt());
    }

    /** A summary from the columns of many requests, read in one statement, and their items' template keys. */
    public static RequestSummary summary(SummaryColumns c, List<String> templateKeys) {
        return new RequestSummary(c.id(), c.title(), c.status(), c.requesterName(), c.team(), c.accountId(),
                c.region(), c.vpcId(), List.copyOf(templateKeys), c.createdAt());
    }
}
