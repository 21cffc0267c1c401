package io.vpcportal.diagram.internal;

import io.vpcportal.diagram.PlannedEndpoints;

import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestDetails.ItemDetails;
import java.math.BigDecimal;

/** The request module's side of a {@link PlannedEndpoints}: a stored request's items as planned endpoints. */
public final class RequestPlans {

    private RequestPlans() {
    }

    public static PlannedEndpoints of(RequestDetails request) {
        return new PlannedEndpoints(request.id(), request.id().toString().substring(0, 8), request.accountId(), request.region(),
                request.vpcId(), positive(request.expectedMonthlyGb()), request.items().stream()
                .map(i -> new PlannedEndpoints.Item(i.position(), i.endpointType(), i.serviceName(), i.routeTableIds(),
                        i.subnetIds(), i.securityGroupIds(), itemGb(request, i))).toList());
    }

    /** The GB per month one item is expected to carry, or null when it has no figure of its own. */
    static BigDecimal itemGb(RequestDetails request, ItemDetails item) {
        return positive(item.expectedMonthlyGb());
    }

    static BigDecimal positive(BigDecimal gb) {
        return gb == null || gb.signum() <= 0 ? null : gb;
    }
}
