package io.vpcportal.diagram;

import io.vpcportal.inventory.VpcCoverage.RouteTableView;
import io.vpcportal.inventory.VpcTopology;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestDetails.ItemDetails;
import io.vpcportal.request.RequestStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

/** VPCs and requests of the reference architectures (docs/using-the-portal.md), as the inventory and the request module give them. */
final class ReferenceVpcs {

    private ReferenceVpcs() {
    }

    /** Standard: a public and a private subnet, a NAT gateway, each instance sending about 100 GB a day to S3. */
    static VpcTopology standard() {
        return new VpcTopology("vpc-0standard", "111122223333", "eu-west-1", "web", "10.0.0.0/16", false,
                List.of(subnet("subnet-0pub", "public-a", "10.0.1.0/24", "eu-west-1a"),
                        subnet("subnet-0priv", "private-a", "10.0.2.0/24", "eu-west-1a")),
                List.of(table("rtb-0main", true, List.of(), "10.0.0.0/16 -> local"),
                        table("rtb-0pub", false, List.of("subnet-0pub"), "0.0.0.0/0 -> igw-0main", "10.0.0.0/16 -> local"),
                        table("rtb-0priv", false, List.of("subnet-0priv"), "0.0.0.0/0 -> nat-0a", "10.0.0.0/16 -> local")),
                List.of(new VpcTopology.NatGateway("nat-0a", null, "subnet-0pub", "available")),
                List.of(new VpcTopology.SecurityGroup("sg-0default", "default")), List.of());
    }

    static RequestDetails standardRequest() {
        return request("vpc-0standard", "6000", item(0, "Gateway", "com.amazonaws.eu-west-1.s3",
                List.of("rtb-0pub", "rtb-0priv"), List.of(), List.of()));
    }

    /** Serverless pipeline: Lambda in private subnets of two zones, a NAT gateway, an existing DynamoDB endpoint. */
    static VpcTopology serverless() {
        return new VpcTopology("vpc-0pipeline", "111122223333", "eu-west-1", "pipeline", "10.1.0.0/16", false,
                List.of(subnet("subnet-0pa", "public-a", "10.1.0.0/24", "eu-west-1a"),
                        subnet("subnet-0la", "lambda-a", "10.1.1.0/24", "eu-west-1a"),
                        subnet("subnet-0lb", "lambda-b", "10.1.2.0/24", "eu-west-1b")),
                List.of(table("rtb-0pa", false, List.of("subnet-0pa"), "0.0.0.0/0 -> igw-0p"),
                        table("rtb-0lam", true, List.of("subnet-0la", "subnet-0lb"), "0.0.0.0/0 -> nat-0p")),
                List.of(new VpcTopology.NatGateway("nat-0p", "egress", "subnet-0pa", "available")),
                List.of(new VpcTopology.SecurityGroup("sg-0lambda", "lambda-endpoints")),
                List.of(new VpcTopology.Endpoint("vpce-0ddb", "com.amazonaws.eu-west-1.dynamodb", "Gateway",
                        "available", null, List.of("rtb-0lam"), List.of(), List.of())));
    }

    static RequestDetails serverlessRequest() {
        return request("vpc-0pipeline", "2500",
                item(0, "Gateway", "com.amazonaws.eu-west-1.s3", List.of("rtb-0lam"), List.of(), List.of()),
                item(1, "Interface", "com.amazonaws.eu-west-1.glue", List.of(), List.of("subnet-0la", "subnet-0lb"),
                        List.of("sg-0lambda")),
                item(2, "Interface", "com.amazonaws.eu-west-1.rds-data", List.of(),
                        List.of("subnet-0la", "subnet-0lb"), List.of("sg-0lambda")));
    }

