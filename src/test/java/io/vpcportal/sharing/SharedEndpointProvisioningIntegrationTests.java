package io.vpcportal.sharing;

import static io.vpcportal.MotoAccounts.ec2As;
import static io.vpcportal.MotoAccounts.roleOf;
import static io.vpcportal.MotoAccounts.route53As;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.FaultyAwsProxy;
import io.vpcportal.FaultyAwsProxy.Answer;
import io.vpcportal.FaultyAwsProxy.Call;
import io.vpcportal.FaultyAwsProxy.Rule;
import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.ProxiedAwsIntegrationTest;
import io.vpcportal.TestIdentities;
import io.vpcportal.account.AccountChange;
import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.identity.Role;
import io.vpcportal.inventory.InventorySyncs;
import io.vpcportal.savings.LedgerKind;
import io.vpcportal.savings.MeasuredDay;
import io.vpcportal.savings.SavingsManagement;
import io.vpcportal.shared.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.VPC;
import tools.jackson.databind.JsonNode;

/**
 * A shared (hub) interface endpoint built through approval, end to end against moto: a hub VPC and three spokes in two
 * accounts on one Transit Gateway. Where moto lacks what AWS does across accounts, {@link FaultyAwsProxy} answers
 * for it, and each rule below says so: moto has no Transit Gateway sharing (RAM), so the spoke account's routes to
 * the hub account's gateway are described with their target; it answers 404 to CreateVPCAssociationAuthorization;
 * and it looks a zone up in the caller's own account, so the spoke account's AssociateVPCWithHostedZone (allowed only
 * after the authorization, as in AWS) is carried out in moto by the zone's owner.
 */
@ProxiedAwsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedEndpointProvisioningIntegrationTests {

    private static final String REGION = "eu-west-1";
    private static final String ZONE = "ssm.eu-west-1.amazonaws.com";
    private static final Pattern ZONE_IN_PATH = Pattern.compile("/hostedzone/([^/]+)/");
    private static final Pattern VPC_IN_BODY = Pattern.compile("<VPCId>([^<]+)</VPCId>");

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    AccountManagement accounts;
    @Autowired
    SavingsManagement savings;

    FaultyAwsProxy proxy;
    PortalApi api;
    String hubAccount;
    String spokeAccount;
    String tgw;
    String hubVpc;
    String hubSubnet;
    String sameAccountSpoke;
    String spokeTwo;
    String spokeThree;
    String unreachableSpoke;
    String otherRegionVpc;
    /** spoke two's own interface endpoints, made outside the portal with private DNS off before any hub */
    String spokeTwoSsm;
    String spokeTwoKms;
    String team;
    String requesterName;
    String requester;
    /** a requester of a team that may use the hub's account only */
    String hubOnly;
    String approver;
    String admin;
    String adminName;
    String ssmHub;
    /** zone id + " " + VPC id the hub account authorized (the proxy's stand-in for Route 53's authorizations) */
    final Set<String> authorized = ConcurrentHashMap.newKeySet();

    @BeforeAll
    void world() {
        proxy = ProxiedAwsIntegrationTest.ThroughTheProxy.proxy();
        api = new PortalApi(port);
        hubAccount = randomAccount();
        spokeAccount = randomAccount();
        try (Ec2Client hub = ec2As(hubAccount, REGION); Ec2Client spokes = ec2As(spokeAccount, REGION)) {
            tgw = hub.createTransitGateway(r -> r.description("shared services")).transitGateway().transitGatewayId();
            hubVpc = vpc(hub, "10.0.0.0/16", "10.0.0.0/8");
            hubSubnet = hub.createSubnet(r -> r.vpcId(hubVpc).cidrBlock("10.0.1.0/24").availabilityZone(REGION + "a"))
                    .subnet().subnetId();
            hub.createTransitGatewayVpcAttachment(r -> r.transitGatewayId(tgw).vpcId(hubVpc).subnetIds(hubSubnet));
            sameAccountSpoke = vpc(hub, "10.1.0.0/16", "10.0.0.0/16");
            spokeTwo = vpc(spokes, "10.2.0.0/16", "10.0.0.0/16");
            spokeThree = vpc(spokes, "10.3.0.0/16", "10.0.0.0/16");
            unreachableSpoke = vpc(spokes, "10.4.0.0/16", null);
            List<String> own = ownEndpoints(spokes, spokeTwo, "10.2.1.0/24", false, "ssm", "kms");
            spokeTwoSsm = own.get(0);
            spokeTwoKms = own.get(1);
        }
        try (Ec2Client elsewhere = ec2As(hubAccount, "eu-central-1")) {
            otherRegionVpc = vpc(elsewhere, "10.9.0.0/16", null);
        }
        TestIdentities people = new TestIdentities(identity, accounts);
        team = "hub-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        identity.ensureTeam(new TeamId(team), "Shared services");
        String hubOnlyTeam = team + "-h";
        identity.ensureTeam(new TeamId(hubOnlyTeam), "Hub account only");
        for (String account : List.of(hubAccount, spokeAccount)) {
            accounts.register(account, new AccountChange("member " + account, roleOf(account), "ext-" + account,
                    AccountEnvironment.NON_PRODUCTION, new TreeSet<>(Set.of(REGION, "eu-central-1")),
                    new TreeSet<>(account.equals(hubAccount) ? Set.of(team, hubOnlyTeam) : Set.of(team))), "test");
        }
        requesterName = people.requester(team);
        requester = api.tokenOf(requesterName, TestIdentities.PASSWORD);
        hubOnly = api.tokenOf(people.requester(hubOnlyTeam), TestIdentities.PASSWORD);
        approver = api.tokenOf(people.user(Set.of(Role.APPROVER), "network"), TestIdentities.PASSWORD);
        adminName = people.user(Set.of(Role.ADMIN), team);
        admin = api.tokenOf(adminName, TestIdentities.PASSWORD);
        proxy.reset();
        proxy.add(crossAccountAws());
        InventorySyncs.syncAndWait(api, admin);
    }

    @BeforeEach
    void rules() {
        proxy.reset();
        proxy.add(crossAccountAws());
    }

    @Test
    @Order(1)
    void anApprovedSharedEndpointBuildsTheEndpointTheZoneItsRecordsAndTheAssociations() {
        // before the hub: spoke two's own ssm endpoint has private DNS off and no zone answers the name, so its
        // clients resolve the public name; the VPC is told so (kms, which no hub serves, is the control)
        PortalApi browser = PortalApi.browser(port);
        browser.signIn(requesterName, TestIdentities.PASSWORD);
        assertThat(privateDnsAdvice(spokeTwo, spokeTwoSsm)).as("before the hub").singleElement().asString()
                .contains("no private hosted zone in this VPC answers " + ZONE);
        assertThat(privateDnsAdvice(spokeTwo, spokeTwoKms)).as("before the hub").hasSize(1);
        assertThat(coveragePages(browser, spokeTwo)).as("before the hub")
                .allSatisfy(page -> assertThat(page).contains(dnsOffMessage(spokeTwoSsm, "ssm"))
                        .contains(dnsOffMessage(spokeTwoKms, "kms")));

        Response created = api.post("/api/v1/shared-endpoints", requester, hub("ssm", sameAccountSpoke, spokeTwo, spokeThree));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode details = created.json();
        String id = details.get("requestId").asString();
        assertThat(details.get("zoneNames").toString()).isEqualTo("[\"" + ZONE + "\"]");
        assertThat(details.get("transitGatewayId").asString()).isEqualTo(tgw);
        assertThat(details.get("spokes")).hasSize(3);

        List<String> plan = actions(api.get("/api/v1/requests/" + id + "/plan", requester).json());
        assertThat(plan).as("plan mode lists every call, the preflight before the create, the hub after it")
                .containsSubsequence("ec2:DescribeVpcAttribute", "route53:ListHostedZonesByVPC", "ec2:CreateVpcEndpoint",
                        "route53:CreateHostedZone", "route53:ChangeResourceRecordSets",
                        "route53:AssociateVPCWithHostedZone", "route53:CreateVPCAssociationAuthorization",
                        "route53:AssociateVPCWithHostedZone", "route53:DeleteVPCAssociationAuthorization");
        assertThat(plan.stream().filter("route53:AssociateVPCWithHostedZone"::equals)).hasSize(3);
        assertThat(api.get("/api/v1/requests/" + id + "/plan", requester).body()).contains("\\\"PrivateDnsEnabled\\\":false");

        submitAndApprove(id);
        api.awaitStatus(requester, id, "ACTIVE");
        assertCoveredByTheHub(browser, "once the hub is ACTIVE");

        VpcEndpoint endpoint = endpointsIn(hubAccount, hubVpc, "com.amazonaws.eu-west-1.ssm").get(0);
        assertThat(endpoint.privateDnsEnabled()).as("the hub's endpoint answers only through the zone").isFalse();
        try (Route53Client route53 = route53As(hubAccount)) {
            HostedZone zone = zoneNamed(route53, ZONE);
            assertThat(zone.config().privateZone()).isTrue();
            assertThat(route53.getHostedZone(r -> r.id(zone.id())).vpCs()).extracting(VPC::vpcId)
                    .containsExactlyInAnyOrder(hubVpc, sameAccountSpoke, spokeTwo, spokeThree);
            List<ResourceRecordSet> aliases = route53.listResourceRecordSets(r -> r.hostedZoneId(zone.id()))
                    .resourceRecordSets().stream().filter(s -> s.type() == RRType.A).toList();
            // Route 53 spells the wildcard \052 in its answers; moto answers it as it was sent
            assertThat(aliases).extracting(a -> a.name().replace("\\052", "*"))
                    .containsExactlyInAnyOrder(ZONE + ".", "*." + ZONE + ".");
            assertThat(aliases).allSatisfy(a -> assertThat(a.aliasTarget().dnsName())
                    .isEqualTo(endpoint.dnsEntries().get(0).dnsName()));
        }
        List<Call> authorizations = proxy.calls(c -> c.action().endsWith("/authorizevpcassociation"));
        assertThat(authorizations).as("one authorization per cross-account spoke, made in the hub's account")
                .hasSize(2).allSatisfy(c -> assertThat(proxy.accountOf(c)).isEqualTo(hubAccount));
        assertThat(proxy.calls(c -> c.action().endsWith("/associatevpc") && spokeAccount.equals(proxy.accountOf(c))))
                .as("the cross-account associations come from the spoke account's role").hasSize(2);
        assertThat(proxy.calls(c -> c.action().endsWith("/associatevpc") && hubAccount.equals(proxy.accountOf(c))))
                .as("the same-account spoke is associated by the hub account, without an authorization").hasSize(1);

        InventorySyncs.syncAndWait(api, admin);
        assertCoveredByTheHub(browser, "after the sync that reads the hub's zone and its associations");

        JsonNode drift = api.get("/api/v1/shared-endpoints/" + id + "/drift", requester).json();
        assertThat(drift.get("inSync").asBoolean()).as(drift.toString()).isTrue();
        try (Route53Client route53 = route53As(hubAccount)) {
            String zoneId = zoneNamed(route53, ZONE).id();
            route53.disassociateVPCFromHostedZone(r -> r.hostedZoneId(zoneId).vpc(v -> v.vpcId(spokeThree).vpcRegion(REGION)));
        }
        drift = api.get("/api/v1/shared-endpoints/" + id + "/drift", requester).json();
        assertThat(drift.get("inSync").asBoolean()).isFalse();
        assertThat(drift.get("findings").toString()).contains("MISSING_ASSOCIATION").contains(spokeThree);
        ssmHub = id;
    }

    /**
     * Spoke two's coverage, through the API and both pages a user reads it on: no advice to switch private DNS on
     * for its own ssm endpoint (the hub's zone answers the name in the VPC), the kms advice unchanged.
     */
    private void assertCoveredByTheHub(PortalApi browser, String when) {
        assertThat(privateDnsAdvice(spokeTwo, spokeTwoSsm)).as("ssm, " + when).isEmpty();
        assertThat(privateDnsAdvice(spokeTwo, spokeTwoKms)).as("kms, which no hub serves, " + when).hasSize(1);
        assertThat(coveragePages(browser, spokeTwo)).as(when)
                .allSatisfy(page -> assertThat(page).doesNotContain(dnsOffMessage(spokeTwoSsm, "ssm"))
                        .contains(dnsOffMessage(spokeTwoKms, "kms")));
    }

    /** The PRIVATE_DNS_OFF messages of {@code vpc}'s coverage (GET /api/v1/vpcs/{id}/coverage) naming {@code endpoint}. */
    private List<String> privateDnsAdvice(String vpc, String endpoint) {
        Response coverage = api.get("/api/v1/vpcs/" + vpc + "/coverage", requester);
        assertThat(coverage.status()).as(coverage.body()).isEqualTo(200);
        JsonNode json = coverage.json();
        assertThat(json.get("endpoints").toString()).as("the endpoint is in the VPC").contains(endpoint);
        return StreamSupport.stream(json.get("recommendations").spliterator(), false)
                .filter(r -> r.get("kind").asString().equals("PRIVATE_DNS_OFF"))
                .map(r -> r.get("message").asString()).filter(m -> m.contains(endpoint)).toList();
    }

    /** The VPC's page and the inventory page, whose Coverage section lists every visible VPC's recommendations. */
    private static List<String> coveragePages(PortalApi browser, String vpc) {
        return Stream.of("/inventory/vpcs/" + vpc, "/inventory").map(path -> {
            Response page = browser.page(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            return page.body();
        }).toList();
    }

    private static String dnsOffMessage(String endpoint, String service) {
        return "Interface endpoint " + endpoint + " (com.amazonaws.eu-west-1." + service + ") has private DNS off";
    }

    @Test
    @Order(4)
    void diagramsDrawTheHubAndTheAdviceSaysHowEachSpokeRetiresItsOwnEndpoint() {
        assertThat(ssmHub).as("the hub of the first test").isNotNull();
        // spoke two still has its own ssm endpoint (served by the hub already) and both have their own sts one
        List<String> sameAccountOwn;
        List<String> spokeTwoOwn;
        try (Ec2Client hub = ec2As(hubAccount, REGION); Ec2Client spokes = ec2As(spokeAccount, REGION)) {
            sameAccountOwn = ownEndpoints(hub, sameAccountSpoke, "10.1.1.0/24", true, "sts");
            spokeTwoOwn = ownEndpoints(spokes, spokeTwo, "10.2.2.0/24", true, "sts");
        }
        String unmanaged = spokeTwoSsm;
        String managed = sameAccountOwn.get(0);
        String unmanagedSts = spokeTwoOwn.get(0);
        // one measured day of spoke two's ssm traffic: 3 GiB a day is 3 x 730 / 24 = 91.25 GB a month
        savings.record(List.of(new MeasuredDay(savings.today().minusDays(2), unmanaged, LedgerKind.INTERFACE, null,
                team, spokeAccount, REGION, spokeTwo, "com.amazonaws.eu-west-1.ssm", 1, 3L << 30)));
        InventorySyncs.syncAndWait(api, admin);
        Response adopted = api.post("/api/v1/endpoints/" + managed + "/adopt", admin, "{\"team\":\"" + team + "\"}");
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(200);
        String managing = adopted.json().get("summary").get("requestId").asString();

        String path = "via hub " + hubVpc + " · over Transit Gateway " + tgw;
        Response spokeSvg = api.get("/api/v1/vpcs/" + spokeTwo + "/diagram", requester);
        assertThat(spokeSvg.status()).as(spokeSvg.body()).isEqualTo(200);
        assertThat(spokeSvg.body()).as("the spoke's ssm service box names the hub, the gateway and the measured GB")
                .contains(">via hub " + hubVpc + "<").contains(">over Transit Gateway " + tgw + "<")
                .contains(">≈ 91 GB/month measured<");
        String spokeMermaid = api.get("/api/v1/vpcs/" + spokeTwo + "/diagram?format=mermaid", requester).body();
        String hubNode = "hub_" + hubVpc.replace('-', '_');
        assertThat(spokeMermaid).contains(hubNode + "[\"hub VPC " + hubVpc + "\"]")
                .contains("tgw_" + tgw.replace('-', '_') + "{{\"Transit Gateway " + tgw + "\"}}")
                .contains(hubNode + " ==>|\"" + path + " · ≈ 91 GB/month measured\"| svc_ssm");
        assertThat(api.get("/api/v1/vpcs/" + spokeThree + "/diagram?format=mermaid", requester).body())
                .as("no ledger row for spoke three: the path has no figure, never a made-up one")
                .contains(hubNode + " ==>|\"" + path + "\"| svc_ssm");

        String hubSvg = api.get("/api/v1/vpcs/" + hubVpc + "/diagram", requester).body();
        assertThat(hubSvg).as("the hub lists the spokes next to its shared endpoint")
                .contains(">shared with 3 spokes over Transit Gateway " + tgw + "<")
                .contains(">spoke " + sameAccountSpoke + " · account " + hubAccount + "<")
                .contains(">spoke " + spokeTwo + " · account " + spokeAccount + "<")
                .contains(">spoke " + spokeThree + " · account " + spokeAccount + "<");
        assertThat(api.get("/api/v1/vpcs/" + hubVpc + "/diagram?format=mermaid", requester).body())
                .contains("ssm shared with 3 spokes over Transit Gateway " + tgw + "<br/>spoke " + sameAccountSpoke);
        for (String format : List.of("svg", "mermaid", "drawio")) {
            assertThat(api.get("/api/v1/vpcs/" + hubVpc + "/diagram?format=" + format, hubOnly).body())
                    .as("a viewer who may see the hub's account only: the spokes elsewhere are counted, never named (%s)",
                            format)
                    .contains("shared with 3 spokes").contains("spoke " + sameAccountSpoke)
                    .contains("spoke in an account you may not see")
                    .doesNotContain(spokeTwo).doesNotContain(spokeThree).doesNotContain(spokeAccount);
        }
        assertThat(api.get("/api/v1/vpcs/" + unreachableSpoke + "/diagram?format=mermaid", requester).body())
                .as("a VPC of no hub").doesNotContain("via hub").doesNotContain("hub_").doesNotContain("shared with");

        Response advised = api.get("/api/v1/advice/shared-endpoints?region=" + REGION + "&hubVpcId=" + hubVpc,
                requester);
        assertThat(advised.status()).as(advised.body()).isEqualTo(200);
        JsonNode ssm = service(advised.json(), "ssm");
        assertThat(ssm.get("verdict").asString()).as("the hub's zone is associated with both spokes already: %s", ssm)
                .isEqualTo("NO_SPOKES");
        JsonNode servedAlready = retirement(ssm.get("retirements"), unmanaged);
        assertThat(servedAlready.get("action").asString()).isEqualTo("ADOPT_FIRST");
        assertThat(servedAlready.get("note").asString()).contains("adopt it first")
                .contains("the ACTIVE hub " + hubVpc + " already serves ssm");

        JsonNode sts = service(advised.json(), "sts");
        assertThat(sts.get("verdict").asString()).as(sts.toString()).isEqualTo("SHARE");
        JsonNode retirements = sts.get("retirements");
        assertThat(retirements).as(sts.toString()).hasSize(2);
        JsonNode decommission = retirement(retirements, managed);
        String reason = "sts served by the hub " + hubVpc + " once it is ACTIVE";
        assertThat(decommission.get("action").asString()).isEqualTo("DECOMMISSION");
        assertThat(decommission.get("requestId").asString()).isEqualTo(managing);
        assertThat(decommission.get("reason").asString()).startsWith(reason);
        assertThat(decommission.get("link").asString()).startsWith("/requests/" + managing
                + "?decommissionReason=sts%20served%20by%20the%20hub%20" + hubVpc);
        JsonNode adoptFirst = retirement(retirements, unmanagedSts);
        assertThat(adoptFirst.get("action").asString()).isEqualTo("ADOPT_FIRST");
        assertThat(adoptFirst.get("requestId").isNull()).isTrue();
        assertThat(adoptFirst.get("link").asString()).isEqualTo("/inventory/endpoints/" + unmanagedSts);
        assertThat(adoptFirst.get("note").asString()).contains("adopt it first");

        PortalApi browser = PortalApi.browser(port);
        browser.signIn(adminName, TestIdentities.PASSWORD);
        String page = browser.page("/advice/shared-endpoints?region=" + REGION + "&hubVpcId=" + hubVpc).body();
        assertThat(page).contains("id=\"retire-" + managed + "\"").contains("Decommission (reason prefilled)")
                .contains("href=\"/inventory/endpoints/" + unmanagedSts + "\"").contains("Adopt first");
        Response prefilled = browser.page(decommission.get("link").asString());
        assertThat(prefilled.status()).isEqualTo(200);
        assertThat(prefilled.body()).as("the owner's decommission form, its reason filled in")
                .containsPattern("id=\"decommission-reason\"[^>]*value=\"" + Pattern.quote(reason));
    }

    @Test
    @Order(5)
    void anApprovedDecommissionRemovesTheZoneAndItsAssociationsBeforeTheEndpoint() {
        assertThat(ssmHub).as("the hub of the first test").isNotNull();
        Response asked = api.post("/api/v1/requests/" + ssmHub + "/decommission", requester, "{\"reason\":\"spokes move\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        List<String> plan = actions(api.get("/api/v1/requests/" + ssmHub + "/plan", requester).json());
        assertThat(plan).containsSubsequence("route53:DisassociateVPCFromHostedZone", "route53:DeleteHostedZone",
                "ec2:DeleteVpcEndpoints");
        Response approved = api.post("/api/v1/requests/" + ssmHub + "/approve", approver, "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        api.awaitStatus(requester, ssmHub, "DELETED");
        try (Route53Client route53 = route53As(hubAccount)) {
            assertThat(route53.listHostedZones().hostedZones()).noneMatch(z -> z.name().equals(ZONE + "."));
        }
        assertThat(endpointsIn(hubAccount, hubVpc, "com.amazonaws.eu-west-1.ssm"))
                .allSatisfy(e -> assertThat(e.stateAsString()).isIn("deleted", "deleting"));
    }

    @Test
    @Order(2)
    void badInputIsAProblemNamingTheFieldAndStoresNothing() {
        int before = requests();
        assertProblem(hubIn(otherRegionVpc, "ssm", spokeTwo), "hubVpcId", "is in eu-central-1, not in eu-west-1");
        assertProblem(hub("ssm", spokeTwo, unreachableSpoke), "spokes[1].vpcId", "cannot reach the hub");
        assertProblem(hub("s3-interface", spokeTwo), "templateKey", "stays per VPC");
        assertProblem(hub("dynamodb-gateway", spokeTwo), "templateKey", "only interface endpoints can be shared");
        assertProblem(hub("ssm", spokeTwo, spokeTwo), "spokes[1].vpcId", "listed twice");
        assertThat(requests()).as("no request was stored").isEqualTo(before);
    }

    @Test
    @Order(3)
    void aFailedPreflightCreatesNothingAndTheRetryResumesOnceTheSpokeIsFixed() {
        try (Ec2Client spokes = ec2As(spokeAccount, REGION)) {
            spokes.modifyVpcAttribute(r -> r.vpcId(spokeThree).enableDnsHostnames(b -> b.value(false)));
        }
        Response created = api.post("/api/v1/shared-endpoints", requester, hub("logs", spokeTwo, spokeThree));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("requestId").asString();
        submitAndApprove(id);

        JsonNode progress = awaitJob(id, "NEEDS_OPERATOR");
        assertThat(progress.get("lastError").asString()).contains(spokeThree).contains("enableDnsHostnames");
        assertThat(endpointsIn(hubAccount, hubVpc, "com.amazonaws.eu-west-1.logs")).as("no endpoint").isEmpty();
        try (Route53Client route53 = route53As(hubAccount)) {
            assertThat(route53.listHostedZones().hostedZones()).as("no zone")
                    .noneMatch(z -> z.name().equals("logs.eu-west-1.amazonaws.com."));
        }

        try (Ec2Client spokes = ec2As(spokeAccount, REGION)) {
            spokes.modifyVpcAttribute(r -> r.vpcId(spokeThree).enableDnsHostnames(b -> b.value(true)));
        }
        Response retried = api.post("/api/v1/requests/" + id + "/provisioning/retry", admin, "");
        assertThat(retried.status()).as(retried.body()).isLessThan(300);
        awaitJob(id, "SUCCEEDED");
        api.awaitStatus(requester, id, "ACTIVE");
        try (Route53Client route53 = route53As(hubAccount)) {
            HostedZone zone = zoneNamed(route53, "logs.eu-west-1.amazonaws.com");
            assertThat(route53.getHostedZone(r -> r.id(zone.id())).vpCs()).extracting(VPC::vpcId)
                    .containsExactlyInAnyOrder(hubVpc, spokeTwo, spokeThree);
        }
    }

    /**
     * What AWS does across accounts and moto does not, answered by the proxy (each case says which AWS behaviour
     * it stands in for).
     */
    private Rule crossAccountAws() {
        return new Rule() {
            @Override
            public Answer instead(Call call) {
                if (call.action().endsWith("/authorizevpcassociation")) {
                    // moto: 404 for CreateVPCAssociationAuthorization; AWS: the zone owner authorizes the other account's VPC
                    String zone = group(ZONE_IN_PATH, call.action());
                    String vpc = group(VPC_IN_BODY, call.body());
                    authorized.add(zone + " " + vpc);
                    return route53Answer("CreateVPCAssociationAuthorizationResponse", "<HostedZoneId>" + zone
                            + "</HostedZoneId><VPC><VPCRegion>" + REGION + "</VPCRegion><VPCId>" + vpc + "</VPCId></VPC>");
                }
                if (call.action().endsWith("/deauthorizevpcassociation")) {
                    authorized.remove(group(ZONE_IN_PATH, call.action()) + " " + group(VPC_IN_BODY, call.body()));
                    return route53Answer("DeleteVPCAssociationAuthorizationResponse", "");
                }
                if (call.action().endsWith("/associatevpc") && spokeAccount.equals(proxy.accountOf(call))) {
                    // moto looks the zone up in the spoke account and answers NoSuchHostedZone; AWS associates the
                    // spoke's VPC with the hub account's zone once the hub account authorized it
                    String zone = group(ZONE_IN_PATH, call.action());
                    String vpc = group(VPC_IN_BODY, call.body());
                    if (!authorized.contains(zone + " " + vpc)) {
                        return new Answer(401, "text/xml", "<ErrorResponse xmlns=\"https://route53.amazonaws.com/doc/"
                                + "2013-04-01/\"><Error><Type>Sender</Type><Code>NotAuthorizedException</Code><Message>"
                                + "not authorized</Message></Error><RequestId>1</RequestId></ErrorResponse>");
                    }
                    try (Route53Client owner = route53As(hubAccount)) {
                        owner.associateVPCWithHostedZone(r -> r.hostedZoneId(zone).vpc(v -> v.vpcId(vpc).vpcRegion(REGION)));
                    }
                    return route53Answer("AssociateVPCWithHostedZoneResponse", "<ChangeInfo><Id>/change/C1</Id>"
                            + "<Status>INSYNC</Status><SubmittedAt>2026-01-01T00:00:00Z</SubmittedAt></ChangeInfo>");
                }
                return null;
            }

            @Override
            public String rewrite(Call call, String body) {
                // moto has no Transit Gateway sharing: the spoke account's routes to the hub account's gateway are
                // kept without their target, described here as AWS describes them once the gateway is shared (RAM)
                if (call.is("DescribeRouteTables") && spokeAccount.equals(proxy.accountOf(call))) {
                    return body.replace("<destinationCidrBlock>10.0.0.0/16</destinationCidrBlock>",
                            "<destinationCidrBlock>10.0.0.0/16</destinationCidrBlock><transitGatewayId>" + tgw
                                    + "</transitGatewayId>");
                }
                return body;
            }
        };
    }

    private static Answer route53Answer(String element, String content) {
        return new Answer(200, "text/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + element
                + " xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\">" + content + "</" + element + ">");
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text == null ? "" : text);
        if (!m.find()) {
            throw new AssertionError(pattern + " not in " + text);
        }
        return m.group(1);
    }

    @Test
    @Order(6)
    void aStepThatFailsHalfwayResumesWithoutASecondEndpointOrZone() {
        // the spoke account's association fails more often than the SDK retries it: the attempt stops after the
        // endpoint, the zone and its records exist, and the durable job's next attempt must finish from there
        AtomicInteger refused = new AtomicInteger();
        proxy.reset();
        proxy.add(new Rule() {
            @Override
            public Answer instead(Call call) {
                if (call.action().endsWith("/associatevpc") && spokeAccount.equals(proxy.accountOf(call))
                        && refused.getAndIncrement() < 4) {
                    return new Answer(500, "text/xml", "<ErrorResponse xmlns=\"https://route53.amazonaws.com/doc/"
                            + "2013-04-01/\"><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>try "
                            + "again</Message></Error><RequestId>2</RequestId></ErrorResponse>");
                }
                return null;
            }
        });
        proxy.add(crossAccountAws());
        Response created = api.post("/api/v1/shared-endpoints", requester, hub("ssmmessages", spokeTwo, spokeThree));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("requestId").asString();
        submitAndApprove(id);
        api.awaitStatus(requester, id, "ACTIVE");

        assertThat(refused.get()).as("the association was refused, then made").isGreaterThan(4);
        assertThat(endpointsIn(hubAccount, hubVpc, "com.amazonaws.eu-west-1.ssmmessages")).as("one endpoint").hasSize(1);
        try (Route53Client route53 = route53As(hubAccount)) {
            List<HostedZone> zones = route53.listHostedZones().hostedZones().stream()
                    .filter(z -> z.name().equals("ssmmessages.eu-west-1.amazonaws.com.")).toList();
            assertThat(zones).as("one zone: the retry found the zone the first attempt made").hasSize(1);
            assertThat(route53.getHostedZone(r -> r.id(zones.get(0).id())).vpCs()).extracting(VPC::vpcId)
                    .containsExactlyInAnyOrder(hubVpc, spokeTwo, spokeThree);
        }
        assertThat(proxy.calls(c -> c.is("CreateVpcEndpoint"))).as("the endpoint was created once").hasSize(1);
        assertThat(proxy.calls(c -> c.action().equals("POST /2013-04-01/hostedzone")))
                .as("the zone was created once").hasSize(1);
    }

    private String hub(String template, String... spokes) {
        return hubIn(hubVpc, template, spokes);
    }

    private String hubIn(String vpc, String template, String... spokes) {
        StringBuilder list = new StringBuilder();
        for (String spoke : spokes) {
            String account = spoke.equals(sameAccountSpoke) ? hubAccount : spokeAccount;
            list.append(list.isEmpty() ? "" : ",").append("{\"accountId\":\"%s\",\"vpcId\":\"%s\"}".formatted(account, spoke));
        }
        return """
                {"team":"%s","hubAccountId":"%s","region":"%s","hubVpcId":"%s","templateKey":"%s",
                 "subnetIds":["%s"],"justification":"one endpoint for the spokes","spokes":[%s]}"""
                .formatted(team, hubAccount, REGION, vpc, template, hubSubnet, list);
    }

    private void assertProblem(String body, String field, String message) {
        Response refused = api.post("/api/v1/shared-endpoints", requester, body);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"" + field + "\"").contains(message);
    }

    private int requests() {
        return api.get("/api/v1/requests?limit=100", requester).json().get("items").size();
    }

    private void submitAndApprove(String id) {
        Response submitted = api.post("/api/v1/requests/" + id + "/submit", requester, "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        Response approved = api.post("/api/v1/requests/" + id + "/approve", approver, "{}");
        assertThat(approved.status()).as("the network team approves: %s", approved.body()).isEqualTo(200);
    }

    private JsonNode awaitJob(String id, String status) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonNode progress = null;
        while (Instant.now().isBefore(deadline)) {
            progress = api.get("/api/v1/requests/" + id + "/provisioning", requester).json();
            if (progress.has("status") && progress.get("status").asString().equals(status)) {
                return progress;
            }
            pause();
        }
        throw new AssertionError("Job of " + id + " did not become " + status + ": " + progress);
    }

    private static List<String> actions(JsonNode plan) {
        JsonNode calls = plan.has("calls") ? plan.get("calls") : plan;
        return StreamSupport.stream(calls.spliterator(), false).map(c -> c.get("action").asString()).toList();
    }

    private static JsonNode retirement(JsonNode retirements, String endpointId) {
        return StreamSupport.stream(retirements.spliterator(), false)
                .filter(r -> r.get("endpointId").asString().equals(endpointId)).findFirst()
                .orElseThrow(() -> new AssertionError("no retirement of " + endpointId + " in " + retirements));
    }

    private static JsonNode service(JsonNode advice, String service) {
        return StreamSupport.stream(advice.get("services").spliterator(), false)
                .filter(s -> s.get("service").asString().equals(service)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + service + " in " + advice));
    }

    /** A spoke's own interface endpoints (in a new subnet of {@code vpc}), made outside the portal. */
    private static List<String> ownEndpoints(Ec2Client ec2, String vpc, String cidr, boolean privateDns,
            String... services) {
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).availabilityZone(REGION + "a")).subnet()
                .subnetId();
        return Stream.of(services).map(service -> ec2.createVpcEndpoint(r -> r.vpcId(vpc)
                .serviceName("com.amazonaws.eu-west-1." + service).vpcEndpointType("Interface").subnetIds(subnet)
                .privateDnsEnabled(privateDns)).vpcEndpoint().vpcEndpointId()).toList();
    }

    private static HostedZone zoneNamed(Route53Client route53, String name) {
        return route53.listHostedZones().hostedZones().stream().filter(z -> z.name().equals(name + "."))
                .findFirst().orElseThrow(() -> new AssertionError("no zone " + name));
    }

    private static List<VpcEndpoint> endpointsIn(String account, String vpc, String service) {
        try (Ec2Client ec2 = ec2As(account, REGION)) {
            return ec2.describeVpcEndpoints(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build(),
                    Filter.builder().name("service-name").values(service).build())).vpcEndpoints();
        }
    }

    /** A VPC with DNS support and host names on and, when {@code toHub} is given, a route to it over the gateway. */
    private String vpc(Ec2Client ec2, String cidr, String toHub) {
        String id = ec2.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
        ec2.modifyVpcAttribute(r -> r.vpcId(id).enableDnsHostnames(b -> b.value(true)));
        if (toHub != null) {
            String table = ec2.describeRouteTables(r -> r.filters(Filter.builder().name("vpc-id").values(id).build()))
                    .routeTables().get(0).routeTableId();
            ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock(toHub).transitGatewayId(tgw));
        }
        return id;
    }

    private static String randomAccount() {
        return "6" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
