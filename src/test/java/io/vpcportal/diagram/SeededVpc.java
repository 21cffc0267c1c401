package io.vpcportal.diagram;

import io.vpcportal.inventory.RegionSnapshot.ObservedEndpoint;
import io.vpcportal.inventory.RegionSnapshot.ObservedResource;
import io.vpcportal.inventory.RegionSnapshot.ResourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A VPC as a sync would store it (for contexts without AWS, through {@code inventory.InventoryFixtures}): a public
 * subnet with the NAT gateway, private subnets spread over zones behind it, and the endpoints added to it.
 */
public final class SeededVpc {

    public final String region;
    public final String vpc = id("vpc");
    public final String igw = id("igw");
    public final String nat = id("nat");
    public final String publicSubnet = id("subnet");
    public final String publicTable = id("rtb");
    public final String privateTable = id("rtb");
    public final String group = id("sg");
    public final List<String> privateSubnets = new ArrayList<>();
    public final List<ObservedEndpoint> endpoints = new ArrayList<>();
    private final List<ObservedResource> resources = new ArrayList<>();

    /** {@code privateSubnets} private subnets over three zones (a, b, c) of {@code region}. */
    public SeededVpc(String region, int privateSubnets) {
        this.region = region;
        resources.add(resource(ResourceType.VPC, vpc, "priced", "available", "cidr", "10.60.0.0/16"));
        resources.add(resource(ResourceType.SUBNET, publicSubnet, "public-a", "available", "cidr", "10.60.0.0/24",
                "zone", region + "a"));
        List<String> subnets = new ArrayList<>();
        for (int i = 0; i < privateSubnets; i++) {
            String id = id("subnet");
            this.privateSubnets.add(id);
            subnets.add(id);
            resources.add(resource(ResourceType.SUBNET, id, "workload-" + i, "available", "cidr",
                    "10.60." + (i + 1) + ".0/24", "zone", region + (char) ('a' + i % 3)));
        }
        resources.add(table(publicTable, "public", List.of(publicSubnet), "0.0.0.0/0 -> " + igw));
        resources.add(table(privateTable, "private", subnets, "0.0.0.0/0 -> " + nat));
        resources.add(resource(ResourceType.NAT_GATEWAY, nat, "egress", "available", "subnet", publicSubnet));
        resources.add(resource(ResourceType.SECURITY_GROUP, group, "endpoints", null, "groupName", "endpoints"));
    }

    /** Adds a gateway endpoint on the private route table; answers its id. */
    public String gateway(String service) {
        String id = id("vpce");
        endpoints.add(new ObservedEndpoint(id, vpc, "com.amazonaws." + region + "." + service, "Gateway", "available",
                false, null, List.of(privateTable), List.of(), List.of(), List.of(), List.of(), new TreeMap<>(),
                Instant.parse("2026-01-05T10:00:00Z")));
        return id;
    }

    /** Adds an interface endpoint with an ENI in each of the given subnets; answers its id. */
    public String interfaceEndpoint(String service, List<String> subnets) {
        String id = id("vpce");
        endpoints.add(new ObservedEndpoint(id, vpc, "com.amazonaws." + region + "." + service, "Interface",
                "available", true, null, List.of(), List.copyOf(subnets), List.of(group), List.of(), List.of(),
                new TreeMap<>(), Instant.parse("2026-01-05T10:00:00Z")));
        return id;
    }

    public io.vpcportal.inventory.RegionSnapshot snapshot() {
        return new io.vpcportal.inventory.RegionSnapshot(List.copyOf(endpoints), List.copyOf(resources));
    }

    /** Several VPCs of one region in one snapshot (a snapshot replaces what the region held). */
    public static io.vpcportal.inventory.RegionSnapshot snapshot(SeededVpc... vpcs) {
        List<ObservedEndpoint> endpoints = new ArrayList<>();
        List<ObservedResource> resources = new ArrayList<>();
        for (SeededVpc v : vpcs) {
            endpoints.addAll(v.endpoints);
            resources.addAll(v.resources);
        }
        return new io.vpcportal.inventory.RegionSnapshot(endpoints, resources);
    }

    private ObservedResource table(String id, String name, List<String> subnets, String route) {
        SortedMap<String, List<String>> a = new TreeMap<>();
        a.put("subnets", subnets.stream().sorted().toList());
        a.put("main", List.of("false"));
        a.put("routes", List.of("10.60.0.0/16 -> local", route).stream().sorted().toList());
        return new ObservedResource(ResourceType.ROUTE_TABLE, id, vpc, name, null, a);
    }

    private ObservedResource resource(ResourceType type, String id, String name, String state, String... pairs) {
        SortedMap<String, List<String>> a = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            a.put(pairs[i], List.of(pairs[i + 1]));
        }
        return new ObservedResource(type, id, vpc, name, state, a);
    }

    /** A random id of EC2's 17-hex-digit shape. */
    public static String id(String prefix) {
        StringBuilder out = new StringBuilder(prefix).append("-0");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (out.length() < prefix.length() + 18) {
            out.append(Integer.toHexString(random.nextInt(16)));
        }
        return out.toString();
    }
}
