package io.vpcportal.provisioning.internal;

import io.vpcportal.aws.AwsTarget;
import io.vpcportal.provisioning.EndpointSpec;
import io.vpcportal.provisioning.EndpointState;
import io.vpcportal.provisioning.NetworkFacts;
import io.vpcportal.provisioning.ServiceFacts;
import io.vpcportal.provisioning.VpcEndpointGateway;
import io.vpcportal.provisioning.internal.ProvisioningPlanner.ItemPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Checks an item against what really exists before anything is created, and says what is wrong in words a
 * requester can act on. An empty list means the create may go ahead.
 */
@Component
class Preflight {

    private final VpcEndpointGateway ec2;

    Preflight(VpcEndpointGateway ec2) {
        this.ec2 = ec2;
    }

    List<String> check(ItemPlan item, List<ItemPlan> sameRequest) {
        EndpointSpec s = item.spec();
        List<String> problems = new ArrayList<>();
        ServiceFacts service = ec2.service(item.target(), s.serviceName(), s.serviceRegion());
        if (!service.exists()) {
            problems.add(s.serviceName() + " is not offered" + (s.serviceRegion() == null
                    ? " in " + item.target().region() : " from " + s.serviceRegion() + " to " + item.target().region()));
        }
        NetworkFacts net = ec2.network(item.target(), s.vpcId(), s.subnetIds(), s.routeTableIds(), s.securityGroupIds());
        if (!net.vpcExists()) {
            problems.add("VPC " + s.vpcId() + " does not exist in account " + item.target().accountId() + ", "
                    + item.target().region());
            return problems;
        }
        problems.addAll(networkProblems(s, net, service));
        if (s.privateDns() && "Interface".equals(s.endpointType()) && s.serviceName().endsWith(".s3")) {
            boolean gatewayInRequest = sameRequest.stream().anyMatch(o -> "Gateway".equals(o.spec().endpointType())
                    && o.spec().serviceName().endsWith(".s3"));
            boolean gatewayInVpc = ec2.endpointsFor(item.target(), s.vpcId(), s.serviceName()).stream()
                    .anyMatch(e -> e.routeTableIds() != null && !e.routeTableIds().isEmpty());
            if (!gatewayInRequest && !gatewayInVpc) {
                problems.add("An S3 interface endpoint with private DNS needs an S3 gateway endpoint in the same VPC:"
                        + " add one to this request, or switch private DNS off");
            }
        }
        List<EndpointState> existing = ec2.endpointsFor(item.target(), s.vpcId(), s.serviceName()).stream()
                .filter(e -> !item.itemTag().equals(e.tags().get(ProvisioningPlanner.ITEM_TAG)))
                .filter(e -> e.tags().get(ProvisioningPlanner.ITEM_TAG) == null
                        || !e.tags().get(ProvisioningPlanner.ITEM_TAG).startsWith(item.target().requestId().toString()))
                .toList();
        if (!existing.isEmpty() && existing.stream().anyMatch(e -> sameKind(e, s))) {
            problems.add("VPC " + s.vpcId() + " already has an endpoint for " + s.serviceName() + " ("
                    + existing.get(0).id() + "): adopt it from the inventory instead of creating another");
        }
        return problems;
    }

    /**
     * The network checks alone, for a change of an existing endpoint: the subnets, route tables and security
     * groups exist in the endpoint's VPC, one subnet per Availability Zone, and private DNS has what it needs.
     */
    List<String> network(AwsTarget target, EndpointSpec s) {
        NetworkFacts net = ec2.network(target, s.vpcId(), s.subnetIds(), s.routeTableIds(), s.securityGroupIds());
        if (!net.vpcExists()) {
            return List.of("VPC " + s.vpcId() + " does not exist in account " + target.accountId() + ", "
                    + target.region());
        }
        return networkProblems(s, net, null);
    }

    /** {@code service} null: the Availability Zones the service is offered in are not checked. */
    private static List<String> networkProblems(EndpointSpec s, NetworkFacts net, ServiceFacts service) {
        List<String> problems = new ArrayList<>();
        Map<String, String> zoneOwner = new HashMap<>();
        for (String subnet : s.subnetIds()) {
            String vpc = net.subnetVpcs().get(subnet);
            if (vpc == null) {
                problems.add("Subnet " + subnet + " does not exist");
            } else if (!vpc.equals(s.vpcId())) {
                problems.add("Subnet " + subnet + " belongs to " + vpc + ", not to " + s.vpcId());
            } else {
                String zone = net.subnetZones().get(subnet);
                String other = zoneOwner.putIfAbsent(zone, subnet);
                if (other != null) {
                    problems.add("Subnets " + other + " and " + subnet + " are both in " + zone
                            + ": an interface endpoint takes one subnet per Availability Zone");
                }
                if (service != null && service.exists() && !service.availabilityZones().isEmpty()
                        && !service.availabilityZones().contains(zone) && s.serviceRegion() == null) {
                    problems.add(s.serviceName() + " is not offered in " + zone + " (subnet " + subnet + ")");
                }
            }
        }
        for (String table : s.routeTableIds()) {
            String vpc = net.routeTableVpcs().get(table);
            if (vpc == null) {
                problems.add("Route table " + table + " does not exist");
            } else if (!vpc.equals(s.vpcId())) {
                problems.add("Route table " + table + " belongs to " + vpc + ", not to " + s.vpcId());
            }
        }
        for (String group : s.securityGroupIds()) {
            String vpc = net.securityGroupVpcs().get(group);
            if (vpc == null) {
                problems.add("Security group " + group + " does not exist");
            } else if (!vpc.equals(s.vpcId())) {
                problems.add("Security group " + group + " belongs to " + vpc + ", not to " + s.vpcId());
            }
        }
        if (s.privateDns() && !(net.dnsSupport() && net.dnsHostnames())) {
            problems.add("Private DNS needs the VPC attributes enableDnsSupport and enableDnsHostnames switched on in "
                    + s.vpcId());
        }
        return problems;
    }

    private static boolean sameKind(EndpointState existing, EndpointSpec wanted) {
        boolean existingIsGateway = existing.routeTableIds() != null && !existing.routeTableIds().isEmpty();
        return existingIsGateway == "Gateway".equals(wanted.endpointType());
    }
}
