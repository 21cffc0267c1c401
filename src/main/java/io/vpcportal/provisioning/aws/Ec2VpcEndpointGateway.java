package io.vpcportal.provisioning.aws;

import io.vpcportal.aws.AwsCallFailed;
import io.vpcportal.aws.AwsCallLog;
import io.vpcportal.aws.AwsClients;
import io.vpcportal.aws.AwsTarget;
import io.vpcportal.aws.LoggedAwsCalls;
import io.vpcportal.provisioning.EndpointChange;
import io.vpcportal.provisioning.EndpointSpec;
import io.vpcportal.provisioning.EndpointState;
import io.vpcportal.provisioning.NetworkFacts;
import io.vpcportal.provisioning.ServiceFacts;
import io.vpcportal.provisioning.VpcEndpointGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroupIdentifier;
import software.amazon.awssdk.services.ec2.model.ServiceDetail;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulItem;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * {@link VpcEndpointGateway} over the EC2 API, rate-limited per account and region (by the clients, on every
 * attempt), every call logged and its failure mapped by {@link LoggedAwsCalls}. About 300 lines: one adapter for
 * every EC2 call of the port, each a few lines of request building and of reading the answer.
 */
@Component
class Ec2VpcEndpointGateway implements VpcEndpointGateway {

    private static final int CREATE_ATTEMPTS_WHEN_THROTTLED = 4;
    private static final Duration THROTTLE_PAUSE = Duration.ofMillis(500);

    private final AwsClients clients;
    private final LoggedAwsCalls calls;

    Ec2VpcEndpointGateway(AwsClients clients, AwsCallLog log) {
        this.clients = clients;
        this.calls = new LoggedAwsCalls(log);
    }

    @Override
    public List<EndpointState> findByItemTag(AwsTarget target, String itemTag) {
        return calls.call(target, "DescribeVpcEndpoints", "tag:portal:request-item=" + itemTag, () -> ec2(target)
                .describeVpcEndpointsPaginator(r -> r.overrideConfiguration(as(target))
                        .filters(Filter.builder().name("tag:portal:request-item").values(itemTag).build()))
                .vpcEndpoints().stream().map(Ec2VpcEndpointGateway::state).toList());
    }

    @Override
    public EndpointState create(AwsTarget target, EndpointSpec spec) {
        CreateVpcEndpointRequest.Builder request = CreateVpcEndpointRequest.builder()
                .overrideConfiguration(as(target))
                .vpcId(spec.vpcId())
                .serviceName(spec.serviceName())
                .vpcEndpointType(spec.endpointType())
                .clientToken(spec.clientToken())
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.VPC_ENDPOINT)
                        .tags(spec.tags().entrySet().stream()
                                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
                        .build());
        if (!spec.routeTableIds().isEmpty()) {
            request.routeTableIds(spec.routeTableIds());
        }
        if (!spec.subnetIds().isEmpty()) {
            request.subnetIds(spec.subnetIds());
        }
        if (!spec.securityGroupIds().isEmpty()) {
            request.securityGroupIds(spec.securityGroupIds());
        }
        if (!"Gateway".equals(spec.endpointType())) {
            request.privateDnsEnabled(spec.privateDns());
        }
        if (spec.policyDocument() != null) {
            request.policyDocument(spec.policyDocument());
        }
        if (spec.serviceRegion() != null) {
            request.serviceRegion(spec.serviceRegion());
        }
        // Sent once per attempt: after a lost answer the endpoint may exist, and only the runner's lookup by tag
        // may decide to create again (the ClientToken alone is not trusted). A throttled create was refused
        // without being run, so that one, and only that one, is sent again here after a pause.
        for (int attempt = 1; ; attempt++) {
            try {
                return calls.call(target, "CreateVpcEndpoint", spec.vpcId() + " " + spec.serviceName(),
                        () -> state(clients.ec2SingleAttempt(target).createVpcEndpoint(request.build()).vpcEndpoint()));
            } catch (AwsCallFailed e) {
                if (!"RequestLimitExceeded".equals(e.code()) || attempt == CREATE_ATTEMPTS_WHEN_THROTTLED) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        long millis = (long) (THROTTLE_PAUSE.toMillis() * Math.pow(2, attempt - 1)
                * (0.5 + java.util.concurrent.ThreadLocalRandom.current().nextDouble() / 2));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsCallFailed("CreateVpcEndpoint", "Interrupted", "interrupted while throttled", true, e);
        }
    }

