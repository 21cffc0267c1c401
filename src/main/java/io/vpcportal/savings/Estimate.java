package io.vpcportal.savings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The monthly (or period) cost and saving of one endpoint, in exact USD: round only to show.
 *
 * @param pricedOn       the day whose prices were used (the period's first day, or today)
 * @param endpointCost   what the endpoint costs (hours, data, and inter-region transfer of a cross-region endpoint);
 *                       zero for gateway endpoints; without a GB figure, the fixed (hourly) cost only
 * @param avoidedNatCost what no longer goes to the NAT gateway: its data charge, and its hours and public IPv4
 *                       address when it is removed
 * @param netSaving      avoided minus endpoint cost; negative when the endpoint costs more than it saves;
 *                       {@code null} when no GB figure was given (a saving cannot be told without one)
 * @param breakEvenGb    for interface and GWLB endpoints while the NAT gateway stays: the GB per month (or in the
 *                       period) above which the endpoint saves money; {@code null} otherwise
 * @param prompt         what to give to see the saving (no GB figure); {@code null} when the saving is known
 */
public record Estimate(String region, String endpointType, BigDecimal hours, LocalDate pricedOn,
        List<Component> components, BigDecimal endpointCost, BigDecimal avoidedNatCost, BigDecimal netSaving,
        BigDecimal breakEvenGb, String warning, String serviceRegion, String prompt) {

    /** An estimate in the VPC's own region with a GB figure. */
    public Estimate(String region, String endpointType, BigDecimal hours, LocalDate pricedOn,
            List<Component> components, BigDecimal endpointCost, BigDecimal avoidedNatCost, BigDecimal netSaving,
            BigDecimal breakEvenGb, String warning) {
        this(region, endpointType, hours, pricedOn, components, endpointCost, avoidedNatCost, netSaving, breakEvenGb,
                warning, null, null);
    }

    /**
     * One line of the estimate: quantity x price = usd, with the price's origin.
     *
     * @param side {@code cost} (the endpoint) or {@code avoided} (the NAT gateway)
     */
    public record Component(String name, String side, BigDecimal quantity, String unit, PriceItem item,
            List<Rate.Tier> tiers, BigDecimal usd, LocalDate effectiveFrom, String source) {
    }

    public boolean costsMoreThanItSaves() {
        return netSaving != null && netSaving.signum() < 0;
    }

    /** Whether the saving is known: a GB figure was given. */
    public boolean gbGiven() {
        return prompt == null;
    }

    /** Dollars and cents for display. */
    public static String usd(BigDecimal amount) {
        return amount == null ? "" : "$" + String.format("%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
    }
}
