package io.vpcportal.savings;

import java.util.List;

/**
 * The savings dashboard's two endpoint lists over a period, read together.
 *
 * @param top            endpoints by realized net saving, largest first
 * @param belowBreakEven endpoints that cost more than they saved, most lost first
 */
public record EndpointRankings(List<SavingsGroup> top, List<SavingsGroup> belowBreakEven) {
}
