package io.vpcportal.inventory;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/** Everything one account and region holds that the inventory keeps, as EC2 described it. */
public record RegionSnapshot(List<ObservedEndpoint> endpoints, List<ObservedResource> resources) {

    /**
     * A VPC endpoint. Id lists are sorted so that the same endpoint always hashes the same.
     *
     * @param servicePrivateDnsName the name private DNS would answer in the VPC (such as
     *                              {@code ssm.eu-west-1.amazonaws.com}), as EC2 describes the service; read only for
     *                              interface endpoints with private DNS off, null otherwise or when EC2 does not say
     */
    public record ObservedEndpoint(String id, String vpcId, String serviceName, String endpointType, String state,
            boolean privateDns, String policy, List<String> routeTableIds, List<String> subnetIds,
            List<String> securityGroupIds, List<String> networkInterfaceIds, List<String> dnsEntries,
            SortedMap<String, String> tags, Instant createdAt, String servicePrivateDnsName) {

        public ObservedEndpoint(String id, String vpcId, String serviceName, String endpointType, String state,
                boolean privateDns, String policy, List<String> routeTableIds, List<String> subnetIds,
                List<String> securityGroupIds, List<String> networkInterfaceIds, List<String> dnsEntries,
                SortedMap<String, String> tags, Instant createdAt) {
            this(id, vpcId, serviceName, endpointType, state, privateDns, policy, routeTableIds, subnetIds,
                    securityGroupIds, networkInterfaceIds, dnsEntries, tags, createdAt, null);
        }

        public ObservedEndpoint withServicePrivateDnsName(String name) {
            return new ObservedEndpoint(id, vpcId, serviceName, endpointType, state, privateDns, policy, routeTableIds,
                    subnetIds, securityGroupIds, networkInterfaceIds, dnsEntries, tags, createdAt, name);
        }

        /** An interface endpoint whose clients do not get the endpoint's addresses for the service's name. */
        public boolean privateDnsOff() {
            return "Interface".equalsIgnoreCase(endpointType) && !privateDns;
        }
    }

    /** A VPC, subnet, route table, security group or NAT gateway, with the attributes the pages show. */
    public record ObservedResource(ResourceType type, String id, String vpcId, String name, String state,
            SortedMap<String, List<String>> attributes) {
    }

    public enum ResourceType {
        VPC, SUBNET, ROUTE_TABLE, SECURITY_GROUP, NAT_GATEWAY
    }

    public long count(ResourceType type) {
        return resources.stream().filter(r -> r.type() == type).count();
    }
}
