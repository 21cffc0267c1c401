package io.vpcportal.sharing.internal;

import io.vpcportal.inventory.CoverageAdvisor;
import io.vpcportal.inventory.Recommendation;
import io.vpcportal.inventory.VpcCoverage;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestQueries;
import io.vpcportal.request.RequestStatus;
import io.vpcportal.sharing.SharedEndpointDetails;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A spoke of an active hub has the hub's service through the hub's zone: recommendations that it lacks that service
 * (an endpoint to request, private DNS to switch on for it) are dropped. Runs before the savings advisor, so that no
 * saving is priced for an endpoint the VPC does not need.
 */
@Component
@Order(50)
class HubCoverageAdvisor implements CoverageAdvisor {

    private final HubStore store;
    private final RequestQueries requests;

    HubCoverageAdvisor(HubStore store, RequestQueries requests) {
        this.store = store;
        this.requests = requests;
    }

    @Override
    public List<Recommendation> advise(VpcCoverage vpc, List<Recommendation> sofar) {
        Set<String> templates = new HashSet<>();
        Set<String> zones = new HashSet<>();
        for (var requestId : store.hubsOf(vpc.vpcId())) {
            SharedEndpointDetails hub = store.find(requestId).orElse(null);
            RequestDetails request = requests.find(new EndpointRequestId(requestId)).orElse(null);
            if (hub == null || request == null || request.status() != RequestStatus.ACTIVE
                    || hub.spokes().stream().noneMatch(s -> s.vpcId().equals(vpc.vpcId()))) {
                continue;
            }
            request.items().forEach(i -> templates.add(i.templateKey()));
            zones.addAll(hub.zoneNames());
        }
        if (templates.isEmpty()) {
            return sofar;
        }
        return sofar.stream().filter(r -> !covered(r, templates, zones)).toList();
    }

    static boolean covered(Recommendation r, Set<String> templates, Set<String> zones) {
        if (r.templateKey() != null && templates.contains(r.templateKey())) {
            return true;
        }
        String message = r.message() == null ? "" : r.message().toLowerCase(Locale.ROOT);
        return "PRIVATE_DNS_OFF".equals(r.kind()) && zones.stream().anyMatch(message::contains);
    }
}
