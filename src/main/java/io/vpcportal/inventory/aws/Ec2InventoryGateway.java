package io.vpcportal.inventory.aws;

import io.vpcportal.aws.AwsClients;
import io.vpcportal.aws.AwsTarget;
import io.vpcportal.inventory.internal.InventoryGateway;
import io.vpcportal.inventory.internal.InventoryReadFailed;
import io.vpcportal.inventory.PrivateHostedZone;
import io.vpcportal.inventory.RegionSnapshot;
import io.vpcportal.inventory.RegionSnapshot.ObservedEndpoint;
import io.vpcportal.inventory.RegionSnapshot.ObservedResource;
import io.vpcportal.inventory.RegionSnapshot.ResourceType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * {@link InventoryGateway} over the EC2 Describe APIs, every list through the SDK's paginators (1000 items a
 * page where the API allows it), one rate-limit permit per HTTP attempt, with the role and clients provisioning uses.
 */
@Component
class Ec2InventoryGateway implements InventoryGateway {

    private static final int PAGE = 1000;

    private final AwsClients aws;

    Ec2InventoryGateway(AwsClients aws) {
        this.aws = aws;
    }

    @Override
    public RegionSnapshot snapshot(AwsTarget target, AtomicInteger calls) {
        Ec2Client ec2 = aws.ec2(target);
        var as = counted(aws.as(target), calls);
        List<ObservedEndpoint> endpoints = new ArrayList<>();
        List<ObservedResource> resources = new ArrayList<>();
        pages(target, "DescribeVpcEndpoints", ec2.describeVpcEndpointsPaginator(r -> r.overrideConfiguration(as)
                .maxResults(PAGE)), p -> p.vpcEndpoints(), e -> endpoints.add(endpoint(e)));
        withServiceDnsNames(target, ec2, as, endpoints);
        pages(target, "DescribeVpcs", ec2.describeVpcsPaginator(r -> r.overrideConfiguration(as).maxResults(PAGE)),
                p -> p.vpcs(), v -> resources.add(vpc(v)));
        pages(target, "DescribeSubnets", ec2.describeSubnetsPaginator(r -> r.overrideConfiguration(as)
                .maxResults(PAGE)), p -> p.subnets(), s -> resources.add(subnet(s)));
        pages(target, "DescribeRouteTables", ec2.describeRouteTablesPaginator(r -> r.overrideConfiguration(as)
                .maxResults(100)), p -> p.routeTables(), t -> resources.add(routeTable(t)));
        pages(target, "DescribeSecurityGroups", ec2.describeSecurityGroupsPaginator(r -> r.overrideConfiguration(as)
                .maxResults(PAGE)), p -> p.securityGroups(), g -> resources.add(securityGroup(g)));
        pages(target, "DescribeNatGateways", ec2.describeNatGatewaysPaginator(r -> r.overrideConfiguration(as)
                .maxResults(PAGE)), p -> p.natGateways(), n -> resources.add(natGateway(n)));
        return new RegionSnapshot(endpoints, resources);
    }

    /**
     * The name private DNS would answer for each service that has an interface endpoint with private DNS off
     * (what the Private DNS recommendation needs): one DescribeVpcEndpointServices for them all, one per service
     * when EC2 refuses the list (a service that no longer exists fails the whole call).
     */
    private void withServiceDnsNames(AwsTarget target, Ec2Client ec2,
            AwsRequestOverrideConfiguration as, List<ObservedEndpoint> endpoints) {
        List<String> services = endpoints.stream().filter(ObservedEndpoint::privateDnsOff)
                .map(ObservedEndpoint::serviceName).distinct().sorted().toList();
        if (services.isEmpty()) {
            return;
        }
        Map<String, String> names = new HashMap<>();
        try {
            serviceDnsNames(ec2, as, services, names);
        } catch (AwsServiceException listRefused) {
            for (String service : services) {
                try {
                    serviceDnsNames(ec2, as, List.of(service), names);
                } catch (AwsServiceException unknown) {
                    // no name for this one: no recommendation either
                }
            }
        } catch (SdkException e) {
            throw new InventoryReadFailed("DescribeVpcEndpointServices", "ClientError", e.getMessage(), e);
        }
        endpoints.replaceAll(e -> e.privateDnsOff() ? e.withServicePrivateDnsName(names.get(e.serviceName())) : e);
    }

