package io.vpcportal.sharing.internal;

import io.vpcportal.inventory.PrivateHostedZone;
import io.vpcportal.inventory.RegionNetworks.NetworkEndpoint;
import io.vpcportal.inventory.RegionNetworks.VpcNetwork;
import io.vpcportal.savings.MeasuredTraffic;
import io.vpcportal.sharing.SharedEndpointAdvice;
import io.vpcportal.sharing.SharedEndpointAdvice.CostLine;
import io.vpcportal.sharing.SharedEndpointAdvice.Exclusion;
import io.vpcportal.sharing.SharedEndpointAdvice.Hub;
import io.vpcportal.sharing.SharedEndpointAdvice.Measured;
import io.vpcportal.sharing.SharedEndpointAdvice.ServiceAdvice;
import io.vpcportal.sharing.SharedEndpointAdvice.Verdict;
import io.vpcportal.sharing.SharedEndpointAdvice.VpcFit;
import io.vpcportal.sharing.internal.AdvicePrices.Prices;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The monthly arithmetic of one interface service: today, each spoke pays its endpoint's hours (one network
 * interface per zone, 730 hours) and the data it processes; with a hub, the hub pays one endpoint's hours in each
 * of its zones, the same data through that endpoint, Transit Gateway processing of the spokes' data, one private
 * hosted zone and its billable queries. The endpoint data charge is the same both ways, so the saving is the
 * fixed difference less the Transit Gateway charge, and the break-even is the spokes' traffic at which that
 * charge eats the fixed difference.
 */
public final class ServiceCosts {

