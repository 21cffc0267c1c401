package io.vpcportal.sharing;

import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.inventory.RegionNetworks;
import io.vpcportal.inventory.RegionNetworks.NetworkEndpoint;
import io.vpcportal.inventory.RegionNetworks.VpcNetwork;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.savings.MeasuredTraffic;
import io.vpcportal.savings.SavingsManagement;
import io.vpcportal.sharing.SharedEndpointAdvice.CostLine;
import io.vpcportal.sharing.SharedEndpointAdvice.Hub;
import io.vpcportal.sharing.SharedEndpointAdvice.ServiceAdvice;
import io.vpcportal.sharing.SharedEndpointAdvice.Verdict;
import io.vpcportal.sharing.SharedEndpointAdvice.VpcFit;
import io.vpcportal.sharing.internal.AdvicePrices;
import io.vpcportal.sharing.internal.AdvicePrices.Prices;
import io.vpcportal.sharing.internal.HubAdvisor;
import io.vpcportal.sharing.internal.ServiceCosts;
import io.vpcportal.sharing.internal.ServiceCosts.Member;
import io.vpcportal.sharing.internal.SharedEndpointAdviceProperties;
import io.vpcportal.sharing.internal.SpokeRetirements;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * The shared interface endpoint advisor: for a region, from the inventory, the measured traffic in the savings
 * ledger and the price catalog, what a hub VPC would save service by service ({@link SharedEndpointAdvice}).
 * Requesters see the VPCs of their teams' accounts; approvers and admins see all. For a service worth sharing, each
 * spoke's own endpoint comes with how it is retired ({@link SpokeRetirements}).
 */
@Service
public class SharedEndpointAdvisor {

    private final RegionNetworks networks;
    private final SavingsManagement savings;
    private final AdvicePrices prices;
    private final SharedEndpointAdviceProperties properties;
    private final SpokeRetirements retirements;

    SharedEndpointAdvisor(RegionNetworks networks, SavingsManagement savings, AdvicePrices prices,
            SharedEndpointAdviceProperties properties, SpokeRetirements retirements) {
        this.networks = networks;
        this.savings = savings;
        this.prices = prices;
        this.properties = properties;
        this.retirements = retirements;
    }