    @Override
    public Optional<EndpointState> describe(AwsTarget target, String endpointId) {
        try {
            return calls.call(target, "DescribeVpcEndpoints", endpointId, () -> ec2(target)
                    .describeVpcEndpoints(r -> r.overrideConfiguration(as(target)).vpcEndpointIds(endpointId))
                    .vpcEndpoints().stream().findFirst().map(Ec2VpcEndpointGateway::state));
        } catch (AwsCallFailed e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public NetworkFacts network(AwsTarget target, String vpcId, List<String> subnetIds, List<String> routeTableIds,
            List<String> securityGroupIds) {
        Ec2Client ec2 = ec2(target);
        boolean vpcExists = exists(() -> calls.call(target, "DescribeVpcs", vpcId,
                () -> ec2.describeVpcs(r -> r.overrideConfiguration(as(target)).vpcIds(vpcId)).vpcs().size() == 1));
        boolean dnsSupport = vpcExists && calls.call(target, "DescribeVpcAttribute", vpcId + " enableDnsSupport",
                () -> ec2.describeVpcAttribute(r -> r.overrideConfiguration(as(target)).vpcId(vpcId)
                        .attribute(VpcAttributeName.ENABLE_DNS_SUPPORT)).enableDnsSupport().value());
        boolean dnsHostnames = vpcExists && calls.call(target, "DescribeVpcAttribute", vpcId + " enableDnsHostnames",
                () -> ec2.describeVpcAttribute(r -> r.overrideConfiguration(as(target)).vpcId(vpcId)
                        .attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES)).enableDnsHostnames().value());
        Map<String, String> zones = new HashMap<>();
        Map<String, String> subnetVpcs = new HashMap<>();
        for (String id : subnetIds) {
            exists(() -> calls.call(target, "DescribeSubnets", id, () -> {
                ec2.describeSubnets(r -> r.overrideConfiguration(as(target)).subnetIds(id)).subnets().forEach(s -> {
                    zones.put(s.subnetId(), s.availabilityZone());
                    subnetVpcs.put(s.subnetId(), s.vpcId());
                });
                return true;
            }));
        }
        Map<String, String> routeTables = new HashMap<>();
        for (String id : routeTableIds) {
            exists(() -> calls.call(target, "DescribeRouteTables", id, () -> {
                ec2.describeRouteTables(r -> r.overrideConfiguration(as(target)).routeTableIds(id)).routeTables()
                        .forEach(t -> routeTables.put(t.routeTableId(), t.vpcId()));
                return true;
            }));
        }
        Map<String, String> groups = new HashMap<>();
        for (String id : securityGroupIds) {
            exists(() -> calls.call(target, "DescribeSecurityGroups", id, () -> {
                ec2.describeSecurityGroups(r -> r.overrideConfiguration(as(target)).groupIds(id)).securityGroups()
                        .forEach(g -> groups.put(g.groupId(), g.vpcId()));
                return true;
            }));
        }
        return new NetworkFacts(vpcExists, dnsSupport, dnsHostnames, zones, subnetVpcs, routeTables, groups);
    }

    @Override
    public ServiceFacts service(AwsTarget target, String serviceName, String serviceRegion) {
        return calls.call(target, "DescribeVpcEndpointServices", serviceName, () -> {
            List<ServiceDetail> details = new ArrayList<>();
            String next = null;
            do {
                String token = next;
                var page = ec2(target).describeVpcEndpointServices(r -> {
                    r.overrideConfiguration(as(target)).serviceNames(serviceName).nextToken(token);
                    if (serviceRegion != null) {
                        r.serviceRegions(serviceRegion);
                    }
                });
                page.serviceDetails().stream().filter(d -> serviceName.equals(d.serviceName())).forEach(details::add);
                next = page.nextToken();
            } while (next != null && !next.isEmpty());
            return new ServiceFacts(!details.isEmpty(), details.stream()
                    .flatMap(d -> d.availabilityZones().stream()).collect(Collectors.toCollection(LinkedHashSet::new)));
        });
    }

    @Override
    public List<EndpointState> endpointsFor(AwsTarget target, String vpcId, String serviceName) {
        return calls.call(target, "DescribeVpcEndpoints", vpcId + " " + serviceName, () -> ec2(target)
                .describeVpcEndpointsPaginator(r -> r.overrideConfiguration(as(target)).filters(
                        Filter.builder().name("vpc-id").values(vpcId).build(),
                        Filter.builder().name("service-name").values(serviceName).build()))
                .vpcEndpoints().stream().map(Ec2VpcEndpointGateway::state).filter(e -> !e.broken()).toList());
    }

    @Override
    public void modify(AwsTarget target, String endpointId, EndpointChange change) {
        if (change.modifiesEndpoint()) {
            modifyEndpoint(target, endpointId, change);
        }
        if (!change.setTags().isEmpty()) {
            calls.call(target, "CreateTags", endpointId + " " + String.join(", ", change.setTags().keySet()),
                    () -> ec2(target).createTags(r -> r.overrideConfiguration(as(target)).resources(endpointId)
                            .tags(change.setTags().entrySet().stream().map(t -> Tag.builder().key(t.getKey())
                                    .value(t.getValue()).build()).toList())));
        }
        if (!change.removeTagKeys().isEmpty()) {
            calls.call(target, "DeleteTags", endpointId + " " + String.join(", ", change.removeTagKeys()),
                    () -> ec2(target).deleteTags(r -> r.overrideConfiguration(as(target)).resources(endpointId)
                            .tags(change.removeTagKeys().stream().map(k -> Tag.builder().key(k).build()).toList())));
        }
    }

    private void modifyEndpoint(AwsTarget target, String endpointId, EndpointChange change) {
        ModifyVpcEndpointRequest.Builder request = ModifyVpcEndpointRequest.builder()
                .overrideConfiguration(as(target)).vpcEndpointId(endpointId);
        if (!change.addRouteTableIds().isEmpty()) {
            request.addRouteTableIds(change.addRouteTableIds());
        }
        if (!change.removeRouteTableIds().isEmpty()) {
            request.removeRouteTableIds(change.removeRouteTableIds());
        }
        if (!change.addSubnetIds().isEmpty()) {
            request.addSubnetIds(change.addSubnetIds());
        }
        if (!change.removeSubnetIds().isEmpty()) {
            request.removeSubnetIds(change.removeSubnetIds());
        }
        if (!change.addSecurityGroupIds().isEmpty()) {
            request.addSecurityGroupIds(change.addSecurityGroupIds());
        }
        if (!change.removeSecurityGroupIds().isEmpty()) {
            request.removeSecurityGroupIds(change.removeSecurityGroupIds());
        }
        if (change.policyDocument() != null) {
            request.policyDocument(change.policyDocument());
        }
        if (change.privateDns() != null) {
            request.privateDnsEnabled(change.privateDns());
        }
        boolean done = calls.call(target, "ModifyVpcEndpoint", endpointId + " " + change.summary(),
                () -> ec2(target).modifyVpcEndpoint(request.build()).returnValue());
        if (!done) {
            throw new AwsCallFailed("ModifyVpcEndpoint", "NotModified", "EC2 answered false for " + endpointId, false, null);
        }
    }

    @Override
    public void delete(AwsTarget target, String endpointId) {
        List<UnsuccessfulItem> failed = calls.call(target, "DeleteVpcEndpoints", endpointId, () -> ec2(target)
                .deleteVpcEndpoints(r -> r.overrideConfiguration(as(target)).vpcEndpointIds(endpointId))
                .unsuccessful());
        for (UnsuccessfulItem item : failed) {
            String code = item.error() == null ? null : item.error().code();
            if (code != null && code.endsWith(".NotFound")) {
                continue; // already gone: what a retry after a lost response sees
            }
            throw new AwsCallFailed("DeleteVpcEndpoints", code, item.error() == null ? "refused for " + endpointId
                    : item.error().message(), false, null);
        }
    }

    private Ec2Client ec2(AwsTarget target) {
        return clients.ec2(target);
    }

    private AwsRequestOverrideConfiguration as(AwsTarget target) {
        return clients.as(target);
    }

    /** True when the call succeeded; false when the id is unknown to EC2. */
    private static boolean exists(Supplier<Boolean> call) {
        try {
            return call.get();
        } catch (AwsCallFailed e) {
            if (e.notFound()) {
                return false;
            }
            throw e;
        }
    }

    static EndpointState state(VpcEndpoint e) {
        Map<String, String> tags = new HashMap<>();
        e.tags().forEach(t -> tags.put(t.key(), t.value()));
        return new EndpointState(e.vpcEndpointId(), e.serviceName(), e.stateAsString(),
                e.lastError() == null ? null : e.lastError().code() + ": " + e.lastError().message(),
                e.routeTableIds(), e.subnetIds(),
                e.groups().stream().map(SecurityGroupIdentifier::groupId).toList(),
                Boolean.TRUE.equals(e.privateDnsEnabled()), e.policyDocument(), tags);
    }
}
