package io.vpcportal.approval;

import static io.vpcportal.approval.TestRules.all;
import static io.vpcportal.approval.TestRules.any;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalIntegrationTest;
import io.vpcportal.TestIdentities;
import io.vpcportal.TestIdentities.FreshTeam;
import io.vpcportal.account.AccountChange;
import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.approval.internal.ApprovalProperties;
import io.vpcportal.approval.internal.ApprovalRouting;
import io.vpcportal.approval.internal.ApprovalRouting.Route;
import io.vpcportal.catalog.CatalogManagement;
import io.vpcportal.catalog.EndpointTemplateDetails;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestDetails.ItemDetails;
import io.vpcportal.request.RequestStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who must approve what, with the default rules of the migration. Rules made here name a fresh team of the test,
 * so that they never route anybody else's request.
 */
@PortalIntegrationTest
class ApprovalRoutingIntegrationTests {

    private static final String SANDBOX = RequestBodies.SANDBOX;
    private static final String INTERFACE_RULE = "Interface endpoints need network";
    private static final String PARTNER_RULE = "Partner services need network, then security";
    private static final String OPEN_POLICY_RULE = "Full-access or custom policies need network, then security";
    private static final String RESTRICTED_GATEWAY_RULE =
            "Gateway endpoints with a restricted policy in non-production accounts are approved automatically";
    private static final String EVERYTHING_ELSE_RULE = "Everything else needs network";

    @Autowired
    ApprovalRouting routing;

    @Autowired
    ApprovalRules rules;

    @Autowired
    ApprovalProperties properties;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    AccountManagement accounts;

    @Autowired
    IdentityManagement identity;

    TestIdentities identities;
    TestRules testRules;

    @BeforeEach
    void setUp() {
        identities = new TestIdentities(identity, accounts);
        testRules = new TestRules(rules);
    }

    @AfterEach
    void disableTestRules() {
        testRules.disableAll();
    }

    @Test
    void aGlueInterfaceEndpointNeedsNetwork() {
        Route route = routing.route(request("payments", SANDBOX, item("glue", null)));

        assertThat(route.automatic()).isFalse();
        assertThat(route.stages()).containsExactly(any("network"));
        assertThat(route.rules()).containsExactly(INTERFACE_RULE);
    }

    @Test
    void aDatadogPartnerEndpointNeedsNetworkThenSecurity() {
        Route route = routing.route(request("payments", SANDBOX, item("datadog-logs", null)));

        assertThat(route.automatic()).isFalse();
        assertThat(route.stages()).containsExactly(any("network"), any("security"));
        assertThat(route.rules()).containsExactly(PARTNER_RULE);
    }

    @Test
    void aBucketRestrictedS3GatewayInANonProductionAccountIsApprovedAutomatically() {
        Route route = routing.route(request("payments", SANDBOX, item("s3-gateway", "s3-buckets")));

        assertThat(route.automatic()).isTrue();
        assertThat(route.stages()).isEmpty();
        assertThat(route.rules()).containsExactly(RESTRICTED_GATEWAY_RULE);
    }

    @Test
    void theSameS3GatewayInAProductionAccountNeedsNetwork() {
        FreshTeam team = identities.team("eu-west-1");
        String production = productionAccount(team.id());

        Route route = routing.route(request(team.id(), production, item("s3-gateway", "s3-buckets")));

        assertThat(route.automatic()).isFalse();
        assertThat(route.stages()).containsExactly(any("network"));
        assertThat(route.rules()).containsExactly(EVERYTHING_ELSE_RULE);
    }

    @Test
    void anAccountThePortalDoesNotKnowCountsAsProduction() {
        Route route = routing.route(request("payments", "999999999999", item("s3-gateway", "s3-buckets")));

        assertThat(route.automatic()).isFalse();
        assertThat(route.stages()).containsExactly(any("network"));
    }

    @Test
    void aFullAccessGatewayNeedsNetworkThenSecurityEvenInNonProduction() {
        Route route = routing.route(request("payments", SANDBOX, item("s3-gateway", "full-access")));

        assertThat(route.automatic()).isFalse();
        assertThat(route.stages()).containsExactly(any("network"), any("security"));
        assertThat(route.rules()).containsExactly(OPEN_POLICY_RULE);
    }

    @Test
    void aRequestIsAutomaticOnlyWhenEveryItemIsAndNeedsTheUnionOfTheOtherItemsStages() {
        Route route = routing.route(request("payments", SANDBOX, item("s3-gateway", "s3-buckets"), item("glue", null)));

        assertThat(route.automatic()).isFalse();
        assertThat(route.stages()).containsExactly(any("network"));
        assertThat(route.rules()).as("the automatic rule decides nothing here").containsExactly(INTERFACE_RULE);
    }

    @Test
    void stagesOfSeveralRulesAreMergedInRuleOrderWithoutDuplicates() {
        Route route = routing.route(request("payments", SANDBOX, item("glue", null), item("datadog-logs", null)));

        assertThat(route.stages()).containsExactly(any("network"), any("security"));
        assertThat(route.rules()).containsExactlyInAnyOrder(PARTNER_RULE, INTERFACE_RULE);
    }

