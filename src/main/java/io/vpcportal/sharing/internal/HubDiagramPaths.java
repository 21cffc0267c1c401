package io.vpcportal.sharing.internal;

import io.vpcportal.diagram.SharedPaths;
import io.vpcportal.inventory.VpcTopology;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestQueries;
import io.vpcportal.request.RequestStatus;
import io.vpcportal.savings.LedgerKind;
import io.vpcportal.savings.SavingsManagement;
import io.vpcportal.savings.SavingsScope;
import io.vpcportal.sharing.HubSpoke;
import io.vpcportal.sharing.SharedEndpointAdvice;
import io.vpcportal.sharing.SharedEndpointDetails;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells the diagrams about active hubs: a spoke's diagram shows each service it gets from an ACTIVE hub as a path
 * "via hub vpc-… over Transit Gateway tgw-…", with the spoke's measured traffic to that service (what the savings
 * ledger holds for the spoke's own endpoints of the service over the advice's measured days, retired ones
 * included: the ledger keeps their rows); the hub's diagram lists the spokes each shared endpoint serves. Hubs not
 * ACTIVE (a draft, one being provisioned, one decommissioned) are not drawn.
 */
@Component
class HubDiagramPaths implements SharedPaths {

    private static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);
    private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);

    private final HubStore store;
    private final RequestQueries requests;
    private final SavingsManagement savings;
    private final SharedEndpointAdviceProperties properties;

    HubDiagramPaths(HubStore store, RequestQueries requests, SavingsManagement savings,
            SharedEndpointAdviceProperties properties) {
        this.store = store;
        this.requests = requests;
        this.savings = savings;
        this.properties = properties;
    }

    @Override
    public Shares of(VpcTopology vpc) {
        List<ViaHub> viaHubs = new ArrayList<>();
        List<Served> served = new ArrayList<>();
        for (UUID requestId : store.hubsOf(vpc.vpcId())) {
            SharedEndpointDetails hub = store.find(requestId).orElse(null);
            RequestDetails request = requests.find(new EndpointRequestId(requestId)).orElse(null);
            if (hub == null || request == null || request.status() != RequestStatus.ACTIVE) {
                continue;
            }
            if (hub.hubVpcId().equals(vpc.vpcId())) {
                String endpointId = vpc.endpoints().stream().filter(e -> requestId.toString().equals(e.requestId()))
                        .map(VpcTopology.Endpoint::id).findFirst().orElse(null);
                served.add(new Served(hub.serviceName(), endpointId, hub.transitGatewayId(), hub.spokes().stream()
                        .map(s -> new Spoke(s.vpcId(), s.accountId())).toList()));
            } else if (hub.spokes().stream().map(HubSpoke::vpcId).anyMatch(vpc.vpcId()::equals)) {
                viaHubs.add(measured(vpc, hub));
            }
        }
        return viaHubs.isEmpty() && served.isEmpty() ? Shares.NONE : new Shares(viaHubs, served);
    }

    /** The path to the hub, with the spoke's measured GB a month when the ledger has a day of it. */
    private ViaHub measured(VpcTopology vpc, SharedEndpointDetails hub) {
        LocalDate to = savings.today().minusDays(1);
        LocalDate from = to.minusDays(properties.measuredDays() - 1L);
        Set<LocalDate> days = new TreeSet<>();
        Set<String> endpoints = new TreeSet<>();
        long[] bytes = {0};
        if (vpc.accountId() != null) {
            savings.ledgerRows(from, to, new SavingsScope(Set.of(vpc.accountId())), row -> {
                if (row.kind() == LedgerKind.INTERFACE && vpc.vpcId().equals(row.vpcId())
                        && hub.serviceName().equals(row.service())) {
                    days.add(row.day());
                    endpoints.add(row.resourceId());
                    bytes[0] += row.bytes();
                }
            });
        }
        if (days.isEmpty()) {
            return new ViaHub(hub.serviceName(), hub.hubVpcId(), hub.hubAccountId(), hub.transitGatewayId(), null,
                    null);
        }
        BigDecimal gb = BigDecimal.valueOf(bytes[0]).multiply(SharedEndpointAdvice.HOURS_PER_MONTH)
                .divide(GIB.multiply(HOURS_PER_DAY).multiply(BigDecimal.valueOf(days.size())), 10,
                        RoundingMode.HALF_UP).stripTrailingZeros();
        String basis = "measured at " + String.join(", ", endpoints) + ": " + bytes[0] + " bytes on " + days.size()
                + " day" + (days.size() == 1 ? "" : "s") + " from " + from + " to " + to + ", scaled to a month";
        return new ViaHub(hub.serviceName(), hub.hubVpcId(), hub.hubAccountId(), hub.transitGatewayId(), gb, basis);
    }
}
