package io.vpcportal.diagram;

import static io.vpcportal.MotoAccounts.ec2As;
import static io.vpcportal.MotoAccounts.roleOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.AwsIntegrationTest;
import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.TestIdentities;
import io.vpcportal.account.AccountChange;
import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.shared.TeamId;
import java.io.ByteArrayInputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * The three reference architectures (docs/using-the-portal.md) built in moto in one member account, synced into the inventory,
 * then drawn through the API before and after their requests, in every format, with the inventory's visibility.
 */
@AwsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiagramIntegrationTests {

    private static final String REGION = "us-east-1";
    private static final String DATADOG = "com.amazonaws.vpce.us-east-1.vpce-svc-025a56b9187ac1f63";

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    AccountManagement accounts;

    PortalApi api;
    String team;
    String account;
    String requester;
    String requesterName;
    String outsider;
    String admin;
    Net standard;
    Net pipeline;
    Net fleet;

    /** A VPC with a public subnet (NAT gateway, route to the internet gateway) and private subnets in two zones. */
    record Net(String vpc, String publicSubnet, String privateA, String privateB, String publicTable,
            String privateTable, String nat, String group, String existingEndpoint) {
    }

    @BeforeAll
    void threeArchitecturesSynced() {
        api = new PortalApi(port);
        TestIdentities people = new TestIdentities(identity, accounts);
        team = "dia-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        identity.ensureTeam(new TeamId(team), "Diagram team");
        account = "6" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        accounts.register(account, new AccountChange("diagrams " + account, roleOf(account), "ext-" + account,
                AccountEnvironment.NON_PRODUCTION, new TreeSet<>(Set.of(REGION)), new TreeSet<>(Set.of(team))), "test");
        requesterName = people.requester(team);
        requester = api.tokenOf(requesterName, TestIdentities.PASSWORD);
        outsider = api.tokenOf(people.requester(people.team(REGION).id()), TestIdentities.PASSWORD);
        admin = api.tokenOf("admin");
        try (Ec2Client ec2 = ec2As(account, REGION)) {
            standard = network(ec2, "10.40", null);
            pipeline = network(ec2, "10.41", "com.amazonaws.us-east-1.dynamodb");
            fleet = network(ec2, "10.42", "com.amazonaws.us-east-1.s3");
        }
        syncAndWait();
    }

    @Test
    void standardArchitectureBeforeAndAfter() {
        String id = submit("""
                {"team":"%s","accountId":"%s","region":"%s","vpcId":"%s","justification":"100 GB a day each",
                 "expectedMonthlyGb":6000,"items":[{"templateKey":"s3-gateway","routeTableIds":["%s","%s"],
                   "policyChoice":"s3-buckets","bucketNames":["standard-exports"]}]}"""
                .formatted(team, account, REGION, standard.vpc(), standard.publicTable(), standard.privateTable()));
        SvgDiagram before = svg(standard.vpc(), "before=" + id);
        assertNetwork(before, standard);
        assertThat(before.ids("endpoint")).isEmpty();
        assertThat(before.paths()).containsExactlyInAnyOrder("s3:nat", "dynamodb:nat");
        // the request's 6,000 GB per month is its one endpoint's own figure (the API puts a request-level figure on
        // its items): on the path, with the NAT processing it pays today (us-east-1: $0.045/GB), no total box
        assertThat(before.ids("request-total")).isEmpty();
        assertThat(before.byId("path", "path:s3:nat").getAttribute("aria-label"))
                .contains("through NAT + internet · est. 6,000 GB/month · $270 NAT processing");
        before.assertNoLabelsOverlap();

        SvgDiagram after = svg(standard.vpc(), "after=" + id);
        String planned = "planned-" + id.substring(0, 8) + "-0";
        assertThat(after.byId("endpoint", planned).getAttribute("data-planned")).isEqualTo("true");
        assertThat(after.ids("association")).containsExactlyInAnyOrder("assoc:" + standard.publicTable() + ":" + planned,
                "assoc:" + standard.privateTable() + ":" + planned);
        assertThat(after.paths()).containsExactlyInAnyOrder("s3:endpoint", "dynamodb:nat");
        assertThat(after.byId("path", "path:s3:endpoint:" + planned).getAttribute("aria-label"))
                .contains("through new endpoint · est. 6,000 GB/month · $0.00 endpoint cost · $270 NAT avoided");
        after.assertNoLabelsOverlap();
    }

    @Test
    void serverlessPipelineBeforeAndAfter() {
        String id = submit("""
                {"team":"%s","accountId":"%s","region":"%s","vpcId":"%s","justification":"pipeline",
                 "expectedMonthlyGb":1200,
                 "items":[{"templateKey":"s3-gateway","routeTableIds":["%s"],"policyChoice":"s3-buckets","bucketNames":["pipeline-raw"]},
                          {"templateKey":"glue","subnetIds":["%s","%s"],"securityGroupIds":["%s"]},
                          {"templateKey":"rds-data","subnetIds":["%s","%s"],"securityGroupIds":["%s"]}]}"""
                .formatted(team, account, REGION, pipeline.vpc(), pipeline.privateTable(), pipeline.privateA(),
                        pipeline.privateB(), pipeline.group(), pipeline.privateA(), pipeline.privateB(), pipeline.group()));
        SvgDiagram before = svg(pipeline.vpc(), "before=" + id);
        assertNetwork(before, pipeline);
        assertThat(before.ids("endpoint")).containsExactly(pipeline.existingEndpoint());
        assertThat(before.paths()).containsExactlyInAnyOrder("dynamodb:endpoint", "glue:nat", "rds-data:nat", "s3:nat");
        before.assertNoLabelsOverlap();

        SvgDiagram after = svg(pipeline.vpc(), "after=" + id);
        String prefix = "planned-" + id.substring(0, 8) + "-";
        assertThat(after.ids("endpoint")).containsExactlyInAnyOrder(pipeline.existingEndpoint(), prefix + 0, prefix + 1,
                prefix + 2);
        assertThat(after.ids("eni")).containsExactlyInAnyOrder(prefix + "1@" + pipeline.privateA(),
                prefix + "1@" + pipeline.privateB(), prefix + "2@" + pipeline.privateA(), prefix + "2@" + pipeline.privateB());
        assertThat(after.byId("eni", prefix + "1@" + pipeline.privateA()).getAttribute("aria-label"))
                .contains("endpoints-" + pipeline.vpc());
        assertThat(after.paths()).containsExactlyInAnyOrder("dynamodb:endpoint", "glue:endpoint", "rds-data:endpoint",
                "s3:endpoint");
        after.assertNoLabelsOverlap();
    }

    @Test
    void partnerServiceBeforeAndAfterInEveryFormat() throws Exception {
        String id = submit("""
                {"team":"%s","accountId":"%s","region":"%s","vpcId":"%s","justification":"logs to Datadog",
                 "expectedMonthlyGb":900,
                 "items":[{"templateKey":"datadog-logs","subnetIds":["%s","%s"],"securityGroupIds":["%s"]}]}"""
                .formatted(team, account, REGION, fleet.vpc(), fleet.privateA(), fleet.privateB(), fleet.group()));
        String partner = "vpce-svc-025a56b9187ac1f63";
        SvgDiagram before = svg(fleet.vpc(), "before=" + id);
        assertNetwork(before, fleet);
        assertThat(before.paths()).containsExactlyInAnyOrder("s3:endpoint", "dynamodb:nat", partner + ":nat");
        SvgDiagram after = svg(fleet.vpc(), "after=" + id);
        assertThat(after.paths()).containsExactlyInAnyOrder("s3:endpoint", "dynamodb:nat", partner + ":endpoint");
        assertThat(after.byId("service", partner).getAttribute("data-style")).isEqualTo("partner_service");
        after.assertNoLabelsOverlap();

        String base = "/api/v1/vpcs/" + fleet.vpc() + "/diagram?after=" + id + "&format=";
        Response png = api.get(base + "png", requester);
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.contentType()).isEqualTo("image/png");
        Response drawio = api.get(base + "drawio", requester);
        assertThat(drawio.contentType()).isEqualTo("application/vnd.jgraph.mxfile");
        assertThat(drawio.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + fleet.vpc() + "-after-"
                + id.substring(0, 8) + ".drawio\"");
        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(drawio.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .getDocumentElement().getTagName()).isEqualTo("mxfile");
        Response mermaid = api.get(base + "mermaid", requester);
        assertThat(mermaid.contentType()).startsWith("text/vnd.mermaid");
        assertThat(mermaid.body()).startsWith("flowchart LR\n").contains("subnet_" + fleet.privateA().replace('-', '_'));
        assertThat(api.get(base + "gif", requester).status()).isEqualTo(400);
        byte[] image = java.net.http.HttpClient.newHttpClient().send(api.authorized(base + "png", requester).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        assertThat(ImageIO.read(new ByteArrayInputStream(image)).getWidth()).isGreaterThan(800);
    }

    @Test
    void sameVisibilityAsTheInventory() {
        String path = "/api/v1/vpcs/" + standard.vpc() + "/diagram";
        assertThat(api.get(path, requester).status()).isEqualTo(200);
        assertThat(api.get(path, requester).contentType()).isEqualTo("image/svg+xml");
        assertThat(api.get(path, admin).status()).isEqualTo(200);
        Response hidden = api.get(path, outsider);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/vpcs/vpc-0notsyncedyet00000/diagram", requester).body())
                .contains("sync the inventory to see the diagram");
    }

    @Test
    void pagesShowTheDiagramsInlineOrSayToSync() {
        String id = submit("""
                {"team":"%s","accountId":"%s","region":"%s","vpcId":"%s","justification":"page",
                 "items":[{"templateKey":"dynamodb-gateway","routeTableIds":["%s"]}]}"""
                .formatted(team, account, REGION, standard.vpc(), standard.privateTable()));
        io.vpcportal.PortalApi browser = io.vpcportal.PortalApi.browser(port);
        browser.signIn(requesterName, TestIdentities.PASSWORD);
        assertThat(browser.page("/requests/" + id).body()).contains("/diagrams/requests/" + id);
        String pair = browser.page("/diagrams/requests/" + id).body();
        assertThat(pair).contains("id=\"diagram-before-title\"", "id=\"diagram-after-title\"", "role=\"img\"",
                "data-id=\"planned-" + id.substring(0, 8) + "-0\"");
        String vpc = browser.page("/diagrams/vpcs/" + standard.vpc()).body();
        assertThat(vpc).contains("<svg", "data-id=\"" + standard.privateA() + "\"",
                "/diagrams/vpcs/" + standard.vpc() + "/file?format=drawio");
        // opened directly it is a page of the portal (layout, menu, icon), not a bare fragment
        assertThat(vpc).contains("<html", "/css/", "/img/favicon.svg", "aria-label=\"breadcrumb\"",
                "/inventory/vpcs/" + standard.vpc());
        var file = browser.page("/diagrams/vpcs/" + standard.vpc() + "/file?format=png");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");

        String unsynced = submit("""
                {"team":"%s","accountId":"%s","region":"%s","vpcId":"vpc-0a1b2c3d4e5f60799","justification":"page",
                 "items":[{"templateKey":"dynamodb-gateway","routeTableIds":["rtb-0a1b2c3d4e5f60799"]}]}"""
                .formatted(team, account, REGION));
        assertThat(browser.page("/diagrams/requests/" + unsynced).body()).contains("id=\"diagram-note\"")
                .contains("sync the inventory to see the diagram").doesNotContain("<svg");
    }

    private static void assertNetwork(SvgDiagram d, Net net) {
        assertThat(d.ids("subnet")).containsExactlyInAnyOrder(net.publicSubnet(), net.privateA(), net.privateB());
        assertThat(d.byId("subnet", net.publicSubnet()).getAttribute("data-style")).isEqualTo("subnet_public");
        assertThat(d.byId("subnet", net.privateA()).getAttribute("data-style")).isEqualTo("subnet_private");
        assertThat(d.ids("route-table")).contains(net.publicTable(), net.privateTable());
        assertThat(d.ids("nat-gateway")).containsExactly(net.nat());
        assertThat(d.ids("internet-gateway")).hasSize(1);
        assertThat(d.ids("egress")).containsExactly("egress:" + net.nat());
        assertThat(d.ids("zone")).containsExactly(REGION + "a", REGION + "b");
    }

    private SvgDiagram svg(String vpc, String query) {
        Response r = api.get("/api/v1/vpcs/" + vpc + "/diagram?" + query, requester);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("image/svg+xml");
        return SvgDiagram.parse(r.body());
    }

    private String submit(String body) {
        Response created = api.post("/api/v1/requests", requester, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/api/v1/requests/" + id + "/submit", requester, "").status()).isEqualTo(200);
        return id;
    }

    private static Net network(Ec2Client ec2, String prefix, String gatewayService) {
        String vpc = ec2.createVpc(r -> r.cidrBlock(prefix + ".0.0/16")).vpc().vpcId();
        String pub = subnet(ec2, vpc, prefix + ".0.0/24", "a");
        String a = subnet(ec2, vpc, prefix + ".1.0/24", "a");
        String b = subnet(ec2, vpc, prefix + ".2.0/24", "b");
        String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        String publicTable = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        String privateTable = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.associateRouteTable(r -> r.routeTableId(publicTable).subnetId(pub));
        ec2.associateRouteTable(r -> r.routeTableId(privateTable).subnetId(a));
        ec2.associateRouteTable(r -> r.routeTableId(privateTable).subnetId(b));
        ec2.createRoute(r -> r.routeTableId(publicTable).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        String eip = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
        String nat = ec2.createNatGateway(r -> r.subnetId(pub).allocationId(eip)).natGateway().natGatewayId();
        ec2.createRoute(r -> r.routeTableId(privateTable).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));
        String group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("endpoints-" + vpc).description("443"))
                .groupId();
        String existing = gatewayService == null ? null : ec2.createVpcEndpoint(r -> r.vpcId(vpc)
                .vpcEndpointType(VpcEndpointType.GATEWAY).serviceName(gatewayService).routeTableIds(privateTable))
                .vpcEndpoint().vpcEndpointId();
        return new Net(vpc, pub, a, b, publicTable, privateTable, nat, group, existing);
    }

    private static String subnet(Ec2Client ec2, String vpc, String cidr, String zone) {
        return ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).availabilityZone(REGION + zone)).subnet().subnetId();
    }

    private void syncAndWait() {
        io.vpcportal.inventory.InventorySyncs.syncAndWait(api, admin);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
