package io.vpcportal.savings;

import java.math.BigDecimal;

/**
 * Ledger totals of one group (a team, account, region, service, month or endpoint) over a period.
 *
 * @param bytes          bytes through the group's endpoints
 * @param netSaving      realized: avoided NAT charges minus endpoint charges
 * @param natCost        charges still paid to NAT gateways
 * @param missedSaving   NAT charges for S3/DynamoDB traffic a free gateway endpoint would have avoided
 */
public record SavingsGroup(String key, long bytes, BigDecimal endpointCost, BigDecimal avoidedNatCost,
        BigDecimal netSaving, BigDecimal natCost, BigDecimal missedSaving) {
}
