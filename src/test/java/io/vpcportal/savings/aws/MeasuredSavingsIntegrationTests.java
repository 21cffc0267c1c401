package io.vpcportal.savings.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.AwsIntegrationTest;
import io.vpcportal.MotoAccounts;
import io.vpcportal.MotoServer;
import io.vpcportal.PortalApi;
import io.vpcportal.TestIdentities;
import io.vpcportal.TestIdentities.FreshTeam;
import io.vpcportal.account.AccountChange;
import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.shared.TeamId;
import java.util.Set;
import java.util.TreeSet;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.savings.LedgerKind;
import io.vpcportal.savings.LedgerRow;
import io.vpcportal.savings.SavingsGroup;
import io.vpcportal.savings.SavingsManagement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * Measured traffic end to end against moto: a serverless-pipeline request (S3 gateway, Glue and RDS Data API
 * interface endpoints, a NAT gateway) provisioned through the portal, and an STS interface endpoint made by hand
 * (unmanaged); an inventory sync, from which the collector takes what to measure; CloudWatch metric data and
 * flow-log files put into moto by the test; a collection through the API; the ledger rows and monthly totals checked
 * against a hand computation with the shipped eu-west-1 prices (ENI-hour 0.011, interface GB 0.01, NAT GB 0.048).
 */
@AwsIntegrationTest
class MeasuredSavingsIntegrationTests {

    static final long GIB = 1L << 30;

