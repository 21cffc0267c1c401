package io.vpcportal.sharing.aws;

import io.vpcportal.aws.AwsCallFailed;
import io.vpcportal.aws.AwsCallLog;
import io.vpcportal.aws.AwsClients;
import io.vpcportal.aws.AwsTarget;
import io.vpcportal.aws.LoggedAwsCalls;
import io.vpcportal.sharing.internal.HubDns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.ec2.model.DnsEntry;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.route53.model.AliasTarget;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.HostedZoneSummary;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.VPC;

/**
 * {@link HubDns} over EC2 and Route 53, with the portal's AWS clients, roles and call rates, every call logged with
 * the request it was made for (by {@link LoggedAwsCalls}).
 */
@Component
class Route53HubDns implements HubDns {

    private final AwsClients aws;
    private final LoggedAwsCalls calls;

    Route53HubDns(AwsClients aws, AwsCallLog log) {
        this.aws = aws;
        // a change still running in the zone: another attempt later
        this.calls = new LoggedAwsCalls(log).alsoThrottledOn("PriorRequestNotComplete");
    }

    @Override
    public Optional<DnsAttributes> dnsAttributes(AwsTarget target, String vpcId) {
        try {
            boolean support = calls.call(target, "DescribeVpcAttribute", vpcId, () -> aws.ec2(target)
                    .describeVpcAttribute(r -> r.overrideConfiguration(aws.as(target)).vpcId(vpcId)
                            .attribute(VpcAttributeName.ENABLE_DNS_SUPPORT))
                    .enableDnsSupport().value());
            boolean hostnames = calls.call(target, "DescribeVpcAttribute", vpcId, () -> aws.ec2(target)
                    .describeVpcAttribute(r -> r.overrideConfiguration(aws.as(target)).vpcId(vpcId)
                            .attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES))
                    .enableDnsHostnames().value());
            return Optional.of(new DnsAttributes(support, hostnames));
        } catch (AwsCallFailed e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Set<String> transitGateways(AwsTarget target, String vpcId) {
        return calls.call(target, "DescribeRouteTables", vpcId, () -> {
            Set<String> gateways = new HashSet<>();
            aws.ec2(target).describeRouteTablesPaginator(r -> r.overrideConfiguration(aws.as(target))
                    .filters(Filter.builder().name("vpc-id").values(vpcId).build())).routeTables()
                    .forEach(t -> t.routes().stream().filter(route -> route.transitGatewayId() != null)
                            .forEach(route -> gateways.add(route.transitGatewayId())));
            return gateways;
        });
    }

    @Override
    public Optional<String> servicePrivateDnsName(AwsTarget target, String serviceName) {
        return calls.call(target, "DescribeVpcEndpointServices", serviceName, () -> aws.ec2(target)
                .describeVpcEndpointServices(r -> r.overrideConfiguration(aws.as(target)).serviceNames(serviceName))
                .serviceDetails().stream().filter(d -> serviceName.equals(d.serviceName()))
                .map(d -> d.privateDnsName()).filter(n -> n != null && !n.isBlank()).findFirst());
    }

    @Override
    public List<String> privateDnsEndpoints(AwsTarget target, String vpcId, String serviceName) {
        return calls.call(target, "DescribeVpcEndpoints", vpcId + " " + serviceName, () -> aws.ec2(target)
                .describeVpcEndpointsPaginator(r -> r.overrideConfiguration(aws.as(target)).filters(
                        Filter.builder().name("vpc-id").values(vpcId).build(),
                        Filter.builder().name("service-name").values(serviceName).build()))
                .vpcEndpoints().stream().filter(e -> Boolean.TRUE.equals(e.privateDnsEnabled()))
                .filter(e -> !"deleted".equalsIgnoreCase(e.stateAsString()) && !"deleting".equalsIgnoreCase(e.stateAsString()))
                .map(e -> e.vpcEndpointId()).sorted().toList());
    }

    @Override
    public Alias endpointAlias(AwsTarget target, String endpointId) {
        List<DnsEntry> entries = calls.call(target, "DescribeVpcEndpoints", endpointId, () -> aws.ec2(target)
                .describeVpcEndpoints(r -> r.overrideConfiguration(aws.as(target)).vpcEndpointIds(endpointId))
                .vpcEndpoints().stream().flatMap(e -> e.dnsEntries().stream()).toList());
        // the regional name is the shortest: the zonal ones add the Availability Zone to it
        DnsEntry regional = entries.stream().min(Comparator.comparingInt(d -> d.dnsName().length()))
                .orElseThrow(() -> new AwsCallFailed("DescribeVpcEndpoints", "NoDnsEntries", endpointId
                        + " has no DNS names yet", true, null));
        return new Alias(regional.dnsName(), regional.hostedZoneId());
    }

    @Override
    public List<Zone> zonesOf(AwsTarget target, String vpcId) {
        return calls.call(target, "ListHostedZonesByVPC", vpcId, () -> {
            List<Zone> zones = new ArrayList<>();
            String next = null;
            do {
                String token = next;
                var page = aws.route53(target).listHostedZonesByVPC(r -> r.overrideConfiguration(aws.as(target))
                        .vpcId(vpcId).vpcRegion(target.region()).nextToken(token));
                for (HostedZoneSummary z : page.hostedZoneSummaries()) {
                    zones.add(new Zone(bare(z.hostedZoneId()), normal(z.name())));
                }
                next = page.nextToken();
            } while (next != null && !next.isEmpty());
            return zones;
        });
    }

    @Override
    public String createZone(AwsTarget target, String name, String vpcId, String callerReference, String comment) {
        return calls.call(target, "CreateHostedZone", name, () -> bare(aws.route53(target).createHostedZone(r -> r
                .overrideConfiguration(aws.as(target)).name(name).callerReference(callerReference)
                .vpc(vpc(target, vpcId)).hostedZoneConfig(c -> c.privateZone(true).comment(comment)))
                .hostedZone().id()));
    }

    @Override
    public void upsertAliases(AwsTarget target, String zoneId, String name, Alias alias) {
        List<Change> changes = List.of(name, "*." + name).stream().map(record -> Change.builder()
                .action(ChangeAction.UPSERT).resourceRecordSet(ResourceRecordSet.builder().name(record).type(RRType.A)
                        .aliasTarget(AliasTarget.builder().dnsName(alias.dnsName()).hostedZoneId(alias.hostedZoneId())
                                .evaluateTargetHealth(false).build()).build()).build()).toList();
        calls.call(target, "ChangeResourceRecordSets", zoneId, () -> aws.route53(target).changeResourceRecordSets(r -> r
                .overrideConfiguration(aws.as(target)).hostedZoneId(zoneId).changeBatch(b -> b.changes(changes))));
    }

    @Override
    public Map<String, String> aliases(AwsTarget target, String zoneId) {
        return calls.call(target, "ListResourceRecordSets", zoneId, () -> {
            Map<String, String> aliases = new TreeMap<>();
            aws.route53(target).listResourceRecordSetsPaginator(r -> r.overrideConfiguration(aws.as(target))
                    .hostedZoneId(zoneId)).resourceRecordSets().stream()
                    .filter(s -> s.type() == RRType.A && s.aliasTarget() != null)
                    .forEach(s -> aliases.put(normal(s.name().replace("\\052", "*")), normal(s.aliasTarget().dnsName())));
            return aliases;
        });
    }

    @Override
    public Optional<List<String>> associatedVpcs(AwsTarget target, String zoneId) {
        try {
            return Optional.of(calls.call(target, "GetHostedZone", zoneId, () -> aws.route53(target)
                    .getHostedZone(r -> r.overrideConfiguration(aws.as(target)).id(zoneId))
                    .vpCs().stream().map(VPC::vpcId).sorted().toList()));
        } catch (AwsCallFailed e) {
            if ("NoSuchHostedZone".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void authorize(AwsTarget zoneOwner, String zoneId, String vpcId) {
        calls.call(zoneOwner, "CreateVPCAssociationAuthorization", zoneId + " " + vpcId, () -> aws.route53(zoneOwner)
                .createVPCAssociationAuthorization(r -> r.overrideConfiguration(aws.as(zoneOwner)).hostedZoneId(zoneId)
                        .vpc(vpc(zoneOwner, vpcId))));
    }

    @Override
    public void associate(AwsTarget vpcOwner, String zoneId, String vpcId) {
        try {
            calls.call(vpcOwner, "AssociateVPCWithHostedZone", zoneId + " " + vpcId, () -> aws.route53(vpcOwner)
                    .associateVPCWithHostedZone(r -> r.overrideConfiguration(aws.as(vpcOwner)).hostedZoneId(zoneId)
                            .vpc(vpc(vpcOwner, vpcId)).comment("vpce-portal hub")));
        } catch (AwsCallFailed e) {
            // a lost answer followed by a resend: the association is there
            if (!"ConflictingDomainExists".equals(e.code()) || !associatedAlready(vpcOwner, zoneId, vpcId)) {
                throw e;
            }
        }
    }

    private boolean associatedAlready(AwsTarget vpcOwner, String zoneId, String vpcId) {
        return zonesOf(vpcOwner, vpcId).stream().anyMatch(z -> z.id().equals(zoneId));
    }

    @Override
    public void disassociate(AwsTarget caller, String zoneId, String vpcId) {
        try {
            calls.call(caller, "DisassociateVPCFromHostedZone", zoneId + " " + vpcId, () -> aws.route53(caller)
                    .disassociateVPCFromHostedZone(r -> r.overrideConfiguration(aws.as(caller)).hostedZoneId(zoneId)
                            .vpc(vpc(caller, vpcId))));
        } catch (AwsCallFailed e) {
            if (!"VPCAssociationNotFound".equals(e.code()) && !"NoSuchHostedZone".equals(e.code())) {
                throw e;
            }
        }
    }

    @Override
    public void deleteAuthorization(AwsTarget zoneOwner, String zoneId, String vpcId) {
        try {
            calls.call(zoneOwner, "DeleteVPCAssociationAuthorization", zoneId + " " + vpcId,
                    () -> aws.route53(zoneOwner).deleteVPCAssociationAuthorization(r -> r
                            .overrideConfiguration(aws.as(zoneOwner)).hostedZoneId(zoneId).vpc(vpc(zoneOwner, vpcId))));
        } catch (AwsCallFailed e) {
            if (!"VPCAssociationAuthorizationNotFound".equals(e.code()) && !"NoSuchHostedZone".equals(e.code())
                    && !"NotFound".equals(e.code())) {
                throw e;
            }
        }
    }

    @Override
    public void deleteZone(AwsTarget zoneOwner, String zoneId) {
        try {
            List<Change> deletes = calls.call(zoneOwner, "ListResourceRecordSets", zoneId, () -> aws
                    .route53(zoneOwner).listResourceRecordSetsPaginator(r -> r.overrideConfiguration(aws.as(zoneOwner))
                            .hostedZoneId(zoneId))
                    .resourceRecordSets().stream().filter(s -> s.type() == RRType.A && s.aliasTarget() != null)
                    .map(s -> Change.builder().action(ChangeAction.DELETE).resourceRecordSet(s).build()).toList());
            if (!deletes.isEmpty()) {
                calls.call(zoneOwner, "ChangeResourceRecordSets", zoneId, () -> aws.route53(zoneOwner)
                        .changeResourceRecordSets(r -> r.overrideConfiguration(aws.as(zoneOwner)).hostedZoneId(zoneId)
                                .changeBatch(b -> b.changes(deletes))));
            }
            calls.call(zoneOwner, "DeleteHostedZone", zoneId, () -> aws.route53(zoneOwner).deleteHostedZone(r -> r
                    .overrideConfiguration(aws.as(zoneOwner)).id(zoneId)));
        } catch (AwsCallFailed e) {
            if (!"NoSuchHostedZone".equals(e.code())) {
                throw e;
            }
        }
    }

    private static VPC vpc(AwsTarget target, String vpcId) {
        return VPC.builder().vpcId(vpcId).vpcRegion(target.region()).build();
    }

    private static String bare(String zoneId) {
        return zoneId.replaceFirst("^/hostedzone/", "");
    }

    private static String normal(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

}