    @Test
    void aTeamThatAnAllStageAndAnAnyStageNameMustApproveAll() {
        FreshTeam team = identities.team("eu-west-1");
        FreshTeam reviewers = identities.team("eu-west-1");
        testRules.create(rule(team.id(), Set.of("glue"), any(reviewers.id())));
        testRules.create(rule(team.id(), Set.of("sts"), all(reviewers.id()), any("security")));

        Route route = routing.route(request(team.id(), team.accountId(), item("glue", null), item("sts", null)));

        assertThat(route.stages()).containsExactly(all(reviewers.id()), any("security"));
    }

    @Test
    void aDisabledRuleIsSkippedAndItsNewestVersionDecides() {
        FreshTeam team = identities.team("eu-west-1");
        FreshTeam reviewers = identities.team("eu-west-1");
        String key = testRules.create(new ApprovalRuleChange("Test: " + team.id() + " reviewed by its own", 1, false,
                null, null, null, null, Set.of(team.id()), null, null, null, false, List.of(any(reviewers.id()))));
        RequestDetails glue = request(team.id(), team.accountId(), item("glue", null));

        assertThat(routing.route(glue).stages()).as("disabled").containsExactly(any("network"));

        ApprovalRuleDetails enabled = testRules.update(key, TestRules.changeOf(rules.get(key), true));
        assertThat(enabled.version()).isEqualTo(2);
        Route route = routing.route(glue);
        assertThat(route.stages()).as("enabled, and tried before the defaults").containsExactly(any(reviewers.id()));
        assertThat(route.rules()).containsExactly(enabled.name());

        testRules.update(key, TestRules.changeOf(rules.get(key), false));
        assertThat(routing.route(glue).stages()).as("disabled again").containsExactly(any("network"));
        assertThat(routing.route(request("payments", SANDBOX, item("glue", null))).stages())
                .as("another team's request was never concerned").containsExactly(any("network"));
    }

    @Test
    void theFallbackTeamDecidesAnItemThatNoEnabledRuleMatches() {
        FreshTeam team = identities.team("eu-west-1");
        String production = productionAccount(team.id());
        ApprovalRuleDetails everythingElse = rules.get("everything-else");
        assertThat(everythingElse.enabled()).as("the default rules are in place").isTrue();
        rules.update("everything-else", TestRules.changeOf(everythingElse, false), "test");
        try {
            Route route = routing.route(request(team.id(), production, item("s3-gateway", "s3-buckets"),
                    item("glue", null)));

            assertThat(route.automatic()).isFalse();
            assertThat(route.stages()).as("network is the interface rule's team and the fallback; named once")
                    .containsExactly(any(properties.fallbackTeam()));
            assertThat(route.rules()).containsExactly(INTERFACE_RULE,
                    "No rule matched: " + properties.fallbackTeam() + " decides");
        } finally {
            rules.update("everything-else", TestRules.changeOf(everythingElse, true), "test");
        }
        assertThat(rules.get("everything-else").enabled()).isTrue();
        assertThat(routing.route(request(team.id(), production, item("s3-gateway", "s3-buckets"))).rules())
                .containsExactly(EVERYTHING_ELSE_RULE);
    }

    @Test
    void theFallbackAloneWhenNoItemMatchesAnyRule() {
        FreshTeam team = identities.team("eu-west-1");
        String production = productionAccount(team.id());
        ApprovalRuleDetails everythingElse = rules.get("everything-else");
        rules.update("everything-else", TestRules.changeOf(everythingElse, false), "test");
        try {
            Route route = routing.route(request(team.id(), production, item("s3-gateway", "s3-buckets")));

            assertThat(route.automatic()).isFalse();
            assertThat(route.stages()).containsExactly(any(properties.fallbackTeam()));
            assertThat(route.rules()).containsExactly("No rule matched: " + properties.fallbackTeam() + " decides");
        } finally {
            rules.update("everything-else", TestRules.changeOf(everythingElse, true), "test");
        }
    }

    private static ApprovalRuleChange rule(String team, Set<String> templateKeys, StageDefinition... stages) {
        return new ApprovalRuleChange("Test: " + team + " " + templateKeys, 1, true, templateKeys, null, null, null,
                Set.of(team), null, null, null, false, List.of(stages));
    }

    private String productionAccount(String team) {
        String id = "8" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        accounts.register(id, new AccountChange("production " + team, null, null, AccountEnvironment.PRODUCTION,
                new TreeSet<>(Set.of("eu-west-1")), new TreeSet<>(Set.of(team))), "test");
        return id;
    }

    /** A submitted request as the request module reports it; only what routing reads is filled in. */
    private static RequestDetails request(String team, String accountId, TemplateChoice... choices) {
        List<ItemDetails> items = new ArrayList<>();
        for (TemplateChoice c : choices) {
            items.add(new ItemDetails(items.size(), c.template().key(), c.template().version(),
                    c.template().endpointType().name(), "com.amazonaws.eu-west-1." + c.template().key(), null,
                    List.of(), List.of(), List.of(), false, c.policy(), List.of(), List.of(), null, new TreeMap<>()));
        }
        Instant now = Instant.now();
        return new RequestDetails(UUID.randomUUID(), "routing test", RequestStatus.SUBMITTED, "someone", team,
                accountId, "eu-west-1", RequestBodies.VPC, "test", BigDecimal.ZERO, null, now, now, now, items,
                List.of());
    }

    private TemplateChoice item(String templateKey, String policy) {
        EndpointTemplateDetails template = catalog.current(templateKey).orElseThrow();
        return new TemplateChoice(template, policy == null ? template.defaultPolicy().key() : policy);
    }

    private record TemplateChoice(EndpointTemplateDetails template, String policy) {
    }
}
