package io.vpcportal.request.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vpcportal.PortalIntegrationTest;
import io.vpcportal.catalog.PolicyChoice;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.request.ItemDraft;
import io.vpcportal.request.RequestDraft;
import io.vpcportal.request.internal.RequestRules.CheckedRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rules a request must meet, checked with the real catalog and account modules of the running portal (demo
 * data: requester of team payments, sandbox account 111111111111 with us-east-1, eu-west-1, eu-west-3).
 */
@PortalIntegrationTest
class RequestRulesIntegrationTests {

    private static final String VPC = "vpc-0a1b2c3d4e5f60718";
    private static final String SUBNET = "subnet-0a1b2c3d";
    private static final String SG = "sg-0a1b2c3d";
    private static final String RTB = "rtb-0a1b2c3d";

    @Autowired
    RequestRules rules;

    @Autowired
    IdentityManagement identity;

    PortalPrincipal requester;

    @BeforeEach
    void setUp() {
        requester = identity.loadPrincipal("requester").orElseThrow();
    }

    @Test
    void aValidInterfaceRequestResolvesTheTemplateServiceAndDefaultPolicy() {
        CheckedRequest checked = rules.check(draft(sts()), requester);

        assertThat(checked.items()).singleElement().satisfies(item -> {
            assertThat(item.template().key()).isEqualTo("sts");
            assertThat(item.template().version()).isEqualTo(1);
            assertThat(item.serviceName()).isEqualTo("com.amazonaws.eu-west-1.sts");
            assertThat(item.policy()).isEqualTo(PolicyChoice.ORGANIZATION);
        });
    }

    @Test
    void aValidGatewayRequestWithBuckets() {
        CheckedRequest checked = rules.check(draft(s3Gateway(List.of("payments-in", "logs.payments-eu"))), requester);

        assertThat(checked.items().get(0).serviceName()).isEqualTo("com.amazonaws.eu-west-1.s3");
        assertThat(checked.items().get(0).policy()).isEqualTo(PolicyChoice.S3_BUCKETS);
    }

    @Test
    void everyBrokenRuleIsReportedWithItsPath() {
        RequestDraft draft = new RequestDraft(" ", "", "", "", "t".repeat(121), " ", new BigDecimal("-1"), "nat-x",
                List.of());

        assertThat(fields(draft)).containsExactlyInAnyOrder("team", "accountId", "region", "vpcId", "natGatewayId",
                "title", "justification", "expectedMonthlyGb", "items");
    }

    @Test
    void theTeamMustBeOneOfTheRequestersTeams() {
        assertThat(violations(with(d -> draft("network", "111111111111", "eu-west-1", d.items()))))
                .containsExactly(new FieldViolation("team", "must be one of your teams: payments"));
        assertThat(violations(with(d -> draft("Payments", "111111111111", "eu-west-1", d.items()))))
                .extracting(FieldViolation::field).containsExactly("team");
    }

