package io.vpcportal.diagram.internal;

import io.vpcportal.diagram.PlannedEndpoints;
import io.vpcportal.diagram.SharedPaths.Served;
import io.vpcportal.diagram.SharedPaths.Shares;
import io.vpcportal.diagram.SharedPaths.ViaHub;

import io.vpcportal.diagram.internal.NetworkModel.EndpointNode;
import io.vpcportal.diagram.internal.NetworkModel.EndpointNode.Kind;
import io.vpcportal.diagram.internal.NetworkModel.EniNode;
import io.vpcportal.diagram.internal.NetworkModel.NatNode;
import io.vpcportal.diagram.internal.NetworkModel.PathNode;
import io.vpcportal.diagram.internal.NetworkModel.RouteTableNode;
import io.vpcportal.diagram.internal.NetworkModel.ServiceNode;
import io.vpcportal.diagram.internal.NetworkModel.SubnetNode;
import io.vpcportal.diagram.internal.NetworkModel.Via;
import io.vpcportal.inventory.VpcCoverage.RouteTableView;
import io.vpcportal.inventory.VpcTopology;
import io.vpcportal.diagram.internal.NetworkModel.RequestTotal;
import io.vpcportal.diagram.internal.NetworkModel.Traffic;
import io.vpcportal.diagram.PlannedEndpoints.Item;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the {@link NetworkModel} of a VPC from the inventory, optionally with planned endpoints (a request, or the
 * request form before it is saved): {@code BEFORE} draws their services as reached the way they are today (through
 * NAT), {@code AFTER} adds the endpoints as planned and moves those services onto them. {@link Figures} put the
 * measured and estimated monthly traffic on the paths.
 */
public final class NetworkModels {

    public enum View {
        CURRENT, BEFORE, AFTER
    }

    private static final Set<String> BROKEN = Set.of("deleted", "deleting", "failed", "rejected", "expired");

    private NetworkModels() {
    }

    public static NetworkModel of(VpcTopology vpc, PlannedEndpoints plan, View view) {
        return of(vpc, plan, view, Figures.NONE);
    }

    public static NetworkModel of(VpcTopology vpc, PlannedEndpoints plan, View view, Figures figures) {
        return of(vpc, plan, view, figures, Shares.NONE);
    }

