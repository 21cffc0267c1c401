package io.vpcportal.sharing.internal;

import io.vpcportal.inventory.RegionNetworks.VpcNetwork;
import io.vpcportal.sharing.SharedEndpointAdvice.Hub;
import io.vpcportal.sharing.SharedEndpointAdvice.VpcFit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Chooses the hub VPC and tells which VPCs can reach it. A spoke can use the hub when its route tables route to
 * the hub's Transit Gateway (attached), or when it routes to no Transit Gateway at all (it can be attached, at
 * the price of an attachment); a spoke that routes to another Transit Gateway cannot reach the hub.
 */
public final class HubAdvisor {

    private HubAdvisor() {
    }

    /**
     * The hub: {@code named} when given (the caller checked it is in the region), else the VPC tagged
     * {@code portal:hub}, else the VPC with the most interface endpoints among those on the region's most used
     * Transit Gateway (or among all VPCs when none routes to one); never a VPC without subnets or a stale one.
     * Empty when the region has no such VPC.
     */
    public static Optional<Hub> choose(List<VpcNetwork> vpcs, VpcNetwork named) {
        String common = mostUsedGateway(vpcs);
        if (named != null) {
            return Optional.of(hub(named, false, "named by the caller (hubVpcId)", common));
        }
        // a hub endpoint needs a subnet: VPCs without one are never proposed
        List<VpcNetwork> able = vpcs.stream().filter(v -> !v.zones().isEmpty() && !v.stale()).toList();
        Optional<VpcNetwork> tagged = able.stream().filter(v -> v.hubTag() != null).findFirst();
        if (tagged.isPresent()) {
            return Optional.of(hub(tagged.get(), true, "tagged portal:hub", common));
        }
        List<VpcNetwork> onCommon = able.stream().filter(v -> common != null && v.transitGateways().contains(common))
                .toList();
        return (onCommon.isEmpty() ? able : onCommon).stream()
                .max(Comparator.comparingLong(HubAdvisor::interfaceEndpoints)
                        .thenComparing(VpcNetwork::vpcId, Comparator.reverseOrder()))
                .map(v -> hub(v, true, (onCommon.isEmpty() ? "no VPC with a subnet routes to a Transit Gateway; it has"
                        : "routes to " + common + ", the region's most used Transit Gateway, and has")
                        + " the most interface endpoints (" + interfaceEndpoints(v) + ")", common));
    }

    /** Whether {@code vpc} can use the hub, and why. */
    public static VpcFit fit(VpcNetwork vpc, Hub hub) {
        if (vpc.stale()) {
            return new VpcFit(vpc.vpcId(), vpc.accountId(), vpc.name(), false, false,
                    "its region could not be read at the last sync: what the inventory holds may be out of date");
        }
        if (hub.transitGateway() != null && vpc.transitGateways().contains(hub.transitGateway())) {
            return new VpcFit(vpc.vpcId(), vpc.accountId(), vpc.name(), true, true,
                    "routes to the hub's Transit Gateway " + hub.transitGateway());
        }
        if (vpc.transitGateways().isEmpty()) {
            return new VpcFit(vpc.vpcId(), vpc.accountId(), vpc.name(), true, false, "routes to no Transit Gateway: "
                    + "it needs an attachment to " + (hub.transitGateway() == null ? "a Transit Gateway"
                    : hub.transitGateway()) + " (priced) and a route to the hub");
        }
        return new VpcFit(vpc.vpcId(), vpc.accountId(), vpc.name(), false, false, "not reachable: it routes to "
                + String.join(", ", vpc.transitGateways()) + ", not to the hub's Transit Gateway "
                + (hub.transitGateway() == null ? "(the hub routes to none)" : hub.transitGateway()));
    }

    private static Hub hub(VpcNetwork vpc, boolean proposed, String reason, String common) {
        String gateway = vpc.transitGateways().isEmpty() ? common : vpc.transitGateways().get(0);
        return new Hub(vpc.vpcId(), vpc.accountId(), vpc.name(), proposed, reason, vpc.zones(), gateway,
                gateway != null && vpc.transitGateways().contains(gateway));
    }

    private static long interfaceEndpoints(VpcNetwork vpc) {
        return vpc.endpoints().stream().filter(e -> e.endpointType().equalsIgnoreCase("Interface")).count();
    }

    private static String mostUsedGateway(List<VpcNetwork> vpcs) {
        Map<String, Integer> uses = new TreeMap<>();
        vpcs.forEach(v -> v.transitGateways().forEach(t -> uses.merge(t, 1, Integer::sum)));
        return uses.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey)
                .orElse(null);
    }
}