    private static void serviceDnsNames(Ec2Client ec2, AwsRequestOverrideConfiguration as,
            List<String> services, Map<String, String> names) {
        String next = null;
        do {
            String token = next;
            var page = ec2.describeVpcEndpointServices(r -> r.overrideConfiguration(as).serviceNames(services)
                    .nextToken(token));
            page.serviceDetails().stream().filter(d -> d.privateDnsName() != null && services.contains(d.serviceName()))
                    .forEach(d -> names.put(d.serviceName(), d.privateDnsName()));
            next = page.nextToken();
        } while (next != null && !next.isEmpty());
    }

    @Override
    public List<PrivateHostedZone> privateZones(AwsTarget target, AtomicInteger calls) {
        Route53Client route53 = aws.route53(target);
        var as = counted(aws.as(target), calls);
        List<PrivateHostedZone> zones = new ArrayList<>();
        List<HostedZone> private_ = new ArrayList<>();
        pages(target, "route53:ListHostedZones", route53.listHostedZonesPaginator(r -> r.overrideConfiguration(as)),
                p -> p.hostedZones(), z -> {
                    if (z.config() != null && Boolean.TRUE.equals(z.config().privateZone())) {
                        private_.add(z);
                    }
                });
        for (var zone : private_) {
            try {
                var details = route53.getHostedZone(r -> r.overrideConfiguration(as).id(zone.id()));
                zones.add(new PrivateHostedZone(zone.id().replaceFirst("^/hostedzone/", ""),
                        PrivateHostedZone.normal(zone.name()), details.vpCs().stream()
                        .map(v -> new PrivateHostedZone.Association(v.vpcRegionAsString(), v.vpcId())).toList()));
            } catch (AwsServiceException e) {
                if ("NoSuchHostedZone".equals(e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode())) {
                    continue; // deleted between the list and the read
                }
                throw failed(target, "route53:GetHostedZone", e);
            } catch (SdkException e) {
                throw new InventoryReadFailed("route53:GetHostedZone", "ClientError", e.getMessage(), e);
            }
        }
        return zones;
    }

    /** The per-call configuration plus a metric publisher that counts each call's HTTP attempts into {@code calls}. */
    private static AwsRequestOverrideConfiguration counted(AwsRequestOverrideConfiguration as, AtomicInteger calls) {
        return as.toBuilder().addMetricPublisher(new MetricPublisher() {
            @Override
            public void publish(MetricCollection call) {
                long attempts = call.children().stream().filter(c -> "ApiCallAttempt".equals(c.name())).count();
                calls.addAndGet((int) Math.max(1, attempts));
            }

            @Override
            public void close() {
            }
        }).build();
    }

    /**
     * Walks the pages; the client takes a rate-limit permit before each HTTP attempt. SDK failures become the
     * module's own; a role the account refuses to let the portal assume fails as {@code sts:AssumeRole}.
     */
    private <P, T> void pages(AwsTarget target, String action, SdkIterable<P> pages, Function<P, List<T>> items,
            Consumer<T> sink) {
        try {
            Iterator<P> it = pages.iterator();
            while (it.hasNext()) {
                items.apply(it.next()).forEach(sink);
            }
        } catch (AwsServiceException e) {
            throw failed(target, action, e);
        } catch (SdkException e) {
            if (e.getCause() instanceof AwsServiceException cause) {
                throw failed(target, action, cause);
            }
            throw new InventoryReadFailed(action, "ClientError", e.getMessage(), e);
        }
    }

    static InventoryReadFailed failed(AwsTarget target, String action, AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        // the credentials provider assumes the role while signing the first call: its refusal is STS's, not EC2's
        String what = e instanceof StsException ? "sts:AssumeRole of " + target.roleArn() : action;
        return new InventoryReadFailed(what, code, message, e);
    }

    private static ObservedEndpoint endpoint(VpcEndpoint e) {
        List<String> dns = e.dnsEntries().stream().map(d -> d.dnsName() + (d.hostedZoneId() == null ? ""
                : " (" + d.hostedZoneId() + ")")).sorted().toList();
        return new ObservedEndpoint(e.vpcEndpointId(), e.vpcId(), e.serviceName(),
                Objects.requireNonNullElse(e.vpcEndpointTypeAsString(), "Unknown"), e.stateAsString(),
                Boolean.TRUE.equals(e.privateDnsEnabled()), e.policyDocument(), sorted(e.routeTableIds()),
                sorted(e.subnetIds()), sorted(e.groups().stream().map(SecurityGroupIdentifier::groupId).toList()),
                sorted(e.networkInterfaceIds()), dns, tags(e.tags()), e.creationTimestamp());
    }