    /**
     * The same with what other modules know of the VPC's shared paths: services reached through a hub VPC (a path
     * each, {@link Via#HUB}) and services served to spokes from this VPC; {@link Shares#NONE} adds nothing.
     */
    public static NetworkModel of(VpcTopology vpc, PlannedEndpoints plan, View view, Figures figures, Shares shares) {
        String igw = vpc.routeTables().stream().flatMap(t -> t.routes().stream()).map(NetworkModels::target)
                .filter(t -> t.startsWith("igw-")).sorted().findFirst().orElse(null);
        RouteTableView main = vpc.routeTables().stream().filter(RouteTableView::main).findFirst().orElse(null);
        Map<String, RouteTableView> tableOfSubnet = new LinkedHashMap<>();
        vpc.routeTables().forEach(t -> t.subnetIds().forEach(s -> tableOfSubnet.put(s, t)));
        Map<String, String> groupNames = vpc.securityGroups().stream()
                .collect(Collectors.toMap(VpcTopology.SecurityGroup::id, g -> g.name() == null ? g.id() : g.name(),
                        (a, b) -> a));

        List<EndpointNode> endpoints = new ArrayList<>();
        for (VpcTopology.Endpoint e : vpc.endpoints()) {
            if (BROKEN.contains(lower(e.state()))) {
                continue;
            }
            endpoints.add(new EndpointNode(e.id(), kind(e.endpointType()), Services.key(e.serviceName()),
                    e.serviceName(), e.state(), e.routeTableIds(), e.subnetIds(), groups(e.securityGroupIds(), groupNames),
                    false));
        }
        Map<String, Integer> plannedPosition = new LinkedHashMap<>();
        if (view == View.AFTER && plan != null) {
            for (Item item : plan.items()) {
                boolean exists = plan.requestId() != null && vpc.endpoints().stream().anyMatch(e -> plan.requestId()
                        .toString().equals(e.requestId()) && e.serviceName().equals(item.serviceName())
                        && !BROKEN.contains(lower(e.state())));
                if (exists) {
                    continue; // provisioned and synced: already drawn as it is
                }
                plannedPosition.put(plannedId(plan, item), item.position());
                endpoints.add(new EndpointNode(plannedId(plan, item), kind(item.endpointType()),
                        Services.key(item.serviceName()), item.serviceName(), "planned", item.routeTableIds(),
                        item.subnetIds(), groups(item.securityGroupIds(), groupNames), true));
            }
        }

        List<RouteTableNode> tables = vpc.routeTables().stream().sorted(Comparator.comparing(RouteTableView::id))
                .map(t -> new RouteTableNode(t.id(), t.name(), t.main(), isPublic(t), t.subnetIds())).toList();
        List<SubnetNode> subnets = vpc.subnets().stream()
                .map(s -> {
                    RouteTableView table = tableOfSubnet.getOrDefault(s.id(), main);
                    List<EniNode> enis = endpoints.stream().filter(e -> e.kind() != Kind.GATEWAY)
                            .filter(e -> e.subnetIds().contains(s.id()))
                            .map(e -> new EniNode(e.id(), Services.label(e.serviceName()), e.securityGroups(),
                                    e.planned()))
                            .toList();
                    return new SubnetNode(s.id(), s.name(), s.cidr(), s.zone() == null ? "unknown zone" : s.zone(),
                            table != null && isPublic(table), table == null ? null : table.id(), enis);
                })
                .sorted(Comparator.comparing(SubnetNode::zone).thenComparing(s -> !s.isPublic())
                        .thenComparing(s -> Objects.requireNonNullElse(s.cidr(), "")).thenComparing(SubnetNode::id))
                .toList();
        List<String> zones = subnets.stream().map(SubnetNode::zone).distinct().sorted().toList();
        List<NatNode> nats = vpc.natGateways().stream().map(n -> new NatNode(n.id(), n.name(), n.subnetId(),
                figures.measured().get(n.id()))).toList();

        Map<String, ServiceNode> services = new LinkedHashMap<>();
        List<PathNode> paths = new ArrayList<>();
        Set<String> requested = new TreeSet<>();
        if (plan != null && view != View.CURRENT) {
            plan.items().forEach(i -> requested.add(Services.key(i.serviceName())));
        }
        for (EndpointNode e : endpoints) {
            services.putIfAbsent(e.serviceKey(), service(e.serviceName()));
            Traffic traffic = e.planned() ? figures.planned().get(plannedPosition.get(e.id()))
                    : figures.measured().get(e.id());
            paths.add(new PathNode(e.serviceKey(), Via.ENDPOINT, e.id(), traffic, e.planned()));
        }
        if (igw != null) {
            Via egress = nats.isEmpty() ? Via.INTERNET : Via.NAT;
            Function<String, Boolean> hasGateway = key -> endpoints.stream()
                    .anyMatch(e -> e.kind() == Kind.GATEWAY && e.serviceKey().equals(key));
            if (!nats.isEmpty()) {
                // what the coverage check points out: NAT carries S3 and DynamoDB traffic a free endpoint would carry
                for (String key : List.of("s3", "dynamodb")) {
                    if (!hasGateway.apply(key) && !requested.contains(key)) {
                        String name = "com.amazonaws." + vpc.region() + "." + key;
                        services.putIfAbsent(key, service(name));
                        paths.add(new PathNode(key, Via.NAT, igw, figures.measured().get(
                                Figures.missed(vpc.vpcId(), key)), false));
                    }
                }
            }
            if (view == View.BEFORE && plan != null) {
                for (Item item : plan.items()) {
                    String key = Services.key(item.serviceName());
                    services.putIfAbsent(key, service(item.serviceName()));
                    if (paths.stream().noneMatch(p -> p.serviceKey().equals(key) && p.via() != Via.ENDPOINT)) {
                        Traffic traffic = figures.measured().get(Figures.missed(vpc.vpcId(), key));
                        paths.add(new PathNode(key, egress, igw, traffic != null ? traffic
                                : natToday(plan, key, figures), false));
                    }
                }
            }
        }
        for (ViaHub h : shares.viaHubs()) {
            String key = Services.key(h.serviceName());
            services.putIfAbsent(key, service(h.serviceName()));
            Traffic traffic = h.gbPerMonth() == null ? null
                    : new Traffic(true, h.gbPerMonth(), null, null, null, h.basis());
            paths.add(new PathNode(key, Via.HUB, h.hubVpcId(), traffic, false, h.transitGatewayId()));
        }
        for (Served s : shares.served()) {
            services.putIfAbsent(Services.key(s.serviceName()), service(s.serviceName()));
        }
        List<ServiceNode> orderedServices = services.values().stream()
                .sorted(Comparator.comparing(ServiceNode::partner).thenComparing(ServiceNode::key)).toList();
        List<PathNode> orderedPaths = paths.stream().sorted(Comparator.comparing(
                (PathNode p) -> orderedServices.indexOf(services.get(p.serviceKey()))).thenComparing(PathNode::id))
                .toList();
        RequestTotal total = plan == null || view == View.CURRENT || plan.totalGb() == null || plan.perItemGb()
                || plan.items().isEmpty() ? null : new RequestTotal(plan.totalGb(), plan.items().size());
        return new NetworkModel(vpc.vpcId(), vpc.name(), vpc.cidr(), vpc.accountId(), vpc.region(), vpc.stale(),
                view.name().toLowerCase(Locale.ROOT), zones, subnets, tables, igw, nats, endpoints, orderedServices,
                orderedPaths, total, shares.served());
    }

