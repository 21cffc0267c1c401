package io.vpcportal.savings.internal;

import io.vpcportal.catalog.EndpointType;
import io.vpcportal.provisioning.ProvisioningDetails;
import io.vpcportal.provisioning.ProvisioningManagement;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestManagement;
import io.vpcportal.request.RequestStatus;
import io.vpcportal.savings.LedgerKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The endpoints of active requests as provisioning created them, and the NAT gateways their requests name. Until the
 * inventory module knows every endpoint, only the portal's own endpoints are measured.
 */
@Component
class ProvisionedRequestResources implements MeteredResources {

    private final RequestManagement requests;
    private final ProvisioningManagement provisioning;

    ProvisionedRequestResources(RequestManagement requests, ProvisioningManagement provisioning) {
        this.requests = requests;
        this.provisioning = provisioning;
    }

    @Override
    public List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestDetails request : requests.inStatus(RequestStatus.ACTIVE)) {
            var progress = provisioning.progress(request.id());
            if (progress.isEmpty()) {
                continue;
            }
            for (ProvisioningDetails.EndpointProgress e : progress.get().endpoints()) {
                if (e.vpcEndpointId() == null) {
                    continue;
                }
                request.items().stream().filter(i -> i.position() == e.position()).findFirst().ifPresent(item -> {
                    LedgerKind kind = switch (EndpointType.valueOf(item.endpointType())) {
                        case Interface -> LedgerKind.INTERFACE;
                        case GatewayLoadBalancer -> LedgerKind.GATEWAY_LOAD_BALANCER;
                        case Gateway -> LedgerKind.GATEWAY;
                    };
                    endpoints.add(new Endpoint(e.vpcEndpointId(), kind, request.id(), request.team(),
                            request.accountId(), request.region(), request.vpcId(), item.serviceName(),
                            kind == LedgerKind.GATEWAY ? 0 : Math.max(1, item.subnetIds().size())));
                });
            }
        }
        return endpoints;
    }

    @Override
    public List<NatGateway> natGateways() {
        Map<String, NatGateway> nats = new LinkedHashMap<>();
        for (RequestDetails request : requests.inStatus(RequestStatus.ACTIVE)) {
            if (request.natGatewayId() != null && !request.natGatewayId().isBlank()) {
                nats.putIfAbsent(request.natGatewayId(), new NatGateway(request.natGatewayId(), request.id(),
                        request.team(), request.accountId(), request.region(), request.vpcId()));
            }
        }
        return List.copyOf(nats.values());
    }
}
