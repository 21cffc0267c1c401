package io.vpcportal.request.web;

import static io.vpcportal.Problems.assertProblem;
import static io.vpcportal.Problems.errorFields;
import static io.vpcportal.Problems.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.PortalIntegrationTest;
import io.vpcportal.TestIdentities;
import io.vpcportal.TestIdentities.FreshTeam;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.IdentityManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The request lifecycle through {@code /api/v1/requests}, as automation drives it. */
@PortalIntegrationTest
class RequestApiIntegrationTests {

    private static final String REQUESTS = "/api/v1/requests";

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    @Autowired
    AccountManagement accounts;

    PortalApi api;
    TestIdentities identities;
    String requester;

    @BeforeEach
    void setUp() {
        api = new PortalApi(port);
        identities = new TestIdentities(identity, accounts);
        requester = api.tokenOf("requester");
    }

    @Test
    void createSubmitAndReadBackWithTimeline() {
        Response created = create(requester, RequestPayloads.sts());

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode draft = created.json();
        String id = draft.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/requests/" + id);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("requester").asString()).isEqualTo("requester");
        assertThat(draft.get("team").asString()).isEqualTo("payments");
        JsonNode item = draft.get("items").get(0);
        assertThat(item.get("templateKey").asString()).isEqualTo("sts");
        assertThat(item.get("templateVersion").asInt()).isEqualTo(1);
        assertThat(item.get("endpointType").asString()).isEqualTo("Interface");
        assertThat(item.get("serviceName").asString()).isEqualTo("com.amazonaws.eu-west-1.sts");
        assertThat(item.get("policyChoice").asString()).as("the template's default policy").isEqualTo("organization");
        assertThat(item.get("privateDns").asBoolean()).as("the template's default").isTrue();
        assertThat(item.get("tags").get("cost-center").asString()).isEqualTo("cc-42");

        Response submitted = api.post(REQUESTS + "/" + id + "/submit", requester, "");
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(200);
        assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.json().get("submittedAt").isNull()).isFalse();

