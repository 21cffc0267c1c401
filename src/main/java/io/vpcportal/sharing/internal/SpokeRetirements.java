package io.vpcportal.sharing.internal;

import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.inventory.EndpointSummary;
import io.vpcportal.inventory.InventoryReads;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestQueries;
import io.vpcportal.request.RequestStatus;
import io.vpcportal.sharing.SharedEndpointAdvice.Hub;
import io.vpcportal.sharing.SharedEndpointAdvice.RetireAction;
import io.vpcportal.sharing.SharedEndpointAdvice.Retirement;
import io.vpcportal.sharing.SharedEndpointAdvice.ServiceAdvice;
import io.vpcportal.sharing.SharedEndpointAdvice.Verdict;
import io.vpcportal.sharing.internal.ServiceCosts.Member;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * How each spoke's own endpoint of a service worth sharing is retired once the hub serves it. Retiring stays an
 * ordinary decommission request of the endpoint's owner: for an endpoint the portal manages, a link to its
 * request's page with the decommission reason prefilled; for one it does not manage, a note that it must be
 * adopted first and a link to the inventory's endpoint page, where it is adopted.
 */
@Component
public class SpokeRetirements {

    /** Decommission reasons are at most this long (the request page's field). */
    static final int REASON_MAX = 500;

    private final InventoryReads inventory;
    private final RequestQueries requests;
    private final HubStore hubs;

    SpokeRetirements(InventoryReads inventory, RequestQueries requests, HubStore hubs) {
        this.inventory = inventory;
        this.requests = requests;
        this.hubs = hubs;
    }

    /**
     * {@code advice} with its retirements: when it is worth sharing, the endpoints of its spokes; whatever the
     * verdict, the endpoints of VPCs an ACTIVE hub in the advised hub VPC already serves this service to (the advice
     * excludes them because the hub's zone is associated with them: their own endpoint is redundant).
     */
    public ServiceAdvice of(PortalPrincipal by, ServiceAdvice advice, List<Member> members, Hub hub) {
        List<Retirement> out = new ArrayList<>();
        for (Member m : members) {
            boolean spoke = advice.verdict() == Verdict.SHARE && advice.spokes().contains(m.vpc().vpcId());
            if (!spoke && !servedAlready(m.vpc().vpcId(), advice.serviceName(), hub)) {
                continue; // keeps its own endpoint (excluded, or the service is not worth sharing)
            }
            EndpointSummary endpoint;
            try {
                endpoint = inventory.endpoint(by, m.endpoint().id()).summary();
            } catch (NotFoundException gone) {
                continue; // deleted or hidden since the advice read the region
            }
            String when = spoke ? "once the hub " + hub.vpcId() + " serves " + advice.service()
                    + " (its shared endpoint request ACTIVE)" : "now: the ACTIVE hub " + hub.vpcId() + " already serves "
                    + advice.service() + " to it through its zone";
            out.add(endpoint.requestId() == null ? adoptFirst(m, when) : decommission(m, endpoint.requestId(),
                    advice, hub, when));
        }
        return out.isEmpty() ? advice : advice.withRetirements(out);
    }

    /** Whether an ACTIVE hub in the advised hub VPC serves {@code serviceName} to {@code vpcId} already. */
    private boolean servedAlready(String vpcId, String serviceName, Hub hub) {
        for (UUID id : hubs.hubsOf(vpcId)) {
            boolean serves = hubs.find(id).filter(h -> h.hubVpcId().equals(hub.vpcId())
                    && h.serviceName().equals(serviceName)
                    && h.spokes().stream().anyMatch(s -> s.vpcId().equals(vpcId))).isPresent();
            if (serves && requests.find(new EndpointRequestId(id)).map(r -> r.status() == RequestStatus.ACTIVE)
                    .orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** The reason prefilled in the owner's decommission: "served by the hub vpc-… once it is ACTIVE". */
    static String reason(ServiceAdvice advice, Hub hub) {
        String reason = advice.service() + " served by the hub " + hub.vpcId() + " once it is ACTIVE (shared "
                + "endpoint advice)";
        return reason.length() <= REASON_MAX ? reason : reason.substring(0, REASON_MAX);
    }

    private Retirement decommission(Member m, UUID requestId, ServiceAdvice advice, Hub hub, String when) {
        String reason = reason(advice, hub);
        String link = "/requests/" + requestId + "?decommissionReason="
                + URLEncoder.encode(reason, StandardCharsets.UTF_8).replace("+", "%20") + "#decommission-heading";
        RequestDetails request = requests.find(new EndpointRequestId(requestId)).orElse(null);
        String note = "managed by request " + requestId + ": " + when + ", the request's owner asks for its "
                + "decommission (approved like any)";
        if (request != null && request.items().size() > 1) {
            note += "; the request has " + request.items().size() + " endpoints and its decommission retires all of "
                    + "them";
        }
        if (request != null && request.status() != RequestStatus.ACTIVE) {
            note += "; the request is " + request.status() + " now, and only an ACTIVE request can be decommissioned";
        }
        return new Retirement(m.vpc().vpcId(), m.vpc().accountId(), m.endpoint().id(), RetireAction.DECOMMISSION,
                requestId, link, reason, note);
    }

    private static Retirement adoptFirst(Member m, String when) {
        return new Retirement(m.vpc().vpcId(), m.vpc().accountId(), m.endpoint().id(), RetireAction.ADOPT_FIRST,
                null, "/inventory/endpoints/" + m.endpoint().id(), null, "not managed by the portal: adopt it first "
                        + "(its inventory page), then its owner asks for its decommission " + when);
    }
}
