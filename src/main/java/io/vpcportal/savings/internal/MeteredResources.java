package io.vpcportal.savings.internal;

import io.vpcportal.savings.LedgerKind;
import java.util.List;
import java.util.UUID;

/**
 * Which endpoints and NAT gateways exist, to be measured: the inventory's ({@link InventoryMeteredResources}).
 */
public interface MeteredResources {

    List<Endpoint> endpoints();

    List<NatGateway> natGateways();

    /**
     * An endpoint to measure.
     *
     * @param kind INTERFACE, GATEWAY_LOAD_BALANCER or GATEWAY
     */
    record Endpoint(String endpointId, LedgerKind kind, UUID requestId, String team, String accountId, String region,
            String vpcId, String serviceName, int enis) {

        /** The flow-log service name of a gateway endpoint ({@code S3} or {@code DYNAMODB}), else null. */
        public String flowLogService() {
            if (serviceName.endsWith(".s3")) {
                return "S3";
            }
            return serviceName.endsWith(".dynamodb") ? "DYNAMODB" : null;
        }
    }

    /** A NAT gateway the portal knows of, with the VPC it serves. */
    record NatGateway(String natGatewayId, UUID requestId, String team, String accountId, String region, String vpcId) {
    }
}
