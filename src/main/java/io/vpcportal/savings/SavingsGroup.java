package io.vpcportal.savings;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * Ledger totals of one group (a team, account, region, service, month or endpoint) over a period.
 *
 * @param bytes          bytes through the group's endpoints
 * @param netSaving      realized: avoided NAT charges minus endpoint charges
 * @param natCost        charges still paid to NAT gateways
 * @param missedSaving   NAT charges for S3/DynamoDB traffic a free gateway endpoint would have avoided
 * @param kind           in the grouping by service: {@link #SERVICE} (traffic through endpoints to a service) or
 *                       {@link #NAT_GATEWAY} (bytes still through NAT gateways, and S3/DynamoDB missed via NAT);
 *                       {@code null} in every other grouping
 */
public record SavingsGroup(String key, long bytes, BigDecimal endpointCost, BigDecimal avoidedNatCost,
        BigDecimal netSaving, BigDecimal natCost, BigDecimal missedSaving, String kind) {

    public static final String SERVICE = "SERVICE";
    public static final String NAT_GATEWAY = "NAT_GATEWAY";

    public SavingsGroup(String key, long bytes, BigDecimal endpointCost, BigDecimal avoidedNatCost,
            BigDecimal netSaving, BigDecimal natCost, BigDecimal missedSaving) {
        this(key, bytes, endpointCost, avoidedNatCost, netSaving, natCost, missedSaving, null);
    }

    /** {@code groups} summed into one group named "total" (no groups: zeros). */
    public static SavingsGroup total(List<SavingsGroup> groups) {
        return new SavingsGroup("total", groups.stream().mapToLong(SavingsGroup::bytes).sum(),
                sum(groups, SavingsGroup::endpointCost), sum(groups, SavingsGroup::avoidedNatCost),
                sum(groups, SavingsGroup::netSaving), sum(groups, SavingsGroup::natCost),
                sum(groups, SavingsGroup::missedSaving));
    }

    private static BigDecimal sum(List<SavingsGroup> groups, Function<SavingsGroup, BigDecimal> amount) {
        return groups.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean isService() {
        return SERVICE.equals(kind);
    }

    /**
     * One page of a grouping, in the grouping's order.
     *
     * @param groups     the groups from {@code offset} on, at most {@code limit}
     * @param groupCount the number of groups of the whole grouping
     */
    public record Page(List<SavingsGroup> groups, long groupCount) {
    }
}
