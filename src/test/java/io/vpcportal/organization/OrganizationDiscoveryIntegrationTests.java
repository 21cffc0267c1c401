package io.vpcportal.organization;

import static io.vpcportal.Problems.assertProblem;
import static io.vpcportal.Problems.errorFields;
import static io.vpcportal.Problems.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.FaultyAwsProxy;
import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.ProxiedAwsIntegrationTest;
import io.vpcportal.TestIdentities;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.approval.RequestBodies;
import io.vpcportal.identity.IdentityManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Discovery against organizations built in moto (each test its own, with its own management account), through the
 * fault proxy where moto cannot fail on demand. Each test saves its own source; accounts discovered by earlier tests
 * are then no longer listed and become inactive, so assertions name the accounts of the test's own organization.
 */
@ProxiedAwsIntegrationTest
class OrganizationDiscoveryIntegrationTests {

    private static final String SOURCE = "/api/v1/organization";

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    @Autowired
    AccountManagement accounts;

    PortalApi api;
    String admin;
    MotoOrganization org;
    TestIdentities identities;
    final FaultyAwsProxy proxy = ProxiedAwsIntegrationTest.ThroughTheProxy.proxy();

    @BeforeEach
    void setUp() {
        proxy.reset();
        api = new PortalApi(port);
        admin = api.tokenOf("admin");
        identities = new TestIdentities(identity, accounts);
        org = new MotoOrganization();
    }

    @AfterEach
    void tearDown() {
        proxy.reset();
        org.close();
    }