    /**
     * The advice for {@code region}, with {@code hubVpcId} as the hub when given (else the portal proposes one).
     * Bad input on {@code region} when it is missing or unknown, on {@code hubVpcId} when that VPC is not in the
     * inventory (or not visible to the caller) or is in another region.
     */
    public SharedEndpointAdvice advise(PortalPrincipal by, String region, String hubVpcId) {
        String r = region == null ? "" : region.strip();
        if (r.isEmpty()) {
            throw new InvalidInputException("region", "is required (a region such as us-east-1)");
        }
        if (!r.matches("[a-z]{2}(-[a-z]+)+-[0-9]") || !networks.regions().contains(r)) {
            throw new InvalidInputException("region", "unknown region '" + r + "': the inventory has VPCs in "
                    + networks.regions());
        }
        VpcNetwork named = null;
        if (hubVpcId != null && !hubVpcId.isBlank()) {
            String id = hubVpcId.strip();
            if (!id.matches("vpc-[0-9a-f]{8,17}")) {
                throw new InvalidInputException("hubVpcId", "must be a VPC id (vpc- and 8 to 17 hexadecimal digits)");
            }
            named = networks.vpc(by, id).orElseThrow(() -> new InvalidInputException("hubVpcId",
                    "no VPC " + id + " in the inventory"));
            if (!named.region().equals(r)) {
                throw new InvalidInputException("hubVpcId", id + " is in " + named.region() + ", not in " + r
                        + ": a hub serves the VPCs of its own region");
            }
            if (named.zones().isEmpty()) {
                throw new InvalidInputException("hubVpcId", id + " has no subnet: a hub endpoint needs a subnet in "
                        + "at least one Availability Zone");
            }
        }
        Prices priced = prices.of(r);
        LocalDate to = savings.today().minusDays(1);
        LocalDate from = to.minusDays(properties.measuredDays() - 1L);
        List<VpcNetwork> vpcs = networks.of(by, r);
        Optional<Hub> chosen = HubAdvisor.choose(vpcs, named);
        if (chosen.isEmpty()) {
            return new SharedEndpointAdvice(r, null, from, to, List.of(), List.of(), List.of(), BigDecimal.ZERO,
                    BigDecimal.ZERO, BigDecimal.ZERO);
        }
        Hub hub = chosen.get();
        VpcNetwork hubVpc = vpcs.stream().filter(v -> v.vpcId().equals(hub.vpcId())).findFirst().orElse(named);
        Map<String, VpcFit> fits = new LinkedHashMap<>();
        vpcs.stream().filter(v -> !v.vpcId().equals(hub.vpcId())).forEach(v -> fits.put(v.vpcId(), HubAdvisor.fit(v, hub)));
        Map<String, MeasuredTraffic> measured = measured(vpcs, hub, from, to);
        Map<String, List<Member>> interfaces = new TreeMap<>();
        Map<String, TreeSet<String>> gateways = new TreeMap<>();
        for (VpcNetwork v : vpcs) {
            if (v.vpcId().equals(hub.vpcId())) {
                continue;
            }
            for (NetworkEndpoint e : v.endpoints()) {
                if (e.endpointType().equalsIgnoreCase("Interface")) {
                    interfaces.computeIfAbsent(e.serviceName(), s -> new ArrayList<>()).add(new Member(v, e));
                } else if (e.endpointType().equalsIgnoreCase("Gateway")) {
                    gateways.computeIfAbsent(e.serviceName(), s -> new TreeSet<>()).add(v.vpcId());
                }
            }
        }
        List<ServiceAdvice> services = new ArrayList<>();
        int zones = 0;
        for (var service : interfaces.entrySet()) {
            Optional<NetworkEndpoint> hubEndpoint = hubVpc.endpoints().stream()
                    .filter(e -> e.serviceName().equals(service.getKey())
                            && e.endpointType().equalsIgnoreCase("Interface")).findFirst();
            ServiceAdvice advice = ServiceCosts.advise(r, service.getKey(), service.getValue(), hubEndpoint, hub,
                    fits, measured, priced, zones, properties.billableQueriesPerZone());
            if (!advice.withHub().isEmpty()) {
                zones++;
            }
            services.add(retirements.of(by, advice, service.getValue(), hub));
        }
        gateways.forEach((service, in) -> services.add(ServiceCosts.gateway(r, service, List.copyOf(in))));
        services.sort((a, b) -> a.service().compareTo(b.service()));
        List<CostLine> attachments = attachments(hub, fits, services, priced);
        BigDecimal today = services.stream().filter(s -> s.verdict() == Verdict.SHARE).map(ServiceAdvice::todayCost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal withHub = services.stream().filter(s -> s.verdict() == Verdict.SHARE).map(ServiceAdvice::hubCost)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(attachments.stream().map(CostLine::usd).reduce(BigDecimal.ZERO, BigDecimal::add));
        return new SharedEndpointAdvice(r, hub, from, to, List.copyOf(fits.values()), services, attachments, today,
                withHub, today.subtract(withHub));
    }

    /** New attachments for the spokes of the services worth sharing that are not attached yet, and for the hub. */
    private static List<CostLine> attachments(Hub hub, Map<String, VpcFit> fits, List<ServiceAdvice> services,
            Prices priced) {
        TreeSet<String> needing = new TreeSet<>();
        services.stream().filter(s -> s.verdict() == Verdict.SHARE).flatMap(s -> s.spokes().stream())
                .filter(v -> !fits.get(v).attached()).forEach(needing::add);
        List<CostLine> lines = new ArrayList<>();
        if (!hub.attached() && services.stream().anyMatch(s -> s.verdict() == Verdict.SHARE)) {
            lines.add(priced.attachmentHour().line("hub " + hub.vpcId() + ": new Transit Gateway attachment x 730 h",
                    hub.vpcId(), SharedEndpointAdvice.HOURS_PER_MONTH, null));
        }
        needing.forEach(v -> lines.add(priced.attachmentHour().line(v + ": new Transit Gateway attachment x 730 h",
                v, SharedEndpointAdvice.HOURS_PER_MONTH, null)));
        return lines;
    }

    private Map<String, MeasuredTraffic> measured(List<VpcNetwork> vpcs, Hub hub, LocalDate from, LocalDate to) {
        Map<String, List<String>> byAccount = new TreeMap<>();
        vpcs.stream().filter(v -> !v.vpcId().equals(hub.vpcId())).forEach(v -> v.endpoints().forEach(e ->
                byAccount.computeIfAbsent(v.accountId(), a -> new ArrayList<>()).add(e.id())));
        Map<String, MeasuredTraffic> out = new HashMap<>();
        byAccount.forEach((account, ids) -> savings.measured(account, ids, from, to)
                .forEach(t -> out.put(t.resourceId(), t)));
        return out;
    }
}
