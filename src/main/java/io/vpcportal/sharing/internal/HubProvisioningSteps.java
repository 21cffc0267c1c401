package io.vpcportal.sharing.internal;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.aws.AwsCallFailed;
import io.vpcportal.aws.AwsTarget;
import io.vpcportal.platform.CanonicalJsonWriter;
import io.vpcportal.platform.Digests;
import io.vpcportal.provisioning.ProvisioningDetails.PlannedCall;
import io.vpcportal.provisioning.ProvisioningSteps;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestLifecycle;
import io.vpcportal.sharing.HubSpoke;
import io.vpcportal.sharing.SharedEndpointDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * A hub's part of provisioning: once the endpoint (private DNS off) is usable, a private hosted zone per service
 * name in the hub account, associated with the hub VPC, with alias A records (apex and {@code *.}) to the endpoint's
 * regional name; then every spoke associated, across accounts by an authorization in the hub account followed by the
 * association from the spoke account's role. Every step looks before it acts (the zone by name in the hub VPC, an
 * association in the zone's VPC list), so a retry resumes where the last attempt stopped. Just over 300 lines on
 * purpose: each step's plan entry sits beside the code that makes the call, so the plan says what runs.
 */
@Component
class HubProvisioningSteps implements ProvisioningSteps {

    private final HubStore store;
    private final HubDns dns;
    private final AccountManagement accounts;
    private final RequestLifecycle requests;

    HubProvisioningSteps(HubStore store, HubDns dns, AccountManagement accounts, RequestLifecycle requests) {
        this.store = store;
        this.dns = dns;
        this.accounts = accounts;
        this.requests = requests;
    }

    @Override
    public boolean handles(RequestDetails request) {
        return store.exists(request.id());
    }

    @Override
    public List<PlannedCall> preflightPlan(RequestDetails request, int firstSeq) {
        SharedEndpointDetails hub = hub(request);
        List<PlannedCall> calls = new ArrayList<>();
        int seq = firstSeq;
        calls.add(call(seq++, "ec2:DescribeVpcEndpointServices", "Preflight: the private DNS name EC2 gives "
                + hub.serviceName() + " is what the zones answer for (" + hub.zoneNames() + ")",
                map("ServiceNames", List.of(hub.serviceName()))));
        for (String vpc : vpcs(hub)) {
            calls.add(call(seq++, "ec2:DescribeVpcAttribute", "Preflight: enableDnsSupport and enableDnsHostnames are on "
                    + "in " + vpc + " (a private hosted zone answers only there)", map("VpcId", vpc)));
            calls.add(call(seq++, "ec2:DescribeRouteTables", "Preflight: " + vpc + " routes to the Transit Gateway "
                    + "the hub shares with its spokes (" + hub.transitGatewayId() + ")",
                    map("Filters", List.of(map("Name", "vpc-id", "Values", List.of(vpc))))));
        }
        for (HubSpoke spoke : hub.spokes()) {
            calls.add(call(seq++, "route53:ListHostedZonesByVPC", "Preflight: no other private hosted zone associated "
                    + "with " + spoke.vpcId() + " answers " + hub.zoneNames() + " (as account " + spoke.accountId() + ")",
                    map("VPCId", spoke.vpcId(), "VPCRegion", spoke.region())));
            calls.add(call(seq++, "ec2:DescribeVpcEndpoints", "Preflight: " + spoke.vpcId() + " has no endpoint of its "
                    + "own for " + hub.serviceName() + " with private DNS on (retire it first)",
                    map("Filters", List.of(map("Name", "vpc-id", "Values", List.of(spoke.vpcId())),
                            map("Name", "service-name", "Values", List.of(hub.serviceName()))))));
        }
        return calls;
    }

