package io.vpcportal.savings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The monthly (or period) cost and saving of one endpoint, in exact USD: round only to show.
 *
 * @param pricedOn       the day whose prices were used (the period's first day, or today)
 * @param endpointCost   what the endpoint costs (hours and data); zero for gateway endpoints
 * @param avoidedNatCost what no longer goes to the NAT gateway: its data charge, and its hours and public IPv4
 *                       address when it is removed
 * @param netSaving      avoided minus endpoint cost; negative when the endpoint costs more than it saves
 * @param breakEvenGb    for interface and GWLB endpoints while the NAT gateway stays: the GB in the period above
 *                       which the endpoint saves money; {@code null} otherwise
 */
public record Estimate(String region, String endpointType, BigDecimal hours, LocalDate pricedOn,
        List<Component> components, BigDecimal endpointCost, BigDecimal avoidedNatCost, BigDecimal netSaving,
        BigDecimal breakEvenGb, String warning) {

    /**
     * One line of the estimate: quantity x price = usd, with the price's origin.
     *
     * @param side {@code cost} (the endpoint) or {@code avoided} (the NAT gateway)
     */
    public record Component(String name, String side, BigDecimal quantity, String unit, PriceItem item,
            List<Rate.Tier> tiers, BigDecimal usd, LocalDate effectiveFrom, String source) {
    }

    public boolean costsMoreThanItSaves() {
        return netSaving.signum() < 0;
    }

    /** Dollars and cents for display. */
    public static String usd(BigDecimal amount) {
        return amount == null ? "" : "$" + String.format("%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
    }
}