    /** Partner SaaS: a fleet in private subnets shipping logs to Datadog through NAT today. */
    static VpcTopology partner() {
        return new VpcTopology("vpc-0fleet", "111122223333", "us-east-1", "fleet", "10.2.0.0/16", false,
                List.of(subnet("subnet-0na", "nat-a", "10.2.0.0/24", "us-east-1a"),
                        subnet("subnet-0fa", "fleet-a", "10.2.1.0/24", "us-east-1a"),
                        subnet("subnet-0fb", "fleet-b", "10.2.2.0/24", "us-east-1b")),
                List.of(table("rtb-0na", false, List.of("subnet-0na"), "0.0.0.0/0 -> igw-0f"),
                        table("rtb-0fleet", false, List.of("subnet-0fa", "subnet-0fb"), "0.0.0.0/0 -> nat-0f")),
                List.of(new VpcTopology.NatGateway("nat-0f", null, "subnet-0na", "available")),
                List.of(new VpcTopology.SecurityGroup("sg-0logs", "datadog-logs")),
                List.of(new VpcTopology.Endpoint("vpce-0s3", "com.amazonaws.us-east-1.s3", "Gateway", "available",
                        null, List.of("rtb-0fleet"), List.of(), List.of())));
    }

    static RequestDetails partnerRequest() {
        return request("vpc-0fleet", "900", item(0, "Interface",
                "com.amazonaws.vpce.us-east-1.vpce-svc-056576c12b36056ca", List.of(),
                List.of("subnet-0fa", "subnet-0fb"), List.of("sg-0logs")));
    }

    /** {@code subnets} subnets in three zones, {@code endpoints} interface endpoints spread over them. */
    static VpcTopology large(int subnets, int endpoints) {
        List<VpcTopology.Subnet> list = new ArrayList<>();
        List<RouteTableView> tables = new ArrayList<>();
        tables.add(table("rtb-public", true, List.of(), "0.0.0.0/0 -> igw-big"));
        for (int i = 0; i < subnets; i++) {
            String id = "subnet-%04d".formatted(i);
            list.add(subnet(id, "workload-subnet-with-a-long-name-" + i, "10.9." + i + ".0/24",
                    "eu-west-1" + (char) ('a' + i % 3)));
            if (i % 2 == 1) {
                tables.add(table("rtb-%04d".formatted(i), false, List.of(id), "0.0.0.0/0 -> nat-big"));
            }
        }
        List<VpcTopology.Endpoint> eps = new ArrayList<>();
        String[] services = {"glue", "logs", "monitoring", "sqs", "sns", "kms", "ssm", "sts", "ecr.api", "ecr.dkr"};
        for (int i = 0; i < endpoints; i++) {
            eps.add(new VpcTopology.Endpoint("vpce-%04d".formatted(i), "com.amazonaws.eu-west-1."
                    + services[i % services.length], "Interface", "available", null, List.of(),
                    List.of("subnet-%04d".formatted((i * 7) % subnets), "subnet-%04d".formatted((i * 7 + 1) % subnets)),
                    List.of("sg-big")));
        }
        return new VpcTopology("vpc-0large", "111122223333", "eu-west-1", "large", "10.9.0.0/16", false, list,
                tables, List.of(new VpcTopology.NatGateway("nat-big", null, "subnet-0000", "available")),
                List.of(new VpcTopology.SecurityGroup("sg-big", "shared-endpoints")), eps);
    }

    private static VpcTopology.Subnet subnet(String id, String name, String cidr, String zone) {
        return new VpcTopology.Subnet(id, name, cidr, zone);
    }

    private static RouteTableView table(String id, boolean main, List<String> subnets, String... routes) {
        return new RouteTableView(id, null, main, subnets, List.of(routes));
    }

    static ItemDetails item(int position, String type, String service, List<String> tables, List<String> subnets,
            List<String> groups) {
        return new ItemDetails(position, "t", 1, type.toUpperCase(java.util.Locale.ROOT), service, null, tables,
                subnets, groups, !groups.isEmpty(), "default", List.of(), List.of(), null, new TreeMap<>());
    }

    static RequestDetails request(String vpcId, String gb, ItemDetails... items) {
        return new RequestDetails(UUID.fromString("3f2a9c1e-0000-4000-8000-000000000001"), "Endpoints",
                RequestStatus.SUBMITTED, "alice", "data", "111122223333", "eu-west-1", vpcId, "cheaper",
                new BigDecimal(gb), null, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, List.of(items), List.of());
    }
}
