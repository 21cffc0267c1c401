package io.vpcportal.demo;

import io.vpcportal.inventory.RegionSnapshot;
import io.vpcportal.inventory.RegionSnapshot.ObservedEndpoint;
import io.vpcportal.inventory.RegionSnapshot.ObservedResource;
import io.vpcportal.inventory.RegionSnapshot.ResourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The sandbox account's network in the demo: the three reference architectures, each in its own VPC tagged with
 * its quick start. Ids follow EC2's format (17 hex digits) and all start with {@code 0de}, so that they read as
 * demo ids next to real ones.
 * <ul>
 * <li>{@link #STANDARD} (eu-west-1): public and private subnets in two zones, an internet gateway, a NAT gateway
 * and no S3 gateway endpoint (the coverage gap), plus a CloudWatch Logs endpoint made by hand (unmanaged);</li>
 * <li>{@link #SERVERLESS} (eu-west-1): S3 gateway, Glue and RDS Data API endpoints, adopted by the portal; someone
 * later widened the Glue endpoint's policy by hand (the drift);</li>
 * <li>{@link #DATADOG} (eu-west-3): logs to Datadog through a cross-region interface endpoint to Datadog's
 * us-east-1 endpoint service (Datadog has none in eu-west-3).</li>
 * </ul>
 */
final class DemoWorld {

    static final String STANDARD = id("vpc", "a1");
    static final String SERVERLESS = id("vpc", "b1");
    static final String DATADOG = id("vpc", "c1");

    static final String STANDARD_NAT = id("nat", "a31");
    static final String LOGS_ENDPOINT = id("vpce", "a51");
    static final String S3_ENDPOINT = id("vpce", "b51");
    static final String GLUE_ENDPOINT = id("vpce", "b52");
    static final String RDS_DATA_ENDPOINT = id("vpce", "b53");
    static final String DATADOG_ENDPOINT = id("vpce", "c51");
    /** The endpoints the portal adopts when seeding: it manages them, and their approved state is recorded. */
    static final List<String> ADOPTED = List.of(S3_ENDPOINT, GLUE_ENDPOINT, RDS_DATA_ENDPOINT);

    static final String DATADOG_SERVICE = "com.amazonaws.vpce.us-east-1.vpce-svc-025a56b9187ac1f63";
    private static final String IGW = id("igw", "a61");
    /** S3's prefix list in eu-west-1, the destination of a gateway endpoint's route. */
    private static final String S3_PREFIX_LIST = "pl-6da54004";

    static final String ORG_ONLY_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"OrganizationOnly","Effect":"Allow","Principal":"*",\
            "Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-exampleorgid"}}}]}""";
    /** The Glue endpoint's policy after someone "debugged" it in the console: the organization condition is gone. */
    static final String WIDENED_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"TemporaryDebug","Effect":"Allow","Principal":"*",\
            "Action":"*","Resource":"*"}]}""";
    private static final String BUCKET_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"PipelineBuckets","Effect":"Allow","Principal":"*",\
            "Action":["s3:GetObject","s3:PutObject","s3:ListBucket"],"Resource":["arn:aws:s3:::demo-pipeline-raw",\
            "arn:aws:s3:::demo-pipeline-raw/*","arn:aws:s3:::demo-pipeline-curated",\
            "arn:aws:s3:::demo-pipeline-curated/*"]}]}""";

    private DemoWorld() {
    }

    /**
     * The account's regions as they are when the demo starts.
     *
     * @param created    when the endpoints were created (the demo's traffic starts after it)
     * @param glueDrift  the Glue endpoint's policy has been widened by hand
     * @param portalTags the tags provisioning gives each adopted endpoint, by endpoint id (none before adoption)
     */
    static SortedMap<String, RegionSnapshot> regions(Instant created, boolean glueDrift,
            Map<String, ? extends Map<String, String>> portalTags) {
        SortedMap<String, RegionSnapshot> regions = new TreeMap<>();
        List<ObservedEndpoint> ireland = new ArrayList<>();
        List<ObservedResource> irelandResources = new ArrayList<>();
        standard(irelandResources, ireland, created);
        serverless(irelandResources, ireland, created, glueDrift, portalTags);
        regions.put("eu-west-1", new RegionSnapshot(ireland, irelandResources));
        List<ObservedEndpoint> paris = new ArrayList<>();
        List<ObservedResource> parisResources = new ArrayList<>();
        datadog(parisResources, paris, created);
        regions.put("eu-west-3", new RegionSnapshot(paris, parisResources));
        return regions;
    }

    private static void standard(List<ObservedResource> r, List<ObservedEndpoint> e, Instant created) {
        String vpc = STANDARD;
        r.add(vpc(vpc, "standard-web (demo)", "10.10.0.0/16", "standard"));
        String publicA = id("subnet", "a11");
        String publicB = id("subnet", "a12");
        String privateA = id("subnet", "a13");
        String privateB = id("subnet", "a14");
        r.add(subnet(publicA, vpc, "public-a", "10.10.0.0/24", "eu-west-1a"));
        r.add(subnet(publicB, vpc, "public-b", "10.10.1.0/24", "eu-west-1b"));
        r.add(subnet(privateA, vpc, "private-a", "10.10.10.0/24", "eu-west-1a"));
        r.add(subnet(privateB, vpc, "private-b", "10.10.11.0/24", "eu-west-1b"));
        r.add(routeTable(id("rtb", "a21"), vpc, "public", false, List.of(publicA, publicB),
                List.of("0.0.0.0/0 -> " + IGW, "10.10.0.0/16 -> local")));
        r.add(routeTable(id("rtb", "a22"), vpc, "private", true, List.of(privateA, privateB),
                List.of("0.0.0.0/0 -> " + STANDARD_NAT, "10.10.0.0/16 -> local")));
        r.add(new ObservedResource(ResourceType.NAT_GATEWAY, STANDARD_NAT, vpc, "nat-public-a", "available",
                attributes("connectivity", "public", "subnet", publicA)));
        String sg = id("sg", "a41");
        r.add(securityGroup(sg, vpc, "web-instances"));
        e.add(new ObservedEndpoint(LOGS_ENDPOINT, vpc, "com.amazonaws.eu-west-1.logs", "Interface", "available", true,
                null, List.of(), List.of(privateA, privateB), List.of(sg), List.of(id("eni", "a71"), id("eni", "a72")),
                List.of(LOGS_ENDPOINT + "-demo.logs.eu-west-1.vpce.amazonaws.com"),
                new TreeMap<>(Map.of("Name", "logs-made-by-hand")), created));
    }

    private static void serverless(List<ObservedResource> r, List<ObservedEndpoint> e, Instant created,
            boolean glueDrift, Map<String, ? extends Map<String, String>> portalTags) {
        String vpc = SERVERLESS;
        r.add(vpc(vpc, "serverless-pipeline (demo)", "10.20.0.0/16", "serverless"));
        String lambdaA = id("subnet", "b11");
        String lambdaB = id("subnet", "b12");
        r.add(subnet(lambdaA, vpc, "lambda-a", "10.20.0.0/24", "eu-west-1a"));
        r.add(subnet(lambdaB, vpc, "lambda-b", "10.20.1.0/24", "eu-west-1b"));
        String rtb = id("rtb", "b21");
        r.add(routeTable(rtb, vpc, "lambda", true, List.of(lambdaA, lambdaB),
                List.of("10.20.0.0/16 -> local", S3_PREFIX_LIST + " -> " + S3_ENDPOINT)));
        String sg = id("sg", "b41");
        r.add(securityGroup(sg, vpc, "pipeline-endpoints"));
        e.add(new ObservedEndpoint(S3_ENDPOINT, vpc, "com.amazonaws.eu-west-1.s3", "Gateway", "available", false,
                BUCKET_POLICY, List.of(rtb), List.of(), List.of(), List.of(), List.of(),
                tags(portalTags, S3_ENDPOINT, "pipeline-s3"), created));
        e.add(new ObservedEndpoint(GLUE_ENDPOINT, vpc, "com.amazonaws.eu-west-1.glue", "Interface", "available", true,
                glueDrift ? WIDENED_POLICY : ORG_ONLY_POLICY, List.of(), List.of(lambdaA, lambdaB), List.of(sg),
                List.of(id("eni", "b71"), id("eni", "b72")),
                List.of(GLUE_ENDPOINT + "-demo.glue.eu-west-1.vpce.amazonaws.com"),
                tags(portalTags, GLUE_ENDPOINT, "pipeline-glue"), created));
        e.add(new ObservedEndpoint(RDS_DATA_ENDPOINT, vpc, "com.amazonaws.eu-west-1.rds-data", "Interface",
                "available", true, ORG_ONLY_POLICY, List.of(), List.of(lambdaA, lambdaB), List.of(sg),
                List.of(id("eni", "b73"), id("eni", "b74")),
                List.of(RDS_DATA_ENDPOINT + "-demo.rds-data.eu-west-1.vpce.amazonaws.com"),
                tags(portalTags, RDS_DATA_ENDPOINT, "pipeline-rds-data"), created));
    }

    private static void datadog(List<ObservedResource> r, List<ObservedEndpoint> e, Instant created) {
        String vpc = DATADOG;
        r.add(vpc(vpc, "logs-to-datadog (demo)", "10.30.0.0/16", "datadog"));
        String appA = id("subnet", "c11");
        String appB = id("subnet", "c12");
        r.add(subnet(appA, vpc, "app-a", "10.30.0.0/24", "eu-west-3a"));
        r.add(subnet(appB, vpc, "app-b", "10.30.1.0/24", "eu-west-3b"));
        r.add(routeTable(id("rtb", "c21"), vpc, "app", true, List.of(appA, appB), List.of("10.30.0.0/16 -> local")));
        String sg = id("sg", "c41");
        r.add(securityGroup(sg, vpc, "datadog-intake"));
        e.add(new ObservedEndpoint(DATADOG_ENDPOINT, vpc, DATADOG_SERVICE, "Interface", "available", true, null,
                List.of(), List.of(appA, appB), List.of(sg), List.of(id("eni", "c71"), id("eni", "c72")),
                List.of(DATADOG_ENDPOINT + "-demo.vpce-svc-025a56b9187ac1f63.us-east-1.vpce.amazonaws.com"),
                new TreeMap<>(Map.of("Name", "datadog-logs-cross-region")), created));
    }

    /** {@code prefix-0de…suffix}, 17 hex digits after the prefix as EC2 issues them. */
    static String id(String prefix, String suffix) {
        return prefix + "-0de" + "0".repeat(14 - suffix.length()) + suffix;
    }

    private static ObservedResource vpc(String id, String name, String cidr, String quickStart) {
        return new ObservedResource(ResourceType.VPC, id, id, name, "available",
                attributes("cidr", cidr, "default", "false", "quickStart", quickStart));
    }

    private static ObservedResource subnet(String id, String vpc, String name, String cidr, String zone) {
        return new ObservedResource(ResourceType.SUBNET, id, vpc, name, "available",
                attributes("cidr", cidr, "zone", zone));
    }

    private static ObservedResource routeTable(String id, String vpc, String name, boolean main, List<String> subnets,
            List<String> routes) {
        SortedMap<String, List<String>> a = new TreeMap<>();
        a.put("main", List.of(String.valueOf(main)));
        a.put("routes", routes.stream().sorted().toList());
        a.put("subnets", subnets.stream().sorted().toList());
        return new ObservedResource(ResourceType.ROUTE_TABLE, id, vpc, name, null, a);
    }

    private static ObservedResource securityGroup(String id, String vpc, String name) {
        return new ObservedResource(ResourceType.SECURITY_GROUP, id, vpc, name, null,
                attributes("description", "demo: " + name, "groupName", name));
    }

    private static SortedMap<String, List<String>> attributes(String... pairs) {
        SortedMap<String, List<String>> a = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            a.put(pairs[i], List.of(pairs[i + 1]));
        }
        return a;
    }

    private static SortedMap<String, String> tags(Map<String, ? extends Map<String, String>> portalTags, String id,
            String name) {
        SortedMap<String, String> tags = new TreeMap<>(Map.of("Name", name));
        Map<String, String> portal = portalTags.get(id);
        if (portal != null) {
            tags.putAll(portal);
        }
        return tags;
    }
}