        Response read = api.get(REQUESTS + "/" + id, requester);
        assertThat(read.status()).isEqualTo(200);
        JsonNode timeline = read.json().get("timeline");
        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(0).get("kind").asString()).isEqualTo("CREATED");
        assertThat(timeline.get(0).get("fromStatus").isNull()).isTrue();
        assertThat(timeline.get(0).get("toStatus").asString()).isEqualTo("DRAFT");
        assertThat(timeline.get(1).get("kind").asString()).isEqualTo("SUBMITTED");
        assertThat(timeline.get(1).get("fromStatus").asString()).isEqualTo("DRAFT");
        assertThat(timeline.get(1).get("toStatus").asString()).isEqualTo("SUBMITTED");
        assertThat(timeline.get(1).get("actor").asString()).isEqualTo("requester");
    }

    @Test
    void submittingTwiceIsAConflict() {
        String id = create(requester, RequestPayloads.sts()).json().get("id").asString();
        assertThat(api.post(REQUESTS + "/" + id + "/submit", requester, "").status()).isEqualTo(200);

        JsonNode problem = assertProblem(api.post(REQUESTS + "/" + id + "/submit", requester, ""), 409);

        assertThat(problem.get("detail").asString()).contains("SUBMITTED request cannot become SUBMITTED");
    }

    @Test
    void cancelRecordsTheReasonAndIsFinal() {
        String id = create(requester, RequestPayloads.sts()).json().get("id").asString();

        Response cancelled = api.post(REQUESTS + "/" + id + "/cancel", requester,
                PortalApi.object().put("reason", "  duplicate of another request ").toString());

        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        JsonNode last = cancelled.json().get("timeline").get(1);
        assertThat(last.get("kind").asString()).isEqualTo("CANCELLED");
        assertThat(last.get("message").asString()).isEqualTo("Cancelled: duplicate of another request");
        assertThat(assertProblem(api.post(REQUESTS + "/" + id + "/submit", requester, ""), 409)
                .get("detail").asString()).contains("CANCELLED is final");
        assertProblem(api.post(REQUESTS + "/" + id + "/cancel", requester, ""), 409);
    }

    @Test
    void aSubmittedRequestCanBeCancelledWithoutABody() {
        String id = create(requester, RequestPayloads.sts()).json().get("id").asString();
        api.post(REQUESTS + "/" + id + "/submit", requester, "");

        Response cancelled = api.send(api.authorized(REQUESTS + "/" + id + "/cancel", requester)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        JsonNode timeline = cancelled.json().get("timeline");
        assertThat(timeline).extracting(e -> e.get("kind").asString()).containsExactly("CREATED", "SUBMITTED", "CANCELLED");
        assertThat(timeline.get(2).get("message").asString()).isEqualTo("Cancelled by the requester");
    }

    @Test
    void aCancelReasonLongerThan500CharactersIsRejected() {
        String id = create(requester, RequestPayloads.sts()).json().get("id").asString();

        JsonNode problem = assertProblem(api.post(REQUESTS + "/" + id + "/cancel", requester,
                PortalApi.object().put("reason", "x".repeat(501)).toString()), 400);

        assertThat(errorFields(problem)).containsExactly("reason");
        assertThat(api.get(REQUESTS + "/" + id, requester).json().get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void sameIdempotencyKeyAndBodyCreateOneRequest() {
        FreshTeam team = identities.team("eu-west-1");
        String token = api.tokenOf(identities.requester(team.id()), TestIdentities.PASSWORD);
        String body = RequestPayloads.sts(team.id(), team.accountId(), "eu-west-1").toString();
        Map<String, String> key = Map.of("Idempotency-Key", "create-" + UUID.randomUUID());

        Response first = api.post(REQUESTS, token, body, key);
        Response repeat = api.post(REQUESTS, token, body, key);

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(repeat.status()).as("%s", repeat).isEqualTo(200);
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeat.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(idsOf(token, "?mine=true")).containsExactly(first.json().get("id").asString());
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsUnprocessable() {
        FreshTeam team = identities.team("eu-west-1");
        String token = api.tokenOf(identities.requester(team.id()), TestIdentities.PASSWORD);
        ObjectNode body = RequestPayloads.sts(team.id(), team.accountId(), "eu-west-1");
        Map<String, String> key = Map.of("Idempotency-Key", "create-" + UUID.randomUUID());
        Response first = api.post(REQUESTS, token, body.toString(), key);

        Response other = api.post(REQUESTS, token, body.put("title", "another title").toString(), key);

        assertThat(first.status()).isEqualTo(201);
        JsonNode problem = assertProblem(other, 422);
        assertThat(problem.get("detail").asString()).contains(key.get("Idempotency-Key"))
                .contains(first.json().get("id").asString());
        assertThat(idsOf(token, "?mine=true")).containsExactly(first.json().get("id").asString());
    }

    @Test
    void anIdempotencyKeyIsPerRequester() {
        FreshTeam team = identities.team("eu-west-1");
        String alice = api.tokenOf(identities.requester(team.id()), TestIdentities.PASSWORD);
        String bob = api.tokenOf(identities.requester(team.id()), TestIdentities.PASSWORD);
        String body = RequestPayloads.sts(team.id(), team.accountId(), "eu-west-1").toString();
        Map<String, String> key = Map.of("Idempotency-Key", "shared-" + UUID.randomUUID());

        Response fromAlice = api.post(REQUESTS, alice, body, key);
        Response fromBob = api.post(REQUESTS, bob, body, key);

        assertThat(fromAlice.status()).isEqualTo(201);
        assertThat(fromBob.status()).as("%s", fromBob).isEqualTo(201);
        assertThat(fromBob.json().get("id").asString()).isNotEqualTo(fromAlice.json().get("id").asString());
    }

    @Test
    void anIdempotencyKeyMustBeVisibleAscii() {
        for (String bad : List.of("with space", "k".repeat(101), "tab\tinside")) {
            JsonNode problem = assertProblem(api.post(REQUESTS, requester, RequestPayloads.sts().toString(),
                    Map.of("Idempotency-Key", bad)), 400);
            assertThat(errorFields(problem)).as(bad).containsExactly("Idempotency-Key");
        }
    }

    @Test
    void aRequesterOfAnotherTeamCannotSeeTheRequest() {
        String id = create(requester, RequestPayloads.sts()).json().get("id").asString();
        FreshTeam other = identities.team("eu-west-1");
        String outsider = api.tokenOf(identities.requester(other.id()), TestIdentities.PASSWORD);

        JsonNode problem = assertProblem(api.get(REQUESTS + "/" + id, outsider), 404);
        assertProblem(api.post(REQUESTS + "/" + id + "/submit", outsider, ""), 404);
        assertProblem(api.post(REQUESTS + "/" + id + "/cancel", outsider, ""), 404);

        assertThat(problem.get("detail").asString()).contains(id);
        assertThat(api.get(REQUESTS + "/" + id, requester).json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(api.get(REQUESTS + "/" + id, api.tokenOf("sec-approver")).status())
                .as("approvers see every request").isEqualTo(200);
    }

    @Test
    void aTeammateSeesTheRequestButOnlyTheRequesterMovesIt() {
        FreshTeam team = identities.team("eu-west-1");
        String owner = api.tokenOf(identities.requester(team.id()), TestIdentities.PASSWORD);
        String teammate = api.tokenOf(identities.requester(team.id()), TestIdentities.PASSWORD);
        String id = create(owner, RequestPayloads.sts(team.id(), team.accountId(), "eu-west-1")).json().get("id").asString();

        assertThat(api.get(REQUESTS + "/" + id, teammate).status()).isEqualTo(200);
        assertThat(assertProblem(api.post(REQUESTS + "/" + id + "/submit", teammate, ""), 403)
                .get("detail").asString()).contains("Only the requester can submit");
        assertProblem(api.post(REQUESTS + "/" + id + "/cancel", teammate, ""), 403);
        assertThat(api.get(REQUESTS + "/" + id, owner).json().get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void aPartnerServiceOutsideItsRegionNeedsTheServiceRegion() {
        JsonNode problem = assertProblem(create(requester, RequestPayloads.datadogLogs()), 400);

        assertThat(errorFields(problem)).containsExactly("items[0].templateKey");
        assertThat(errorMessage(problem, "items[0].templateKey"))
                .contains("does not exist in eu-west-1")
                .contains("us-east-1")
                .contains("service region");

        ObjectNode crossRegion = RequestPayloads.datadogLogs();
        RequestPayloads.item(crossRegion, 0).put("serviceRegion", "us-east-1");
        Response created = create(requester, crossRegion);

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode item = created.json().get("items").get(0);
        assertThat(item.get("serviceRegion").asString()).isEqualTo("us-east-1");
        assertThat(item.get("serviceName").asString())
                .isEqualTo("com.amazonaws.vpce.us-east-1.vpce-svc-025a56b9187ac1f63");
    }

    @Test
    void aGatewayEndpointWithoutRouteTablesNamesTheField() {
        ObjectNode body = RequestPayloads.s3Gateway();
        RequestPayloads.item(body, 0).remove("routeTableIds");

        JsonNode problem = assertProblem(create(requester, body), 400);

        assertThat(problem.get("type").asString()).isEqualTo("https://vpcportal.io/problems/validation");
        assertThat(errorFields(problem)).containsExactly("items[0].routeTableIds");
        assertThat(errorMessage(problem, "items[0].routeTableIds")).contains("at least one route table");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        ObjectNode body = RequestPayloads.sts().put("accountId", "123").put("region", "mars-1").put("vpcId", "vpc-1");
        RequestPayloads.item(body, 0).putArray("routeTableIds").add(RequestPayloads.ROUTE_TABLE);

        JsonNode problem = assertProblem(create(requester, body), 400);

        assertThat(errorFields(problem)).containsExactlyInAnyOrder("accountId", "region", "vpcId",
                "items[0].routeTableIds");
        assertThat(problem.get("detail").asString()).isEqualTo("4 fields are invalid");
    }

    @Test
    void aGatewayRequestStoresSortedIdsAndNoPrivateDns() {
        ObjectNode body = RequestPayloads.s3Gateway();
        RequestPayloads.item(body, 0).putArray("routeTableIds").add("rtb-0b000000").add("rtb-0a000000");

        Response created = create(requester, body);

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode item = created.json().get("items").get(0);
        assertThat(item.get("routeTableIds")).extracting(JsonNode::asString).containsExactly("rtb-0a000000", "rtb-0b000000");
        assertThat(item.get("serviceName").asString()).isEqualTo("com.amazonaws.eu-west-1.s3");
        assertThat(item.get("privateDns").asBoolean()).isFalse();
        assertThat(item.get("bucketNames")).extracting(JsonNode::asString).containsExactly("payments-batch-input");
    }

    @Test
    void unknownAndMalformedIdsAnswerProblems() {
        assertProblem(api.get(REQUESTS + "/" + UUID.randomUUID(), requester), 404);
        assertThat(errorFields(assertProblem(api.get(REQUESTS + "/not-a-uuid", requester), 400))).containsExactly("id");
        assertProblem(api.post(REQUESTS + "/" + UUID.randomUUID() + "/submit", requester, ""), 404);
    }

    private Response create(String token, ObjectNode body) {
        return api.post(REQUESTS, token, body.toString());
    }

    private List<String> idsOf(String token, String query) {
        Response page = api.get(REQUESTS + query, token);
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }
}
