package io.vpcportal.savings.internal;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.inventory.MeteredInventory;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestQueries;
import io.vpcportal.request.RequestStatus;
import io.vpcportal.savings.LedgerKind;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The endpoints and NAT gateways the inventory found in AWS, managed or not: an endpoint someone made by hand saves
 * money too. A managed endpoint's savings go to its request's team; an unmanaged endpoint's, and a NAT gateway's
 * that no active request names, to the account's team when it has exactly one, else to {@value #UNASSIGNED}.
 */
@Component
class InventoryMeteredResources implements MeteredResources {

    /** The ledger's team for resources of an account that several teams share and no request claims. */
    static final String UNASSIGNED = "unassigned";

    private final MeteredInventory inventory;
    private final RequestQueries requests;
    private final AccountManagement accounts;

    InventoryMeteredResources(MeteredInventory inventory, RequestQueries requests, AccountManagement accounts) {
        this.inventory = inventory;
        this.requests = requests;
        this.accounts = accounts;
    }

    @Override
    public List<Endpoint> endpoints() {
        Map<UUID, Optional<RequestDetails>> byId = new HashMap<>();
        Map<String, String> accountTeams = new HashMap<>();
        return inventory.endpoints().stream().map(e -> {
            LedgerKind kind = switch (e.endpointType().toLowerCase(Locale.ROOT)) {
                case "interface" -> LedgerKind.INTERFACE;
                case "gatewayloadbalancer" -> LedgerKind.GATEWAY_LOAD_BALANCER;
                default -> LedgerKind.GATEWAY;
            };
            Optional<RequestDetails> request = e.requestId() == null ? Optional.empty()
                    : byId.computeIfAbsent(e.requestId(), id -> requests.find(new EndpointRequestId(id)));
            String team = request.map(RequestDetails::team)
                    .orElseGet(() -> accountTeams.computeIfAbsent(e.accountId(), this::teamOfAccount));
            return new Endpoint(e.id(), kind, request.map(RequestDetails::id).orElse(null), team, e.accountId(),
                    e.region(), e.vpcId(), e.serviceName(), kind == LedgerKind.GATEWAY ? 0 : e.networkInterfaces());
        }).toList();
    }

    @Override
    public List<NatGateway> natGateways() {
        Map<String, RequestDetails> naming = new HashMap<>();
        for (RequestDetails r : requests.inStatus(RequestStatus.ACTIVE)) {
            if (r.natGatewayId() != null) {
                naming.putIfAbsent(r.accountId() + "/" + r.natGatewayId(), r);
            }
        }
        Map<String, String> accountTeams = new HashMap<>();
        return inventory.natGateways().stream().map(n -> {
            RequestDetails r = naming.get(n.accountId() + "/" + n.id());
            return new NatGateway(n.id(), r == null ? null : r.id(), r != null ? r.team()
                    : accountTeams.computeIfAbsent(n.accountId(), this::teamOfAccount), n.accountId(), n.region(),
                    n.vpcId());
        }).toList();
    }

    private String teamOfAccount(String accountId) {
        return accounts.find(accountId).map(AccountDetails::teams).filter(t -> t.size() == 1).map(t -> t.first())
                .orElse(UNASSIGNED);
    }
}