    private static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);
    private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);

    /** A VPC's endpoint for the service, with the VPC. */
    public record Member(VpcNetwork vpc, NetworkEndpoint endpoint) {
    }

    private ServiceCosts() {
    }

    /**
     * @param zonesBefore hosted zones the advice counted before this service (the zone price is tiered on the count)
     */
    public static ServiceAdvice advise(String region, String serviceName, List<Member> members,
            Optional<NetworkEndpoint> hubEndpoint, Hub hub, Map<String, VpcFit> fits,
            Map<String, MeasuredTraffic> measured, Prices prices, int zonesBefore, long billableQueriesPerZone) {
        String service = shortName(region, serviceName);
        List<Exclusion> excluded = new ArrayList<>();
        List<Member> candidates = new ArrayList<>();
        String dnsName = service + "." + region + ".amazonaws.com";
        for (Member m : members) {
            VpcFit fit = fits.get(m.vpc().vpcId());
            Optional<String> overlap = m.vpc().hostedZones().stream()
                    .filter(z -> PrivateHostedZone.answers(z, dnsName)).findFirst();
            if (!fit.canUseHub()) {
                excluded.add(new Exclusion(m.vpc().vpcId(), fit.reason()));
            } else if (overlap.isPresent()) {
                excluded.add(new Exclusion(m.vpc().vpcId(), "a private hosted zone " + overlap.get()
                        + " is already associated with it and answers " + dnsName));
            } else {
                candidates.add(m);
            }
        }
        List<String> spokes = candidates.stream().map(m -> m.vpc().vpcId()).toList();
        if (candidates.isEmpty()) {
            return noCosts(service, serviceName, Verdict.NO_SPOKES, "no VPC with this service can use the hub",
                    spokes, excluded);
        }
        Map<String, List<String>> policies = candidates.stream().collect(Collectors.groupingBy(
                m -> normalPolicy(m.endpoint().policy()), TreeMap::new,
                Collectors.mapping(m -> m.vpc().vpcId(), Collectors.toList())));
        if (policies.size() > 1) {
            return noCosts(service, serviceName, Verdict.POLICY_DIFFERS, "the endpoint policy differs between the "
                    + "VPCs (" + policies.size() + " different policies: " + policies.values().stream()
                    .map(v -> String.join(", ", v)).collect(Collectors.joining(" / ")) + "): one shared endpoint "
                    + "has one policy", spokes, excluded);
        }
        List<CostLine> today = new ArrayList<>();
        List<CostLine> withHub = new ArrayList<>();
        BigDecimal spokeGb = BigDecimal.ZERO;
        for (Member m : candidates) {
            String id = m.endpoint().id();
            int zones = m.endpoint().zones().size();
            today.add(prices.endpointHour().line(m.vpc().vpcId() + ": " + zones + " zone(s) x 730 h", id,
                    SharedEndpointAdvice.HOURS_PER_MONTH.multiply(BigDecimal.valueOf(zones)), null));
            Measured traffic = measured(id, measured.get(id));
            spokeGb = spokeGb.add(traffic.gbPerMonth());
            today.add(prices.endpointGb().line(m.vpc().vpcId() + ": data processed", id, traffic.gbPerMonth(),
                    traffic));
        }
        if (hubEndpoint.isPresent()) {
            withHub.add(prices.endpointHour().line("hub " + hub.vpcId() + " already has " + hubEndpoint.get().id()
                    + ": no new hours", hubEndpoint.get().id(), BigDecimal.ZERO, null));
        } else {
            withHub.add(prices.endpointHour().line("hub " + hub.vpcId() + ": " + hub.zones().size()
                    + " zone(s) x 730 h", hub.vpcId(), SharedEndpointAdvice.HOURS_PER_MONTH
                    .multiply(BigDecimal.valueOf(hub.zones().size())), null));
        }
        withHub.add(prices.endpointGb().line("hub endpoint: the spokes' data processed", hub.vpcId(), spokeGb, null));
        withHub.add(prices.transitGb().line("Transit Gateway: the spokes' data processed",
                hub.transitGateway(), spokeGb, null));
        withHub.add(prices.hostedZone().line("private hosted zone " + dnsName, dnsName, BigDecimal.ONE,
                BigDecimal.valueOf(zonesBefore), null));
        withHub.add(prices.dnsQuery().line("billable queries of " + dnsName, dnsName,
                BigDecimal.valueOf(billableQueriesPerZone), null));
        BigDecimal todayCost = sum(today);
        BigDecimal hubCost = sum(withHub);
        BigDecimal saving = todayCost.subtract(hubCost);
        BigDecimal transitGb = prices.transitGb().firstTier();
        // fixed: everything but the Transit Gateway's per-GB charge (the endpoint data charge is in both)
        BigDecimal fixed = saving.add(withHub.get(2).usd());
        BigDecimal breakEven = fixed.signum() > 0 && transitGb.signum() > 0
                ? fixed.divide(transitGb, 4, RoundingMode.HALF_UP) : null;
        Verdict verdict = saving.signum() > 0 ? Verdict.SHARE : Verdict.BELOW_BREAK_EVEN;
        String reason;
        if (verdict == Verdict.SHARE) {
            reason = "the hub saves " + SharedEndpointAdvice.cents(saving) + " USD a month for " + spokes.size()
                    + " VPC(s); it keeps paying while their traffic stays below " + breakEven.stripTrailingZeros()
                    .toPlainString() + " GB a month (measured " + plain(spokeGb) + ")";
        } else if (breakEven == null) {
            reason = "below break-even at any traffic: the hub's endpoint hours and zone cost more than the "
                    + spokes.size() + " VPC(s)' own endpoint hours";
        } else {
            reason = "below break-even: the spokes' measured " + plain(spokeGb) + " GB a month is above the "
                    + "break-even of " + plain(breakEven) + " GB, so Transit Gateway processing costs more than the "
                    + "endpoint hours it saves";
        }
        return new ServiceAdvice(service, serviceName, verdict, reason, spokes, excluded, today, withHub, todayCost,
                hubCost, saving, spokeGb, breakEven, List.of());
    }

    /** A gateway endpoint service: it stays in every VPC. */
    public static ServiceAdvice gateway(String region, String serviceName, List<String> vpcs) {
        return noCosts(shortName(region, serviceName), serviceName, Verdict.GATEWAY_STAYS_PER_VPC,
                "gateway endpoints (S3, DynamoDB) are free and work through each VPC's route tables: they stay in "
                        + "every VPC", vpcs, List.of());
    }

    static Measured measured(String endpointId, MeasuredTraffic traffic) {
        if (traffic == null || traffic.days() == 0) {
            return new Measured(endpointId, 0, 0, BigDecimal.ZERO);
        }
        BigDecimal gb = BigDecimal.valueOf(traffic.bytes()).multiply(SharedEndpointAdvice.HOURS_PER_MONTH)
                .divide(GIB.multiply(HOURS_PER_DAY).multiply(BigDecimal.valueOf(traffic.days())), 10,
                        RoundingMode.HALF_UP);
        return new Measured(endpointId, traffic.days(), traffic.bytes(), gb.stripTrailingZeros());
    }

    static String shortName(String region, String serviceName) {
        String prefix = "com.amazonaws." + region + ".";
        return serviceName.startsWith(prefix) ? serviceName.substring(prefix.length()) : serviceName;
    }

    /** Policies compared without white space; none read counts as EC2's default (full access). */
    static String normalPolicy(String policy) {
        return policy == null || policy.isBlank() ? "(default)" : policy.replaceAll("\\s+", "");
    }

    private static ServiceAdvice noCosts(String service, String serviceName, Verdict verdict, String reason,
            List<String> spokes, List<Exclusion> excluded) {
        return new ServiceAdvice(service, serviceName, verdict, reason, spokes, excluded, List.of(), List.of(),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, List.of());
    }

    private static BigDecimal sum(List<CostLine> lines) {
        return lines.stream().map(CostLine::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String plain(BigDecimal gb) {
        return gb.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