    @Override
    public List<PlannedCall> plan(RequestDetails request, int firstSeq) {
        SharedEndpointDetails hub = hub(request);
        List<PlannedCall> calls = new ArrayList<>();
        int seq = firstSeq;
        calls.add(call(seq++, "ec2:DescribeVpcEndpoints", "Read the new endpoint's regional DNS name and its hosted "
                + "zone id (the alias target)", map("VpcEndpointIds", List.of("(the new id)"))));
        for (String name : hub.zoneNames()) {
            calls.add(call(seq++, "route53:ListHostedZonesByVPC", "Look for the zone " + name + " already created for "
                    + "this request in " + hub.hubVpcId() + " (never create twice)",
                    map("VPCId", hub.hubVpcId(), "VPCRegion", hub.region())));
            calls.add(call(seq++, "route53:CreateHostedZone", "Create the private hosted zone " + name + ", associated "
                    + "with the hub VPC " + hub.hubVpcId(), map("Name", name, "CallerReference",
                    callerReference(request, name), "VPC", map("VPCId", hub.hubVpcId(), "VPCRegion", hub.region()),
                    "HostedZoneConfig", map("PrivateZone", true, "Comment", comment(request)))));
            calls.add(call(seq++, "route53:ChangeResourceRecordSets", "UPSERT alias A records " + name + " and *." + name
                    + " to the endpoint's regional DNS name", map("HostedZoneId", "(the zone's id)", "Changes",
                    List.of(alias(name), alias("*." + name)))));
            for (HubSpoke spoke : hub.spokes()) {
                if (crossAccount(hub, spoke)) {
                    calls.add(call(seq++, "route53:CreateVPCAssociationAuthorization", "As the hub account "
                            + hub.hubAccountId() + ": allow " + spoke.vpcId() + " of account " + spoke.accountId()
                            + " to be associated with " + name, map("HostedZoneId", "(the zone's id)", "VPC",
                            map("VPCId", spoke.vpcId(), "VPCRegion", spoke.region()))));
                    AccountDetails account = accounts.find(spoke.accountId()).orElse(null);
                    if (account != null && account.roleArn() != null) {
                        calls.add(call(seq++, "sts:AssumeRole", "Assume " + account.roleArn(), map("RoleArn",
                                account.roleArn(), "ExternalId", "(the account's external id)")));
                    }
                }
                calls.add(call(seq++, "route53:AssociateVPCWithHostedZone", "As account " + spoke.accountId()
                        + ": associate " + spoke.vpcId() + " with " + name + " (skipped when the zone lists it already)",
                        map("HostedZoneId", "(the zone's id)", "VPC", map("VPCId", spoke.vpcId(), "VPCRegion",
                                spoke.region()))));
                if (crossAccount(hub, spoke)) {
                    calls.add(call(seq++, "route53:DeleteVPCAssociationAuthorization", "As the hub account: withdraw the "
                            + "authorization, used", map("HostedZoneId", "(the zone's id)", "VPC",
                            map("VPCId", spoke.vpcId(), "VPCRegion", spoke.region()))));
                }
            }
        }
        return calls;
    }

    @Override
    public List<String> preflight(RequestDetails request, AwsTarget target) {
        SharedEndpointDetails hub = hub(request);
        List<String> problems = new ArrayList<>();
        dns.servicePrivateDnsName(target, hub.serviceName()).map(HubNames::zoneOf)
                .filter(name -> !hub.zoneNames().contains(name))
                .ifPresent(name -> problems.add("EC2 gives " + hub.serviceName() + " the private DNS name " + name
                        + ", not " + hub.zoneNames() + ": the hub's zones would not answer it"));
        Set<String> hubGateways = dnsChecks(target, hub.hubVpcId(), "the hub VPC", problems);
        Set<String> ours = new TreeSet<>(hub.zoneIds().values());
        for (HubSpoke spoke : hub.spokes()) {
            AwsTarget at = spokeTarget(request, spoke);
            Set<String> gateways = dnsChecks(at, spoke.vpcId(), "spoke " + spoke.vpcId(), problems);
            if (gateways != null && hubGateways != null && gateways.stream().noneMatch(hubGateways::contains)) {
                problems.add("Spoke " + spoke.vpcId() + " is not reachable from the hub: its route tables route to "
                        + (gateways.isEmpty() ? "no Transit Gateway" : gateways) + ", the hub's to " + hubGateways);
            }
            for (HubDns.Zone zone : dns.zonesOf(at, spoke.vpcId())) {
                if (ours.contains(zone.id())) {
                    continue;
                }
                for (String name : hub.zoneNames()) {
                    if (HubNames.answers(zone.name(), name) || HubNames.answers(name, zone.name())) {
                        problems.add("Spoke " + spoke.vpcId() + " already has the private hosted zone " + zone.name()
                                + " (" + zone.id() + "): it overlaps " + name + "; disassociate it or leave the spoke out");
                    }
                }
            }
            dns.privateDnsEndpoints(at, spoke.vpcId(), hub.serviceName()).forEach(e -> problems.add("Spoke "
                    + spoke.vpcId() + " has its own endpoint " + e + " for " + hub.serviceName() + " with private DNS on:"
                    + " its owner retires it first (a decommission request), then the hub's zone can be associated"));
        }
        return problems;
    }

