package io.vpcportal.savings;

/** What a ledger row measures. */
public enum LedgerKind {
    /** An interface endpoint: ENI-hours and tiered data, against the NAT data charge it avoids. */
    INTERFACE,
    /** A Gateway Load Balancer endpoint. */
    GATEWAY_LOAD_BALANCER,
    /** An S3 or DynamoDB gateway endpoint: free, so all the NAT data charge it avoids is saved. */
    GATEWAY,
    /** A NAT gateway: the bytes it still processes and their charge. */
    NAT,
    /** S3 or DynamoDB bytes through NAT in a VPC without a gateway endpoint for that service: savings missed. */
    MISSED;

    public boolean isEndpoint() {
        return this == INTERFACE || this == GATEWAY_LOAD_BALANCER || this == GATEWAY;
    }
}
