package io.vpcportal.savings;

import java.math.BigDecimal;

/**
 * What the ledger measured for one resource over a period: the bytes and their charges summed over the days it has
 * rows for. Amounts are exact USD.
 *
 * @param resourceId an endpoint ({@code vpce-…}), a NAT gateway ({@code nat-…}) or, for savings missed,
 *                   {@code <vpc id>/S3} and {@code <vpc id>/DYNAMODB}
 * @param days       the days of the period the ledger has a row for
 * @param natCost    for NAT gateways and savings missed: the NAT processing charge of those bytes
 */
public record MeasuredTraffic(String resourceId, LedgerKind kind, int days, long bytes, BigDecimal endpointCost,
        BigDecimal avoidedNatCost, BigDecimal natCost) {
}
