package io.vpcportal.sharing;

import io.vpcportal.CloudWatchCborBridge;
import io.vpcportal.MotoAccounts;
import io.vpcportal.MotoServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * The reference organization of the shared endpoint advisor, built in moto in us-east-1: a network account with
 * the hub VPC (tagged {@code portal:hub}, three zones, no endpoints), Transit Gateway {@link #transitGateway} and
 * eight spokes A1..A8 that route to it; a workload account with spokes B1..B4: B1..B3 route to no Transit
 * Gateway (they would need an attachment), B4 routes to a Transit Gateway of its own (not reachable), and B1 has
 * a private hosted zone for {@code sts.us-east-1.amazonaws.com} associated. moto keeps each account's Transit
 * Gateways apart, so a route in the workload account to the network account's gateway is not kept: the
 * workload spokes are modelled as not yet attached. Interface endpoints (zones, traffic per day):
 * <ul>
 * <li>ssm, ssmmessages, ec2messages: all twelve spokes, 2 zones, 3 GiB;</li>
 * <li>logs: A1..A8, 2 zones, 48 GiB;</li>
 * <li>kms: A1..A4, 2 zones, 3 GiB, A1 with its own policy;</li>
 * <li>sts: A1 and A2 with 3 zones, B1 and B2 with 2 zones, 3 GiB;</li>
 * <li>monitoring: A3, 2 zones, 3 GiB;</li>
 * <li>and S3 gateway endpoints in A1..A4.</li>
 * </ul>
 * {@link #putTraffic} puts each endpoint's bytes for one day into CloudWatch {@code AWS/PrivateLinkEndpoints}
 * {@code BytesProcessed}.
 */
public final class SharedEndpointsWorld {

    public static final String REGION = "us-east-1";
    public static final long GIB = 1L << 30;
    static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};
    static final String KMS_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt",
            "Resource":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":"%s"}}}]}""";

    /** An endpoint of the world, with the bytes it processes a day. */
    public record Endpoint(String account, String vpcId, String service, String id, long bytesPerDay) {
    }

    public final String networkAccount;
    public final String workloadAccount;
    public String hub;
    public String transitGateway;
    public String otherTransitGateway;
    /** spoke name (A1..B4) to VPC id */
    public final Map<String, String> spokes = new LinkedHashMap<>();
    public final List<Endpoint> endpoints = new ArrayList<>();
    private int cidr;

    private SharedEndpointsWorld(String networkAccount, String workloadAccount) {
        this.networkAccount = networkAccount;
        this.workloadAccount = workloadAccount;
    }

    /** Builds the world in the two accounts (their portal roles must exist in moto: any role works there). */
    public static SharedEndpointsWorld build(String networkAccount, String workloadAccount) {
        SharedEndpointsWorld world = new SharedEndpointsWorld(networkAccount, workloadAccount);
        try (Ec2Client a = MotoAccounts.ec2As(networkAccount, REGION);
                Ec2Client b = MotoAccounts.ec2As(workloadAccount, REGION)) {
            world.transitGateway = a.createTransitGateway(r -> r.description("shared services")).transitGateway()
                    .transitGatewayId();
            world.hub = world.vpc(a, "hub", true, 3, world.transitGateway).vpcId;
            for (int i = 1; i <= 8; i++) {
                Vpc spoke = world.vpc(a, "A" + i, false, 3, world.transitGateway);
                world.spokes.put("A" + i, spoke.vpcId);
                for (String service : List.of("ssm", "ssmmessages", "ec2messages")) {
                    world.endpoint(a, networkAccount, spoke, service, 2, 3 * GIB, null);
                }
                world.endpoint(a, networkAccount, spoke, "logs", 2, 48 * GIB, null);
                if (i <= 4) {
                    world.endpoint(a, networkAccount, spoke, "kms", 2, 3 * GIB, i == 1
                            ? KMS_POLICY.formatted(networkAccount) : null);
                    a.createVpcEndpoint(r -> r.vpcId(spoke.vpcId).vpcEndpointType("Gateway")
                            .serviceName("com.amazonaws." + REGION + ".s3").routeTableIds(spoke.routeTable));
                }
                if (i <= 2) {
                    world.endpoint(a, networkAccount, spoke, "sts", 3, 3 * GIB, null);
                }
                if (i == 3) {
                    world.endpoint(a, networkAccount, spoke, "monitoring", 2, 3 * GIB, null);
                }
            }
            world.otherTransitGateway = b.createTransitGateway(r -> r.description("workload's own")).transitGateway()
                    .transitGatewayId();
            for (int i = 1; i <= 4; i++) {
                Vpc spoke = world.vpc(b, "B" + i, false, 2, i == 4 ? world.otherTransitGateway : null);
                world.spokes.put("B" + i, spoke.vpcId);
                for (String service : List.of("ssm", "ssmmessages", "ec2messages")) {
                    world.endpoint(b, workloadAccount, spoke, service, 2, 3 * GIB, null);
                }
                if (i <= 2) {
                    world.endpoint(b, workloadAccount, spoke, "sts", 2, 3 * GIB, null);
                }
            }
        }
        try (Route53Client route53 = route53As(workloadAccount)) {
            route53.createHostedZone(r -> r.name("sts." + REGION + ".amazonaws.com").callerReference("sts-" + world.hub)
                    .hostedZoneConfig(c -> c.privateZone(true))
                    .vpc(v -> v.vpcId(world.spokes.get("B1")).vpcRegion(REGION)));
        }
        return world;
    }

    /** Puts each endpoint's bytes of one day into CloudWatch (one datum at 06:00 UTC of that day). */
    public void putTraffic(Instant at) {
        Map<String, List<Endpoint>> byAccount = new TreeMap<>();
        endpoints.forEach(e -> byAccount.computeIfAbsent(e.account(), k -> new ArrayList<>()).add(e));
        byAccount.forEach((account, list) -> {
            try (CloudWatchClient cloudWatch = CloudWatchClient.builder().region(Region.US_EAST_1)
                    .endpointOverride(CloudWatchCborBridge.shared().endpoint())
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .credentialsProvider(MotoAccounts.credentialsOf(account, REGION)).build()) {
                for (Endpoint e : list) {
                    cloudWatch.putMetricData(r -> r.namespace("AWS/PrivateLinkEndpoints").metricData(MetricDatum
                            .builder().metricName("BytesProcessed").timestamp(at).value((double) e.bytesPerDay())
                            .dimensions(dimension("Endpoint Type", "Interface"), dimension("Service Name",
                                    "com.amazonaws." + REGION + "." + e.service()), dimension("VPC Endpoint Id", e.id()),
                                    dimension("VPC Id", e.vpcId())).build()));
                }
            }
        });
    }

    public Endpoint endpoint(String spoke, String service) {
        String vpc = spokes.get(spoke);
        return endpoints.stream().filter(e -> e.vpcId().equals(vpc) && e.service().equals(service)).findFirst()
                .orElseThrow();
    }

    private record Vpc(String vpcId, List<String> subnets, String routeTable) {
    }

    private Vpc vpc(Ec2Client ec2, String name, boolean hub, int zones, String routesTo) {
        int n = ++cidr;
        List<Tag> tags = new ArrayList<>(List.of(Tag.builder().key("Name").value("shared-" + name).build()));
        if (hub) {
            tags.add(Tag.builder().key("portal:hub").value("shared services").build());
        }
        String vpc = ec2.createVpc(r -> r.cidrBlock("10." + n + ".0.0/16").tagSpecifications(TagSpecification.builder()
                .resourceType(ResourceType.VPC).tags(tags).build())).vpc().vpcId();
        List<String> subnets = new ArrayList<>();
        for (int z = 0; z < zones; z++) {
            int third = z;
            subnets.add(ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10." + n + "." + third + ".0/24")
                    .availabilityZone(ZONES[third])).subnet().subnetId());
        }
        String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        if (routesTo != null) {
            ec2.createTransitGatewayVpcAttachment(r -> r.transitGatewayId(routesTo).vpcId(vpc).subnetIds(subnets));
            ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("10.0.0.0/8").transitGatewayId(routesTo));
        }
        return new Vpc(vpc, subnets, table);
    }

    private void endpoint(Ec2Client ec2, String account, Vpc vpc, String service, int zones, long bytesPerDay,
            String policy) {
        String id = ec2.createVpcEndpoint(r -> {
            r.vpcId(vpc.vpcId).vpcEndpointType("Interface").serviceName("com.amazonaws." + REGION + "." + service)
                    .subnetIds(vpc.subnets.subList(0, zones));
            if (policy != null) {
                r.policyDocument(policy);
            }
        }).vpcEndpoint().vpcEndpointId();
        endpoints.add(new Endpoint(account, vpc.vpcId, service, id, bytesPerDay));
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    private static Route53Client route53As(String account) {
        return Route53Client.builder().region(Region.AWS_GLOBAL).endpointOverride(MotoServer.shared().endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(MotoAccounts.credentialsOf(account, REGION)).build();
    }
}
