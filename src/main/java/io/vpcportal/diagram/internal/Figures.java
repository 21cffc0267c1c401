package io.vpcportal.diagram.internal;

import io.vpcportal.diagram.internal.NetworkModel.Traffic;
import java.util.Locale;
import java.util.Map;

/**
 * The traffic figures a diagram carries: measured ones by resource id (endpoints, NAT gateways, and
 * {@code <vpc>/S3}, {@code <vpc>/DYNAMODB} for S3 and DynamoDB through NAT), estimated ones by planned item position.
 */
public record Figures(Map<String, Traffic> measured, Map<Integer, Traffic> planned) {

    public static final Figures NONE = new Figures(Map.of(), Map.of());

    /** The ledger days a measured figure covers (scaled to this many when fewer were collected). */
    public static final int MEASURED_DAYS = 30;

    /** The key of S3 or DynamoDB traffic through NAT in a VPC, as the ledger records savings missed. */
    public static String missed(String vpcId, String serviceKey) {
        return vpcId + "/" + serviceKey.toUpperCase(Locale.ROOT);
    }
}