    @Test
    void theAccountMustBeRegisteredAndUsableByTheTeam() {
        assertThat(violations(with(d -> draft("payments", "999999999999", "eu-west-1", d.items()))))
                .containsExactly(new FieldViolation("accountId", "is not registered in the portal"));
        assertThat(violations(with(d -> draft("payments", "11111111111", "eu-west-1", d.items()))))
                .containsExactly(new FieldViolation("accountId", "must be exactly 12 digits"));
        PortalPrincipal network = identity.loadPrincipal("net-approver").orElseThrow();
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> rules.check(draft("network", "111111111111", "eu-west-1", List.of(sts())), network)).violations())
                .containsExactly(new FieldViolation("accountId", "may not be used by team network"));
    }

    @Test
    void theRegionMustBeKnownAndAllowedInTheAccount() {
        assertThat(violations(with(d -> draft("payments", "111111111111", "us-west-2", d.items()))))
                .containsExactly(new FieldViolation("region",
                        "is not allowed in account 111111111111; allowed: eu-west-1, eu-west-3, us-east-1"));
        assertThat(violations(with(d -> draft("payments", "111111111111", "eu-west-9", d.items()))))
                .containsExactly(new FieldViolation("region", "is not a known AWS region"));
    }

    @Test
    void aGatewayEndpointTakesRouteTablesOnly() {
        ItemDraft item = new ItemDraft("s3-gateway", List.of(), List.of(SUBNET), List.of(SG), true, "full-access",
                List.of(), List.of(), null, null, Map.of());

        assertThat(fields(draft(item))).containsExactlyInAnyOrder("items[0].routeTableIds", "items[0].subnetIds",
                "items[0].securityGroupIds", "items[0].privateDns");
    }

    @Test
    void anInterfaceEndpointTakesSubnetsAndAtMostFiveSecurityGroups() {
        ItemDraft item = new ItemDraft("sts", List.of(RTB), List.of(),
                List.of("sg-0a000001", "sg-0a000002", "sg-0a000003", "sg-0a000004", "sg-0a000005", "sg-0a000006"),
                null, null, List.of(), List.of(), null, null, Map.of());

        assertThat(violations(draft(item))).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("items[0].subnetIds", "items[0].routeTableIds", "items[0].securityGroupIds");
    }

    @Test
    void idsMustBeWellFormedAndUnique() {
        assertThat(violations(draft(new ItemDraft("sts", null, List.of("subnet-0A1B2C3D"), null, null, null, null,
                null, null, null, null)))).singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("items[0].subnetIds");
                    assertThat(v.message()).contains("subnet-").contains("'subnet-0A1B2C3D' is not");
                });
        assertThat(violations(draft(new ItemDraft("sts", null, List.of(SUBNET, SUBNET), null, null, null, null,
                null, null, null, null)))).containsExactly(new FieldViolation("items[0].subnetIds",
                        "names '" + SUBNET + "' twice"));
        assertThat(violations(draft(new ItemDraft("sts", null, Collections.nCopies(21, SUBNET), null, null, null,
                null, null, null, null, null)))).containsExactly(new FieldViolation("items[0].subnetIds",
                        "must name at most 20"));
    }

    @Test
    void theDatadogSecurityGroupIsRequired() {
        ItemDraft item = new ItemDraft("datadog-logs", null, List.of(SUBNET), null, null, null, null, null,
                "us-east-1", null, null);

        assertThat(violations(draft(item))).containsExactly(new FieldViolation("items[0].securityGroupIds",
                "must name at least one security group"));
    }

    @Test
    void aPartnerServiceOutsideItsRegionPointsAtTheServiceRegion() {
        List<FieldViolation> v = violations(draft(datadog(null)));

        assertThat(v).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("items[0].templateKey");
            assertThat(violation.message()).isEqualTo("Datadog logs intake does not exist in eu-west-1; it exists in "
                    + "ap-northeast-1, ap-southeast-2, us-east-1. Datadog supports a cross-region endpoint: set the "
                    + "service region to one of these.");
        });
    }

    @Test
    void aCrossRegionPartnerEndpointUsesTheServiceRegionsName() {
        CheckedRequest checked = rules.check(draft(datadog("us-east-1")), requester);

        assertThat(checked.items().get(0).serviceName())
                .isEqualTo("com.amazonaws.vpce.us-east-1.vpce-svc-025a56b9187ac1f63");
    }

    @Test
    void aServiceRegionMustMakeSense() {
        assertThat(violations(draft(datadog("eu-west-2")))).containsExactly(new FieldViolation(
                "items[0].serviceRegion", "Datadog logs intake exists only in ap-northeast-1, ap-southeast-2, us-east-1"));
        assertThat(violations(draft(datadog("moon-1")))).containsExactly(new FieldViolation("items[0].serviceRegion",
                "is not a known AWS region"));
        assertThat(violations(draft("payments", "111111111111", "us-east-1", List.of(datadog("us-east-1")))))
                .containsExactly(new FieldViolation("items[0].serviceRegion", "is the VPC's own region: leave it empty"));
        ItemDraft crossRegionSts = new ItemDraft("sts", null, List.of(SUBNET), null, null, null, null, null,
                "us-east-1", null, null);
        assertThat(violations(draft(crossRegionSts))).containsExactly(new FieldViolation("items[0].serviceRegion",
                "AWS STS cannot be reached across regions: leave the service region empty"));
    }

    @Test
    void policyChoicesMustFitTheTemplate() {
        assertThat(violations(draft(withPolicy(sts(), "s3-buckets", List.of(), List.of(), null))))
                .extracting(FieldViolation::field).containsExactly("items[0].policyChoice");
        assertThat(violations(draft(withPolicy(sts(), "dynamodb-tables", List.of(), List.of(), null))))
                .extracting(FieldViolation::message).containsExactly("dynamodb-tables applies to DynamoDB endpoints only");
        assertThat(violations(draft(withPolicy(sts(), "everything", List.of(), List.of(), null))))
                .extracting(FieldViolation::field).containsExactly("items[0].policyChoice");
        assertThat(violations(draft(s3Gateway(List.of()))))
                .containsExactly(new FieldViolation("items[0].bucketNames",
                        "must name at least one bucket for the s3-buckets policy"));
        assertThat(violations(draft(withPolicy(sts(), "organization", List.of("bucket-a"), List.of("table-a"), null))))
                .extracting(FieldViolation::field).containsExactlyInAnyOrder("items[0].bucketNames", "items[0].tableNames");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "UPPER-case", "192.168.1.1", "xn--bucket", "sthree-bucket", "bucket-s3alias",
            "bucket--ol-s3", "two..dots", "-leading", "trailing-", "under_score", "b\u00fccket"})
    void badBucketNamesAreRefused(String bucket) {
        assertThat(violations(draft(s3Gateway(List.of(bucket))))).singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("items[0].bucketNames"));
    }

    @Test
    void customPoliciesMustBeAJsonObject() {
        assertThat(violations(draft(withPolicy(sts(), "custom", List.of(), List.of(), " "))))
                .extracting(FieldViolation::message).containsExactly("must hold the policy JSON for the custom policy");
        assertThat(violations(draft(withPolicy(sts(), "custom", List.of(), List.of(), "[{}]"))))
                .extracting(FieldViolation::message).containsExactly("must be a JSON object");
        assertThat(violations(draft(withPolicy(sts(), "custom", List.of(), List.of(), "{\"a\":" + "1".repeat(20480) + "}"))))
                .extracting(FieldViolation::message).singleElement().asString().contains("20480");
        assertThat(violations(draft(withPolicy(sts(), "organization", List.of(), List.of(), "{}"))))
                .extracting(FieldViolation::message).containsExactly("is only used with the custom policy choice");
        // the policy engine judges the content: an empty statement list is an ERROR, a real policy passes
        assertThat(violations(draft(withPolicy(sts(), "custom", List.of(), List.of(), "{\"Statement\":[]}"))))
                .extracting(FieldViolation::field).containsOnly("items[0].customPolicy");
        String allowAssumeRoleInTheAccount = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole",
                 "Resource":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":"111111111111"}}}]}""";
        assertThat(rules.check(draft(withPolicy(sts(), "custom", List.of(), List.of(), allowAssumeRoleInTheAccount)),
                requester).items().get(0).policy()).isEqualTo(PolicyChoice.CUSTOM);
    }

    @Test
    void tagsAreLimitedInNumberAndCharacters() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 21; i++) {
            many.put("k" + i, "v");
        }
        assertThat(violations(withTags(many))).extracting(FieldViolation::message)
                .containsExactly("must have at most 20 tags");
        for (String reserved : List.of("aws:cloudformation", "AWS:x", "portal:request-id", "", "k".repeat(129), "a<b")) {
            assertThat(violations(withTags(Map.of(reserved, "v")))).as(reserved)
                    .extracting(FieldViolation::field).containsExactly("items[0].tags");
        }
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("owner", null);
        assertThat(violations(withTags(nullValue))).extracting(FieldViolation::field)
                .containsExactly("items[0].tags");
        assertThat(violations(withTags(Map.of("owner", "v".repeat(257))))).hasSize(1);
        assertThat(rules.check(withTags(Map.of("Name", "Zahlungsverkehr \u00fc", "team:cost", "a/b=c+d@e")),
                requester).items()).hasSize(1);
    }

    @Test
    void itemsAreCountedCheckedAndNotRepeated() {
        assertThat(violations(with(d -> draft("payments", "111111111111", "eu-west-1", List.of()))))
                .containsExactly(new FieldViolation("items", "must contain at least one endpoint"));
        assertThat(violations(with(d -> draft("payments", "111111111111", "eu-west-1", Collections.nCopies(11, sts())))))
                .containsExactly(new FieldViolation("items", "must contain at most 10 endpoints"));
        assertThat(violations(with(d -> draft("payments", "111111111111", "eu-west-1", List.of(sts(), sts())))))
                .containsExactly(new FieldViolation("items[1].templateKey", "is already requested in this request"));
        List<ItemDraft> withNull = new ArrayList<>();
        withNull.add(null);
        assertThat(violations(with(d -> draft("payments", "111111111111", "eu-west-1", withNull))))
                .containsExactly(new FieldViolation("items[0]", "must not be null"));
        assertThat(fields(draft(new ItemDraft(" ", null, null, null, null, null, null, null, null, null, null))))
                .containsExactly("items[0].templateKey");
        assertThat(violations(draft(new ItemDraft("no-such-template", null, null, null, null, null, null, null, null,
                null, null)))).containsExactly(new FieldViolation("items[0].templateKey", "is not a template in the catalog"));
        assertThat(violations(draft(new ItemDraft("x".repeat(65), null, null, null, null, null, null, null, null,
                null, null)))).extracting(FieldViolation::field).containsExactly("items[0].templateKey");
    }

    @Test
    void theExpectedTrafficIsBounded() {
        assertThat(fields(withGb("-0.001"))).containsExactly("expectedMonthlyGb");
        assertThat(fields(withGb("10000000.001"))).containsExactly("expectedMonthlyGb");
        assertThat(violations(withGb("1.0001"))).extracting(FieldViolation::message)
                .containsExactly("must have at most 3 decimals");
        rules.check(withGb("10000000"), requester);
        rules.check(withGb("0"), requester);
        rules.check(withGb("1.125"), requester);
        rules.check(withGb("1E+3"), requester);
    }

    @Test
    void textsAreBoundedAndFreeOfNul() {
        assertThat(fields(withTexts("t".repeat(121), "why"))).containsExactly("title");
        assertThat(fields(withTexts(null, "w".repeat(2001)))).containsExactly("justification");
        assertThat(fields(withTexts("STS\u0000", "why"))).containsExactly("title");
        assertThat(fields(withTexts(null, "why\u0000"))).containsExactly("justification");
        rules.check(withTexts("t".repeat(120), "w".repeat(2000)), requester);
        rules.check(withTexts("Zahlungsverkehr \u00fc \u65e5\u672c \uD83D\uDE80", "line one\nline two\ttabbed"), requester);
    }

    @Test
    void natGatewayAndVpcIdsFollowTheAwsFormat() {
        assertThat(fields(new RequestDraft("payments", "111111111111", "eu-west-1", "vpc-0A1B2C3D", null, "why",
                null, "nat-0a1b2c3", List.of(sts())))).containsExactlyInAnyOrder("vpcId", "natGatewayId");
        rules.check(new RequestDraft("payments", "111111111111", "eu-west-1", "vpc-0a1b2c3d", null, "why", null,
                "nat-0123456789abcdef0", List.of(sts())), requester);
    }

    private List<FieldViolation> violations(RequestDraft draft) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> rules.check(draft, requester));
        assertThat(e).as("the draft breaks a rule").isNotNull();
        return e.violations();
    }

    private List<String> fields(RequestDraft draft) {
        return violations(draft).stream().map(FieldViolation::field).toList();
    }

    private static RequestDraft draft(ItemDraft item) {
        return draft("payments", "111111111111", "eu-west-1", List.of(item));
    }

    private static RequestDraft draft(String team, String account, String region, List<ItemDraft> items) {
        return new RequestDraft(team, account, region, VPC, "STS", "Batch jobs need STS", BigDecimal.TEN, null, items);
    }

    private static RequestDraft with(UnaryOperator<RequestDraft> change) {
        return change.apply(draft(sts()));
    }

    private static RequestDraft withGb(String gb) {
        return new RequestDraft("payments", "111111111111", "eu-west-1", VPC, null, "why", new BigDecimal(gb), null,
                List.of(sts()));
    }

    private static RequestDraft withTexts(String title, String justification) {
        return new RequestDraft("payments", "111111111111", "eu-west-1", VPC, title, justification, null, null,
                List.of(sts()));
    }

    private static RequestDraft withTags(Map<String, String> tags) {
        return draft(new ItemDraft("sts", null, List.of(SUBNET), null, null, null, null, null, null, null, tags));
    }

    private static ItemDraft sts() {
        return new ItemDraft("sts", null, List.of(SUBNET), List.of(SG), null, null, null, null, null, null, null);
    }

    private static ItemDraft s3Gateway(List<String> buckets) {
        return new ItemDraft("s3-gateway", List.of(RTB), null, null, null, null, buckets, null, null, null, null);
    }

    private static ItemDraft datadog(String serviceRegion) {
        return new ItemDraft("datadog-logs", null, List.of(SUBNET), List.of(SG), null, null, null, null, serviceRegion,
                null, null);
    }

    private static ItemDraft withPolicy(ItemDraft item, String policy, List<String> buckets, List<String> tables,
            String customPolicy) {
        return new ItemDraft(item.templateKey(), item.routeTableIds(), item.subnetIds(), item.securityGroupIds(),
                item.privateDns(), policy, buckets, tables, item.serviceRegion(), customPolicy, item.tags());
    }
}