    private static ObservedResource vpc(Vpc v) {
        SortedMap<String, List<String>> a = new TreeMap<>();
        a.put("cidr", List.of(Objects.requireNonNullElse(v.cidrBlock(), "")));
        a.put("default", List.of(String.valueOf(Boolean.TRUE.equals(v.isDefault()))));
        v.tags().stream().filter(t -> "portal:quick-start".equals(t.key()) && t.value() != null).findFirst()
                .ifPresent(t -> a.put("quickStart", List.of(t.value())));
        v.tags().stream().filter(t -> "portal:hub".equals(t.key())).findFirst()
                .ifPresent(t -> a.put("hub", List.of(Objects.requireNonNullElse(t.value(), ""))));
        return new ObservedResource(ResourceType.VPC, v.vpcId(), v.vpcId(), name(v.tags()), v.stateAsString(), a);
    }

    private static ObservedResource subnet(Subnet s) {
        SortedMap<String, List<String>> a = new TreeMap<>();
        a.put("cidr", List.of(Objects.requireNonNullElse(s.cidrBlock(), "")));
        a.put("zone", List.of(Objects.requireNonNullElse(s.availabilityZone(), "")));
        return new ObservedResource(ResourceType.SUBNET, s.subnetId(), s.vpcId(), name(s.tags()), s.stateAsString(), a);
    }

    private static ObservedResource routeTable(RouteTable t) {
        SortedMap<String, List<String>> a = new TreeMap<>();
        a.put("subnets", sorted(t.associations().stream().map(x -> x.subnetId()).filter(Objects::nonNull).toList()));
        a.put("main", List.of(String.valueOf(t.associations().stream().anyMatch(x -> Boolean.TRUE.equals(x.main())))));
        a.put("routes", sorted(t.routes().stream().map(r -> destination(r) + " -> " + target(r)).toList()));
        return new ObservedResource(ResourceType.ROUTE_TABLE, t.routeTableId(), t.vpcId(), name(t.tags()), null, a);
    }

    private static String destination(Route r) {
        return r.destinationCidrBlock() != null ? r.destinationCidrBlock()
                : r.destinationPrefixListId() != null ? r.destinationPrefixListId()
                : Objects.requireNonNullElse(r.destinationIpv6CidrBlock(), "?");
    }

    private static String target(Route r) {
        return r.natGatewayId() != null ? r.natGatewayId() : r.gatewayId() != null ? r.gatewayId()
                : r.networkInterfaceId() != null ? r.networkInterfaceId()
                : r.vpcPeeringConnectionId() != null ? r.vpcPeeringConnectionId()
                : Objects.requireNonNullElse(r.transitGatewayId(), "?");
    }

    private static ObservedResource securityGroup(SecurityGroup g) {
        SortedMap<String, List<String>> a = new TreeMap<>();
        a.put("groupName", List.of(Objects.requireNonNullElse(g.groupName(), "")));
        a.put("description", List.of(Objects.requireNonNullElse(g.description(), "")));
        return new ObservedResource(ResourceType.SECURITY_GROUP, g.groupId(), g.vpcId(),
                name(g.tags()) == null ? g.groupName() : name(g.tags()), null, a);
    }

    private static ObservedResource natGateway(NatGateway n) {
        SortedMap<String, List<String>> a = new TreeMap<>();
        a.put("subnet", List.of(Objects.requireNonNullElse(n.subnetId(), "")));
        a.put("connectivity", List.of(Objects.requireNonNullElse(n.connectivityTypeAsString(), "public")));
        return new ObservedResource(ResourceType.NAT_GATEWAY, n.natGatewayId(), n.vpcId(), name(n.tags()),
                n.stateAsString(), a);
    }

    private static String name(List<Tag> tags) {
        return tags.stream().filter(t -> "Name".equals(t.key())).map(Tag::value).findFirst().orElse(null);
    }

    private static SortedMap<String, String> tags(List<Tag> tags) {
        SortedMap<String, String> map = new TreeMap<>();
        tags.forEach(t -> map.put(t.key(), Objects.requireNonNullElse(t.value(), "")));
        return map;
    }

    private static List<String> sorted(Collection<String> ids) {
        return ids == null ? List.of() : ids.stream().filter(Objects::nonNull).distinct().sorted().toList();
    }
}