    /** The VPC's Transit Gateways, after checking its DNS attributes; null when the VPC does not exist. */
    private Set<String> dnsChecks(AwsTarget target, String vpcId, String what, List<String> problems) {
        var attributes = dns.dnsAttributes(target, vpcId);
        if (attributes.isEmpty()) {
            problems.add("VPC " + vpcId + " (" + what + ") does not exist in account " + target.accountId() + ", "
                    + target.region());
            return null;
        }
        if (!attributes.get().support() || !attributes.get().hostnames()) {
            problems.add("VPC " + vpcId + " (" + what + ") needs enableDnsSupport and enableDnsHostnames switched on: a "
                    + "private hosted zone answers nothing there otherwise");
        }
        return dns.transitGateways(target, vpcId);
    }

    @Override
    public void apply(RequestDetails request, AwsTarget target, Map<Integer, String> endpointIds) {
        SharedEndpointDetails hub = hub(request);
        String endpointId = endpointIds.values().iterator().next();
        HubDns.Alias alias = dns.endpointAlias(target, endpointId);
        for (String name : hub.zoneNames()) {
            String zoneId = zone(request, hub, target, name);
            dns.upsertAliases(target, zoneId, name, alias);
            List<String> associated = dns.associatedVpcs(target, zoneId).orElseThrow(() -> new AwsCallFailed(
                    "GetHostedZone", "NoSuchHostedZone", "zone " + zoneId + " vanished; the next attempt creates it",
                    true, null));
            for (HubSpoke spoke : hub.spokes()) {
                if (associated.contains(spoke.vpcId())) {
                    continue;
                }
                AwsTarget at = spokeTarget(request, spoke);
                if (crossAccount(hub, spoke)) {
                    dns.authorize(target, zoneId, spoke.vpcId());
                    dns.associate(at, zoneId, spoke.vpcId());
                    dns.deleteAuthorization(target, zoneId, spoke.vpcId());
                } else {
                    dns.associate(at, zoneId, spoke.vpcId());
                }
            }
            requests.note(new EndpointRequestId(request.id()), "HUB", "Zone " + name + " (" + zoneId + ") answers "
                    + name + " and *." + name + " with " + endpointId + " in " + hub.hubVpcId() + " and "
                    + hub.spokes().size() + " spoke VPCs");
        }
    }

    /** The zone of {@code name}: as stored, else found by name in the hub VPC (a lost answer), else created now. */
    private String zone(RequestDetails request, SharedEndpointDetails hub, AwsTarget target, String name) {
        String known = hub.zoneIds().get(name);
        if (known != null && dns.associatedVpcs(target, known).isPresent()) {
            return known;
        }
        String zoneId = dns.zonesOf(target, hub.hubVpcId()).stream().filter(z -> z.name().equals(name))
                .map(HubDns.Zone::id).findFirst().orElse(null);
        if (zoneId == null) {
            zoneId = dns.createZone(target, name, hub.hubVpcId(), callerReference(request, name), comment(request));
        }
        store.zoneCreated(request.id(), name, zoneId);
        return zoneId;
    }

