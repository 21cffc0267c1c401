package io.vpcportal.savings;

import java.util.List;

/**
 * The savings dashboard's per-resource lists over a period, read together (one pass over the period's resources).
 *
 * @param top            endpoints by realized net saving, largest first
 * @param belowBreakEven endpoints that cost more than they saved, most lost first
 * @param natGateways    NAT gateways by the NAT charges they still paid, largest first
 * @param missed         VPCs and services by the NAT charges a free gateway endpoint would have avoided, largest first
 */
public record EndpointRankings(List<SavingsGroup> top, List<SavingsGroup> belowBreakEven,
        List<SavingsGroup> natGateways, List<SavingsGroup> missed) {
}