    static Ec2Client ec2;
    static CloudWatchClient cloudWatch;
    static S3Client s3;

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    AccountManagement accounts;
    @Autowired
    SavingsManagement savings;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /**
     * The test's own account, reached through a role: moto keeps each account's resources apart, so endpoints of
     * other test classes' role-less accounts (which all read moto's default account) are not this account's.
     */
    static final String ACCOUNT = "6" + String.format("%011d",
            java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000_000L));

    @BeforeAll
    static void emulator() {
        var asAccount = MotoAccounts.credentialsOf(ACCOUNT, "eu-west-1");
        ec2 = Ec2Client.builder().region(Region.EU_WEST_1).endpointOverride(MotoServer.shared().endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).credentialsProvider(asAccount).build();
        cloudWatch = CloudWatchClient.builder().region(Region.EU_WEST_1)
                .endpointOverride(io.vpcportal.CloudWatchCborBridge.shared().endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).credentialsProvider(asAccount).build();
        s3 = S3Client.builder().region(Region.EU_WEST_1).endpointOverride(MotoServer.shared().endpoint())
                .forcePathStyle(true).httpClientBuilder(UrlConnectionHttpClient.builder()).credentialsProvider(asAccount)
                .build();
    }


    @AfterAll
    static void close() {
        ec2.close();
        cloudWatch.close();
        s3.close();
    }

    @Test
    void metricsAndFlowLogsBecomeLedgerRowsAndMonthlyTotalsAndASecondCollectionChangesNothing() throws IOException {
        PortalApi api = new PortalApi(port);
        FreshTeam team = new FreshTeam("sav-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36), ACCOUNT);
        identity.ensureTeam(new TeamId(team.id()), "Savings team");
        accounts.register(ACCOUNT, new AccountChange("savings " + ACCOUNT, MotoAccounts.roleOf(ACCOUNT), MotoAccounts.externalIdOf(ACCOUNT),
                AccountEnvironment.NON_PRODUCTION, new TreeSet<>(Set.of("eu-west-1")), new TreeSet<>(Set.of(team.id()))),
                "test");
        String token = api.tokenOf(new TestIdentities(identity, accounts).requester(team.id()), TestIdentities.PASSWORD);
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsSupport(b -> b.value(true)));
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(b -> b.value(true)));
        String subnetA = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.9.1.0/24").availabilityZone("eu-west-1a")).subnet().subnetId();
        String subnetB = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.9.2.0/24").availabilityZone("eu-west-1b")).subnet().subnetId();
        String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        String group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("savings-" + vpc).description("443")).groupId();
        String address = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
        String nat = ec2.createNatGateway(r -> r.subnetId(subnetA).allocationId(address)).natGateway().natGatewayId();
        // made by hand: the inventory finds it unmanaged, and its savings count for the account's team
        String sts = ec2.createVpcEndpoint(r -> r.vpcId(vpc).vpcEndpointType("Interface")
                .serviceName("com.amazonaws.eu-west-1.sts").subnetIds(subnetB)).vpcEndpoint().vpcEndpointId();
        String body = """
                {"team":"%s","accountId":"%s","region":"eu-west-1","vpcId":"%s","natGatewayId":"%s",
                 "justification":"Lambda ingestion, Glue transforms, Aurora Serverless","expectedMonthlyGb":1200,
                 "items":[{"templateKey":"s3-gateway","routeTableIds":["%s"],"policyChoice":"s3-buckets","bucketNames":["pipeline-raw"]},
                          {"templateKey":"glue","subnetIds":["%s","%s"],"securityGroupIds":["%s"]},
                          {"templateKey":"rds-data","subnetIds":["%s","%s"],"securityGroupIds":["%s"]}]}"""
                .formatted(team.id(), team.accountId(), vpc, nat, table, subnetA, subnetB, group, subnetA, subnetB, group);
        var created = api.post("/api/v1/requests", token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/api/v1/requests/" + id + "/submit", token, "").status()).isEqualTo(200);
        var approved = api.post("/api/v1/requests/" + id + "/approve", api.tokenOf("net-approver"), "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        awaitActive(api, token, id);
        Map<Integer, String> endpoint = new HashMap<>();
        for (JsonNode e : api.get("/api/v1/requests/" + id + "/provisioning", token).json().get("endpoints")) {
            endpoint.put(e.get("position").asInt(), e.get("vpcEndpointId").asString());
        }
        String s3Endpoint = endpoint.get(0);
        String glue = endpoint.get(1);
        String rdsData = endpoint.get(2);
        // what is measured comes from the inventory: sync it once the endpoints exist
        io.vpcportal.inventory.InventorySyncs.syncAndWait(api, api.tokenOf("admin"));

        LocalDate day = savings.today().minusDays(2);
        Instant morning = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(6));
        Instant evening = morning.plus(Duration.ofHours(12));
        Instant nextDay = morning.plus(Duration.ofDays(1));
        putEndpoint(glue, vpc, "com.amazonaws.eu-west-1.glue", morning, 10 * GIB);
        putEndpoint(glue, vpc, "com.amazonaws.eu-west-1.glue", evening, 5 * GIB);
        putEndpoint(glue, vpc, "com.amazonaws.eu-west-1.glue", nextDay, 99 * GIB);
        putEndpoint(rdsData, vpc, "com.amazonaws.eu-west-1.rds-data", morning, GIB);
        putEndpoint(sts, vpc, "com.amazonaws.eu-west-1.sts", evening, 2 * GIB);
        putNat(nat, "BytesInFromSource", morning, 3 * GIB);
        putNat(nat, "BytesInFromDestination", evening, 7 * GIB);
        putNat(nat, "BytesOutToDestination", evening, 3 * GIB);

        String bucket = "flow-logs-" + team.accountId();
        s3.createBucket(r -> r.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        savings.flowLogLocation(team.accountId(), bucket, "vpc");
        String folder = "vpc/AWSLogs/%s/vpcflowlogs/eu-west-1/%04d/%02d/%02d/".formatted(team.accountId(), day.getYear(),
                day.getMonthValue(), day.getDayOfMonth());
        putFlowLog(bucket, folder + team.accountId() + "_vpcflowlogs_eu-west-1_fl-1_0600Z_a.log.gz",
                record(vpc, 30 * GIB, "-", "S3", "7"),
                record(vpc, 10 * GIB, "S3", "-", "7"),
                record(vpc, 4 * GIB, "-", "S3", "8"),
                record(vpc, 2 * GIB, "-", "DYNAMODB", "8"),
                record(vpc, 6 * GIB, "-", "EC2", "7"),
                record("vpc-0ffffffffffffffff", 50 * GIB, "-", "S3", "7"));
        putFlowLog(bucket, folder + team.accountId() + "_vpcflowlogs_eu-west-1_fl-1_1800Z_b.log.gz",
                record(vpc, 10 * GIB, "-", "S3", "7"));
        s3.putObject(r -> r.bucket(bucket).key(folder + "not-a-flow-log.txt"), RequestBody.fromString("ignored"));

        var collected = api.post("/api/v1/savings/collect", api.tokenOf("admin"),
                "{\"from\":\"" + day + "\",\"to\":\"" + day + "\"}");
        assertThat(collected.status()).as(collected.body()).isEqualTo(200);
        assertThat(collected.json().get(0).get("accounts").toString()).contains(team.accountId());

        // glue: 2 ENIs x 24 h x 0.011 = 0.528 + 15 GB x 0.01 = 0.678; NAT avoided 15 x 0.048 = 0.72; net 0.042
        assertRow(glue, LedgerKind.INTERFACE, 2, 15 * GIB, "0.678", "0.72", "0.042", "0");
        // rds-data: 0.528 + 1 x 0.01 = 0.538; avoided 0.048; net -0.49 (below break-even)
        assertRow(rdsData, LedgerKind.INTERFACE, 2, GIB, "0.538", "0.048", "-0.49", "0");
        // S3 gateway: 30 + 10 + 10 GB with traffic-path 7 in its VPC; free; avoided 50 x 0.048 = 2.40
        assertRow(s3Endpoint, LedgerKind.GATEWAY, 0, 50 * GIB, "0", "2.4", "2.4", "0");
        // unmanaged STS, 1 ENI: 24 h x 0.011 = 0.264 + 2 GB x 0.01 = 0.284; avoided 2 x 0.048 = 0.096; net -0.188
        assertRow(sts, LedgerKind.INTERFACE, 1, 2 * GIB, "0.284", "0.096", "-0.188", "0");
        assertThat(jdbc.queryForList("select request_id from savings_ledger_day where resource_id = ?", Object.class, sts))
                .as("unmanaged: no request").containsExactly((Object) null);
        assertThat(savings.ledgerOf(sts).get(0).team()).as("the account's only team").isEqualTo(team.id());
        // NAT: BytesInFromSource + BytesInFromDestination = 10 GB x 0.048 = 0.48 still paid
        assertRow(nat, LedgerKind.NAT, 0, 10 * GIB, "0", "0", "0", "0.48");
        // DynamoDB through NAT in a VPC without a DynamoDB gateway endpoint: 2 GB x 0.048 = 0.096 missed
        assertRow(vpc + "/DYNAMODB", LedgerKind.MISSED, 0, 2 * GIB, "0", "0", "0", "0.096");
        assertThat(savings.ledgerOf(vpc + "/S3")).as("S3 has a gateway endpoint in the VPC: nothing missed").isEmpty();

        LocalDate first = day.withDayOfMonth(1);
        LocalDate last = day.withDayOfMonth(day.lengthOfMonth());
        SavingsGroup month = teamTotal(team.id(), first, last);
        // endpoints: 15 + 1 + 50 + 2 GB; cost 0.678 + 0.538 + 0.284; avoided 0.72 + 0.048 + 2.4 + 0.096
        assertThat(month.bytes()).isEqualTo(68 * GIB);
        assertThat(month.endpointCost()).isEqualByComparingTo("1.5");
        assertThat(month.avoidedNatCost()).isEqualByComparingTo("3.264");
        assertThat(month.netSaving()).isEqualByComparingTo("1.764");
        assertThat(month.natCost()).isEqualByComparingTo("0.48");
        assertThat(month.missedSaving()).isEqualByComparingTo("0.096");
        JsonNode report = api.get("/api/v1/savings?groupBy=team&from=" + first + "&to=" + last, token).json();
        JsonNode mine = null;
        for (JsonNode g : report.get("groups")) {
            if (g.get("key").asString().equals(team.id())) {
                mine = g;
            }
        }
        assertThat(mine).as("team %s in %s", team.id(), report).isNotNull();
        assertThat(mine.get("netSaving").decimalValue()).isEqualByComparingTo("1.764");

        List<String> all = List.of(glue, rdsData, sts, s3Endpoint, nat, vpc + "/DYNAMODB");
        List<LedgerRow> before = rowsOf(all);
        var again = api.post("/api/v1/savings/collect", api.tokenOf("admin"),
                "{\"from\":\"" + day + "\",\"to\":\"" + day + "\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(rowsOf(all)).isEqualTo(before);
        assertThat(teamTotal(team.id(), first, last)).isEqualTo(month);
    }

    private SavingsGroup teamTotal(String team, LocalDate from, LocalDate to) {
        return savings.groups("team", from, to).stream().filter(g -> g.key().equals(team)).findFirst().orElseThrow();
    }

    private List<LedgerRow> rowsOf(List<String> resources) {
        List<LedgerRow> rows = new ArrayList<>();
        resources.forEach(r -> rows.addAll(savings.ledgerOf(r)));
        return rows;
    }

    private void assertRow(String resource, LedgerKind kind, int enis, long bytes, String endpointCost, String avoided,
            String net, String nat) {
        List<LedgerRow> rows = savings.ledgerOf(resource);
        assertThat(rows).as("ledger of %s", resource).hasSize(1);
        LedgerRow row = rows.get(0);
        assertThat(row.kind()).isEqualTo(kind);
        assertThat(row.enis()).isEqualTo(enis);
        assertThat(row.bytes()).as("bytes of %s", resource).isEqualTo(bytes);
        assertThat(row.endpointCost()).as("endpoint cost of %s", resource).isEqualByComparingTo(new BigDecimal(endpointCost));
        assertThat(row.avoidedNatCost()).as("avoided of %s", resource).isEqualByComparingTo(new BigDecimal(avoided));
        assertThat(row.netSaving()).as("net of %s", resource).isEqualByComparingTo(new BigDecimal(net));
        assertThat(row.natCost()).as("NAT cost of %s", resource).isEqualByComparingTo(new BigDecimal(nat));
    }

    private static void putEndpoint(String endpointId, String vpc, String service, Instant at, long bytes) {
        cloudWatch.putMetricData(r -> r.namespace("AWS/PrivateLinkEndpoints").metricData(MetricDatum.builder()
                .metricName("BytesProcessed").timestamp(at).value((double) bytes).dimensions(
                        dimension("Endpoint Type", "Interface"), dimension("Service Name", service),
                        dimension("VPC Endpoint Id", endpointId), dimension("VPC Id", vpc)).build()));
    }

    private static void putNat(String nat, String metric, Instant at, long bytes) {
        cloudWatch.putMetricData(r -> r.namespace("AWS/NATGateway").metricData(MetricDatum.builder()
                .metricName(metric).timestamp(at).value((double) bytes).dimensions(dimension("NatGatewayId", nat)).build()));
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    /** A version 5 record in the field order of the file's header. */
    private static String record(String vpc, long bytes, String srcService, String dstService, String path) {
        return "5 %s eni-0a1b2c3d4e5f60718 10.9.1.10 52.218.1.1 44321 443 6 1000 %d 1700000000 1700000060 ACCEPT OK %s %s %s"
                .formatted("123456789012", bytes, vpc, srcService, dstService) + " " + path;
    }

    private static void putFlowLog(String bucket, String key, String... records) throws IOException {
        StringBuilder text = new StringBuilder("version account-id interface-id srcaddr dstaddr srcport dstport protocol "
                + "packets bytes start end action log-status vpc-id pkt-src-aws-service pkt-dst-aws-service traffic-path\n");
        for (String r : records) {
            text.append(r).append('\n');
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(gz.toByteArray()));
    }

    private static void awaitActive(PortalApi api, String token, String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonNode request = null;
        while (Instant.now().isBefore(deadline)) {
            request = api.get("/api/v1/requests/" + id, token).json();
            if (request.get("status").asString().equals("ACTIVE")) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Request " + id + " did not become ACTIVE: " + request);
    }
}