    @Test
    void discoveryRegistersUpdatesAndDeactivatesAndLeavesHandRegisteredAccountsAlone() {
        String workloadsTeam = identities.team("eu-west-1").id();
        String paymentsTeam = identities.team("eu-west-1").id();
        String taggedTeam = identities.team("eu-west-1").id();
        String workloads = org.ou(org.rootId, "workloads");
        String payments = org.ou(workloads, "payments");
        String sandbox = org.ou(org.rootId, "sandbox");
        String plain = org.account("plain", workloads);
        String nested = org.account("nested", payments);
        String tagged = org.account("tagged", workloads);
        org.tag(tagged, "team", taggedTeam);
        String skipped = org.account("skipped", sandbox);
        String byHand = org.account("by hand", workloads);
        ObjectNode hand = PortalApi.object().put("id", byHand).put("name", "registered by hand")
                .put("environment", "PRODUCTION");
        hand.putArray("regions").add("us-east-1");
        assertThat(api.post("/api/v1/accounts", admin, hand.toString()).status()).isEqualTo(201);
        saveSource(source(List.of(), List.of(sandbox), Map.of(workloads, workloadsTeam, payments, paymentsTeam)));

        JsonNode dry = discover(true);

        assertThat(ids(dry.get("added"))).contains(plain, nested, tagged, org.managementAccount)
                .doesNotContain(skipped, byHand);
        assertThat(ids(dry.get("skipped"))).containsExactly(byHand);
        assertProblem(api.get("/api/v1/accounts/" + plain, admin), 404);

        JsonNode done = discover(false);

        assertThat(ids(done.get("added"))).containsExactlyInAnyOrderElementsOf(ids(dry.get("added")));
        JsonNode registered = account(plain);
        assertThat(registered.get("source").asString()).isEqualTo("ORGANIZATION");
        assertThat(registered.get("active").asBoolean()).isTrue();
        assertThat(registered.get("name").asString()).isEqualTo("plain");
        assertThat(registered.get("roleArn").asString()).isEqualTo("arn:aws:iam::" + plain + ":role/vpc-endpoint-portal");
        assertThat(registered.get("externalId").asString()).isEqualTo(org.externalId());
        assertThat(texts(registered.get("regions"))).containsExactly("eu-west-1", "us-east-1");
        assertThat(registered.get("environment").asString()).isEqualTo("NON_PRODUCTION");
        assertThat(texts(registered.get("teams"))).as("OU table").containsExactly(workloadsTeam);
        assertThat(texts(account(nested).get("teams"))).as("nearest OU of the table").containsExactly(paymentsTeam);
        assertThat(texts(account(tagged).get("teams"))).as("the team tag wins").containsExactly(taggedTeam);
        assertThat(account(tagged).get("tags").get("team").asString()).isEqualTo(taggedTeam);
        assertProblem(api.get("/api/v1/accounts/" + skipped, admin), 404);
        JsonNode untouched = account(byHand);
        assertThat(untouched.get("source").asString()).isEqualTo("HAND");
        assertThat(untouched.get("name").asString()).isEqualTo("registered by hand");
        assertThat(texts(untouched.get("regions"))).containsExactly("us-east-1");

        org.tag(plain, "team", paymentsTeam);
        org.closeAccount(nested);
        org.move(tagged, workloads, sandbox);

        JsonNode second = discover(false);

        assertThat(ids(second.get("updated"))).containsExactly(plain);
        assertThat(second.get("updated").get(0).get("changes").toString()).contains("teams: [" + workloadsTeam
                + "] -> [" + paymentsTeam + "]");
        assertThat(ids(second.get("deactivated"))).contains(nested, tagged);
        assertThat(account(nested).get("active").asBoolean()).isFalse();
        assertThat(account(nested).get("inactiveReason").asString()).contains("SUSPENDED");
        assertThat(account(tagged).get("inactiveReason").asString()).contains("no longer listed");
        assertThat(ids(second.get("unchanged"))).contains(org.managementAccount);
        assertThat(account(byHand).get("name").asString()).isEqualTo("registered by hand");
        String requester = api.tokenOf(identities.requester(paymentsTeam), TestIdentities.PASSWORD);
        JsonNode refused = assertProblem(api.post("/api/v1/requests", requester,
                RequestBodies.glue(paymentsTeam, nested, "eu-west-1").toString()), 400);
        assertThat(errorMessage(refused, "accountId")).contains("is inactive");
        assertThat(api.get("/api/v1/accounts", requester).json()).extracting(a -> a.get("id").asString())
                .as("inactive accounts keep their history: still listed, marked").contains(nested);
        assertThat(api.get("/api/v1/accounts?q=" + nested + "&limit=5", requester).json())
                .as("but the pickers offer only active ones").isEmpty();

        org.move(tagged, sandbox, workloads);
        JsonNode third = discover(false);

        assertThat(ids(third.get("updated"))).containsExactly(tagged);
        assertThat(third.get("updated").get(0).get("changes").toString()).contains("active: false -> true");
        assertThat(account(tagged).get("active").asBoolean()).isTrue();

        JsonNode trail = api.get("/api/v1/audit?subjectType=ACCOUNT&subjectId=" + nested, admin).json().get("items");
        assertThat(trail).extracting(e -> e.get("action").asString())
                .containsExactly("ACCOUNT_CHANGED", "ACCOUNT_REGISTERED");
        assertThat(trail.get(0).get("after").asString()).contains("\"active\":false");
        JsonNode runs = api.get("/api/v1/audit?action=ORGANIZATION_DISCOVERY_RUN", admin).json().get("items");
        assertThat(runs.size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void onlyTheIncludedOusAreWalkedNestedOnesToo() {
        String team = identities.team("eu-west-1").id();
        String workloads = org.ou(org.rootId, "workloads");
        String payments = org.ou(workloads, "payments");
        String deeper = org.ou(payments, "deeper");
        String elsewhere = org.ou(org.rootId, "elsewhere");
        String inside = org.account("inside", payments);
        String deepInside = org.account("deep inside", deeper);
        String outside = org.account("outside", elsewhere);
        String above = org.account("above", workloads);
        saveSource(source(List.of(payments), List.of(), Map.of(workloads, team)));

        JsonNode dry = discover(true);

        assertThat(ids(dry.get("added"))).containsExactlyInAnyOrder(inside, deepInside).doesNotContain(outside, above);
        assertThat(dry.get("listed").asInt()).isEqualTo(2);
        assertThat(dry.get("added").get(0).get("changes").toString()).as("the table's OU is above the walk").contains("[]");
    }

    @Test
    void aDryRunChangesNothing() {
        String account = org.account("dry", org.rootId);
        saveSource(source(List.of(), List.of(), Map.of()));
        int auditRows = api.get("/api/v1/audit?subjectType=ACCOUNT&limit=200", admin).json().get("items").size();

        JsonNode dry = discover(true);

        assertThat(ids(dry.get("added"))).contains(account);
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertProblem(api.get("/api/v1/accounts/" + account, admin), 404);
        assertThat(api.get("/api/v1/audit?subjectType=ACCOUNT&limit=200", admin).json().get("items").size())
                .isEqualTo(auditRows);
        JsonNode run = api.get(SOURCE + "/runs?limit=1", admin).json().get(0);
        assertThat(run.get("dryRun").asBoolean()).isTrue();
        assertThat(run.get("added").asInt()).isEqualTo(dry.get("added").size());
    }

    @Test
    void aRoleThatMayNotListAccountsIsAClearErrorInTheAnswerAndTheRunHistory() {
        org.account("unseen", org.rootId);
        saveSource(source(List.of(), List.of(), Map.of()));
        proxy.add(new FaultyAwsProxy.Rule() {
            @Override
            public FaultyAwsProxy.Answer instead(FaultyAwsProxy.Call call) {
                return call.service().equals("organizations") && call.is("ListAccountsForParent")
                        ? new FaultyAwsProxy.Answer(400, "application/x-amz-json-1.1",
                                "{\"__type\":\"AccessDeniedException\",\"Message\":\"You don't have permissions to "
                                        + "access this resource.\"}")
                        : null;
            }
        });

        JsonNode failed = discover(false);

        assertThat(failed.get("error").asString()).contains("may not call ListAccountsForParent")
                .contains("AccessDenied").contains(org.discoveryRole());
        assertThat(failed.get("added")).isEmpty();
        JsonNode run = api.get(SOURCE + "/runs?limit=1", admin).json().get(0);
        assertThat(run.get("error").asString()).contains("may not call ListAccountsForParent");
    }

    @Test
    void aRefusedDiscoveryRoleIsAClearError() {
        saveSource(source(List.of(), List.of(), Map.of()));
        proxy.add(FaultyAwsProxy.refuseRole(org.discoveryRole()));

        JsonNode failed = discover(true);

        assertThat(failed.get("error").asString()).contains("could not assume the discovery role");
    }

    @Test
    void throttledCallsBackOffAndTheRunStillCompletes() {
        String account = org.account("throttled", org.rootId);
        saveSource(source(List.of(), List.of(), Map.of()));
        int[] calls = {0};
        proxy.add(new FaultyAwsProxy.Rule() {
            @Override
            public synchronized FaultyAwsProxy.Answer instead(FaultyAwsProxy.Call call) {
                return call.service().equals("organizations") && calls[0]++ % 2 == 0
                        ? new FaultyAwsProxy.Answer(400, "application/x-amz-json-1.1",
                                "{\"__type\":\"TooManyRequestsException\",\"Message\":\"AWS Organizations can't "
                                        + "complete your request because another request is already in progress.\"}")
                        : null;
            }
        });

        JsonNode dry = discover(true);

        assertThat(dry.get("error").isNull()).as("%s", dry).isTrue();
        assertThat(ids(dry.get("added"))).contains(account);
        assertThat(calls[0]).as("Organizations calls, every other one throttled").isGreaterThanOrEqualTo(8);
    }

    @Test
    void malformedSourcesAreRefusedNamingTheFieldAndNothingIsSaved() {
        saveSource(source(List.of(), List.of(), Map.of()));
        String before = api.get(SOURCE, admin).body();
        ObjectNode bad = source(List.of("ou-nope"), List.of("r-"), Map.of("ou-ab12-cd34ef56", "no-such-team"));
        bad.put("memberRolePattern", "arn:aws:iam::111111111111:role/vpc-endpoint-portal");
        bad.put("roleArn", "not-an-arn");
        bad.putArray("regions").add("moon-1");

        JsonNode problem = assertProblem(api.put(SOURCE, admin, bad.toString()), 400);

        assertThat(errorFields(problem)).containsExactlyInAnyOrder("includeOus", "skipOus", "ouTeams",
                "memberRolePattern", "roleArn", "regions");
        assertThat(errorMessage(problem, "memberRolePattern")).contains("{accountId}");
        assertThat(errorMessage(problem, "includeOus")).contains("ou-nope");
        assertThat(api.get(SOURCE, admin).body()).isEqualTo(before);
    }

    @Test
    void theAccountPickerSearchFindsActiveAccountsByIdOrName() {
        String team = identities.team("eu-west-1").id();
        String needle = "needle-" + Long.toString(System.nanoTime(), 36);
        String found = org.account(needle, org.rootId);
        String gone = org.account(needle + "-closed", org.rootId);
        org.closeAccount(gone);
        saveSource(source(List.of(), List.of(), Map.of(org.rootId, team)));
        discover(false);
        // the closed account was listed SUSPENDED, so it was never registered
        assertProblem(api.get("/api/v1/accounts/" + gone, admin), 404);

        JsonNode byName = api.get("/api/v1/accounts?q=" + needle + "&limit=5", admin).json();
        JsonNode byId = api.get("/api/v1/accounts?q=" + found.substring(0, 8) + "&limit=200", admin).json();

        assertThat(ids(byName)).containsExactly(found);
        assertThat(ids(byId)).contains(found);
        assertProblem(api.get("/api/v1/accounts?q=x&limit=0", admin), 400);
    }

    private JsonNode discover(boolean dryRun) {
        Response response = api.post(SOURCE + "/discover", admin, "{\"dryRun\":" + dryRun + "}");
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private void saveSource(ObjectNode source) {
        Response saved = api.put(SOURCE, admin, source.toString());
        assertThat(saved.status()).as("%s", saved).isEqualTo(200);
    }

    private ObjectNode source(List<String> include, List<String> skip, Map<String, String> ouTeams) {
        ObjectNode source = PortalApi.object().put("roleArn", org.discoveryRole()).put("externalId", org.externalId())
                .put("memberRolePattern", "arn:aws:iam::{accountId}:role/vpc-endpoint-portal")
                .put("environment", "NON_PRODUCTION").put("teamTagKey", "team");
        include.forEach(source.putArray("includeOus")::add);
        skip.forEach(source.putArray("skipOus")::add);
        source.putArray("regions").add("eu-west-1").add("us-east-1");
        ObjectNode table = source.putObject("ouTeams");
        ouTeams.forEach(table::put);
        return source;
    }

    private JsonNode account(String id) {
        Response response = api.get("/api/v1/accounts/" + id, admin);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.isString() ? i.asString() : i.get(i.has("accountId") ? "accountId" : "id").asString()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asString()));
        return texts;
    }

}