    @Override
    public List<PlannedCall> undoPlan(RequestDetails request, int firstSeq) {
        SharedEndpointDetails hub = hub(request);
        List<PlannedCall> calls = new ArrayList<>();
        int seq = firstSeq;
        for (String name : hub.zoneNames()) {
            String zoneId = hub.zoneIds().getOrDefault(name, "(the zone " + name + ")");
            calls.add(call(seq++, "route53:GetHostedZone", "Read the VPCs " + name + " is associated with (only those "
                    + "are disassociated)", map("Id", zoneId)));
            for (HubSpoke spoke : hub.spokes()) {
                calls.add(call(seq++, "route53:DisassociateVPCFromHostedZone", "As the hub account: disassociate "
                        + spoke.vpcId() + " from " + name + " (when associated)", map("HostedZoneId", zoneId, "VPC",
                        map("VPCId", spoke.vpcId(), "VPCRegion", spoke.region()))));
            }
            calls.add(call(seq++, "route53:ListResourceRecordSets", "Read the alias records of " + name,
                    map("HostedZoneId", zoneId)));
            calls.add(call(seq++, "route53:ChangeResourceRecordSets", "DELETE the alias records of " + name
                    + " (a zone with records cannot be deleted)", map("HostedZoneId", zoneId)));
            calls.add(call(seq++, "route53:DeleteHostedZone", "Delete the zone " + name, map("Id", zoneId)));
        }
        return calls;
    }

    @Override
    public void undo(RequestDetails request, AwsTarget target) {
        SharedEndpointDetails hub = hub(request);
        for (Map.Entry<String, String> zone : hub.zoneIds().entrySet()) {
            List<String> associated = dns.associatedVpcs(target, zone.getValue()).orElse(List.of());
            for (HubSpoke spoke : hub.spokes()) {
                if (associated.contains(spoke.vpcId())) {
                    dns.disassociate(target, zone.getValue(), spoke.vpcId());
                }
            }
            dns.deleteZone(target, zone.getValue());
            store.zoneDeleted(request.id(), zone.getKey());
            requests.note(new EndpointRequestId(request.id()), "HUB", "Zone " + zone.getKey() + " (" + zone.getValue()
                    + ") disassociated from its spokes and deleted");
        }
    }

    private SharedEndpointDetails hub(RequestDetails request) {
        return store.find(request.id()).orElseThrow(() -> new IllegalStateException("No hub for " + request.id()));
    }

    private AwsTarget spokeTarget(RequestDetails request, HubSpoke spoke) {
        AccountDetails account = accounts.find(spoke.accountId()).orElseThrow(() -> new AwsCallFailed("AssumeRole",
                "UnknownAccount", "account " + spoke.accountId() + " is no longer registered", false, null));
        return new AwsTarget(account.id(), spoke.region(), account.roleArn(), account.externalId(), request.id());
    }

    private static boolean crossAccount(SharedEndpointDetails hub, HubSpoke spoke) {
        return !hub.hubAccountId().equals(spoke.accountId());
    }

    private static List<String> vpcs(SharedEndpointDetails hub) {
        List<String> vpcs = new ArrayList<>(List.of(hub.hubVpcId()));
        hub.spokes().forEach(s -> vpcs.add(s.vpcId()));
        return vpcs;
    }

    /** Route 53 keeps a caller reference per zone creation: the same request and name always send the same. */
    static String callerReference(RequestDetails request, String name) {
        return "vpce-portal-" + Digests.sha256Hex(request.id() + "|" + name).substring(0, 40);
    }

    private static String comment(RequestDetails request) {
        return "vpce-portal hub of request " + request.id();
    }

    private static Map<String, Object> alias(String name) {
        return map("Action", "UPSERT", "ResourceRecordSet", map("Name", name, "Type", "A", "AliasTarget",
                map("DNSName", "(the endpoint's regional DNS name)", "HostedZoneId", "(the endpoint's hosted zone id)",
                        "EvaluateTargetHealth", false)));
    }

    private static PlannedCall call(int seq, String action, String summary, Map<String, Object> parameters) {
        return new PlannedCall(seq, 0, action, summary, CanonicalJsonWriter.write(parameters));
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return map;
    }
}