    /** The id a planned item is drawn with until it exists: {@code planned-<request 8 or form>-<position>}. */
    public static String plannedId(PlannedEndpoints plan, Item item) {
        return "planned-" + plan.key() + "-" + item.position();
    }

    /** What the planned items of one service pay the NAT gateway today, estimated; null when not estimated. */
    private static Traffic natToday(PlannedEndpoints plan, String serviceKey, Figures figures) {
        List<Traffic> items = plan.items().stream().filter(i -> Services.key(i.serviceName()).equals(serviceKey))
                .map(i -> figures.planned().get(i.position())).filter(Objects::nonNull).toList();
        if (items.isEmpty()) {
            return null;
        }
        BigDecimal gb = items.stream().allMatch(t -> t.gb() != null)
                ? items.stream().map(Traffic::gb).reduce(BigDecimal.ZERO, BigDecimal::add) : null;
        BigDecimal nat = items.stream().map(Traffic::natCost).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Traffic(false, gb, null, null, nat, items.get(0).basis());
    }

    private static ServiceNode service(String serviceName) {
        return new ServiceNode(Services.key(serviceName), Services.label(serviceName), serviceName,
                Services.partner(serviceName));
    }

    private static boolean isPublic(RouteTableView table) {
        return table.routes().stream().map(NetworkModels::target).anyMatch(t -> t.startsWith("igw-"));
    }

    private static String target(String route) {
        int arrow = route.indexOf("->");
        return arrow < 0 ? "" : route.substring(arrow + 2).strip();
    }

    private static Kind kind(String type) {
        return switch (lower(type)) {
            case "gateway" -> Kind.GATEWAY;
            case "interface" -> Kind.INTERFACE;
            default -> Kind.OTHER;
        };
    }

    private static String groups(List<String> ids, Map<String, String> names) {
        return ids.stream().map(id -> names.getOrDefault(id, id)).collect(Collectors.joining(", "));
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
