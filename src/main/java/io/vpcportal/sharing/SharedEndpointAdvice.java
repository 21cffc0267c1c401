package io.vpcportal.sharing;

import io.vpcportal.savings.PriceItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What serving a region's VPCs from one hub VPC's interface endpoints would cost, service by service, against
 * today's endpoint in every VPC: monthly figures (730 hours), each line naming its price and its measured bytes.
 * Amounts are exact USD; {@link #cents} rounds them for display.
 *
 * @param hub             the hub VPC, or null when the region has no VPC that could be one
 * @param measuredFrom    first day of the measured traffic (the savings ledger)
 * @param measuredTo      last day of the measured traffic
 * @param vpcs            every VPC of the region the caller may see but the hub, and whether it can use the hub
 * @param services        one advice per service with an endpoint in one of those VPCs, by service name
 * @param attachments     Transit Gateway attachments the services worth sharing need (spokes not yet attached,
 *                        and the hub when it is not)
 * @param todayCost       monthly cost today of the services worth sharing, in the VPCs that would use the hub
 * @param hubCost         monthly cost of serving them from the hub, attachments included
 * @param netSaving       {@code todayCost - hubCost}
 */
public record SharedEndpointAdvice(String region, Hub hub, LocalDate measuredFrom, LocalDate measuredTo,
        List<VpcFit> vpcs, List<ServiceAdvice> services, List<CostLine> attachments, BigDecimal todayCost,
        BigDecimal hubCost, BigDecimal netSaving) {

    /** Hours in the month every monthly figure counts: 365 x 24 / 12. */
    public static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(730);

    public List<ServiceAdvice> worthSharing() {
        return services.stream().filter(s -> s.verdict() == Verdict.SHARE).toList();
    }

    public List<ServiceAdvice> notWorthSharing() {
        return services.stream().filter(s -> s.verdict() != Verdict.SHARE).toList();
    }

    public static BigDecimal cents(BigDecimal usd) {
        return usd == null ? null : usd.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The hub VPC.
     *
     * @param proposed        true when the portal chose it, false when the caller named it
     * @param reason          why this VPC (named by the caller, tagged {@code portal:hub}, or attached with the most
     *                        endpoints)
     * @param zones           its Availability Zones: a hub endpoint gets one network interface in each
     * @param transitGateway  the Transit Gateway its route tables route to (null: none; spokes on the region's most
     *                        used one are taken as reachable and the hub needs an attachment)
     */
    public record Hub(String vpcId, String accountId, String name, boolean proposed, String reason, List<String> zones,
            String transitGateway, boolean attached) {
    }

    /**
     * A VPC and whether it can be served from the hub.
     *
     * @param attached whether its route tables route to the hub's Transit Gateway (false: it needs an attachment)
     * @param reason   why it can or cannot
     */
    public record VpcFit(String vpcId, String accountId, String name, boolean canUseHub, boolean attached,
            String reason) {
    }

    /** What a service's advice says. */
    public enum Verdict {
        /** the hub costs less than the endpoints it replaces */
        SHARE,
        /** the hub costs more: measured traffic above the break-even, or the hub's fixed cost above the spokes' */
        BELOW_BREAK_EVEN,
        /** the endpoint policies differ between VPCs: one shared endpoint cannot keep them */
        POLICY_DIFFERS,
        /** a gateway endpoint (S3, DynamoDB): free and route-table based, it stays in every VPC */
        GATEWAY_STAYS_PER_VPC,
        /** no VPC that has the service can use the hub */
        NO_SPOKES
    }

    /**
     * One service.
     *
     * @param service      short name ({@code ssm})
     * @param serviceName  EC2's service name ({@code com.amazonaws.us-east-1.ssm})
     * @param spokes       VPCs whose own endpoint the hub would replace
     * @param excluded     VPCs with the service that keep their own endpoint, and why
     * @param today        lines of today's monthly cost in the spokes
     * @param withHub      lines of the monthly cost of serving the spokes from the hub (attachments apart)
     * @param spokeGb      the spokes' measured traffic, GB per month
     * @param breakEvenGb  the spokes' monthly traffic at which the hub stops paying (null: it never pays)
     * @param retirements  how each spoke's own endpoint is retired once the hub serves it: the spokes of a service
     *                     worth sharing, and (whatever the verdict) VPCs an ACTIVE hub in the hub VPC already serves
     *                     the service to
     */
    public record ServiceAdvice(String service, String serviceName, Verdict verdict, String reason,
            List<String> spokes, List<Exclusion> excluded, List<CostLine> today, List<CostLine> withHub,
            BigDecimal todayCost, BigDecimal hubCost, BigDecimal saving, BigDecimal spokeGb, BigDecimal breakEvenGb,
            List<Retirement> retirements) {

        /** The same advice with {@code retirements}. */
        public ServiceAdvice withRetirements(List<Retirement> retirements) {
            return new ServiceAdvice(service, serviceName, verdict, reason, spokes, excluded, today, withHub,
                    todayCost, hubCost, saving, spokeGb, breakEvenGb, List.copyOf(retirements));
        }
    }

    /** What retiring a spoke's own endpoint takes. */
    public enum RetireAction {
        /** the portal manages it: its owner asks for an ordinary decommission of its request (prefilled) */
        DECOMMISSION,
        /** the portal does not manage it: it must be adopted first (inventory endpoint page), then decommissioned */
        ADOPT_FIRST
    }

    /**
     * A spoke's own endpoint of a service worth sharing, and how it is retired once the hub is ACTIVE. It stays an
     * ordinary decommission request of its owner: no new request kind.
     *
     * @param requestId the request that manages the endpoint (null when unmanaged)
     * @param link      the portal page to act on: the request's page with the decommission reason prefilled
     *                  ({@code DECOMMISSION}), or the inventory's endpoint page where it is adopted
     *                  ({@code ADOPT_FIRST})
     * @param reason    the decommission reason the link prefills (null for {@code ADOPT_FIRST})
     * @param note      what to do, in words
     */
    public record Retirement(String vpcId, String accountId, String endpointId, RetireAction action,
            UUID requestId, String link, String reason, String note) {
    }

    public record Exclusion(String vpcId, String reason) {
    }

    /**
     * One figure: {@code quantity} units at {@code price} (its tiers counted from {@code tierStart}) make
     * {@code usd}; {@code measured} when the quantity comes from the savings ledger.
     */
    public record CostLine(String label, String resourceId, BigDecimal quantity, String unit, PriceRef price,
            Measured measured, BigDecimal usd) {
    }

    /** The catalog price a line uses: the offer file's usage type, price of the tier used, date and source. */
    public record PriceRef(PriceItem item, String region, String usageType, BigDecimal usd, String unit,
            LocalDate effectiveFrom, String source) {
    }

    /**
     * Bytes the ledger measured for a resource, scaled to a month: {@code gbPerMonth = bytes / 2^30 x 730 / (24 x
     * days)}.
     */
    public record Measured(String resourceId, int days, long bytes, BigDecimal gbPerMonth) {
    }
}
