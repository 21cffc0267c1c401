package io.vpcportal.approval.web;

import static io.vpcportal.Problems.assertProblem;
import static io.vpcportal.Problems.errorFields;
import static io.vpcportal.approval.TestRules.all;
import static io.vpcportal.approval.TestRules.any;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.PortalIntegrationTest;
import io.vpcportal.TestIdentities;
import io.vpcportal.TestIdentities.FreshTeam;
import io.vpcportal.account.AccountChange;
import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.approval.ApprovalManagement;
import io.vpcportal.approval.internal.ApprovalProperties;
import io.vpcportal.approval.ApprovalRules;
import io.vpcportal.approval.RequestBodies;
import io.vpcportal.approval.TestRules;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.identity.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The approver workflow through the API, as the demo users and automation drive it: routing, decisions,
 * separation of duties (API, domain and database), concurrent decisions, changes and resubmission, comments,
 * the inbox and expiry.
 */
@PortalIntegrationTest
class ApprovalApiIntegrationTests {

    private static final String REQUESTS = "/api/v1/requests/";

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    @Autowired
    AccountManagement accounts;

    @Autowired
    ApprovalRules rules;

    @Autowired
    ApprovalManagement approvals;

    @Autowired
    ApprovalProperties properties;

    @Autowired
    JdbcTemplate jdbc;

    PortalApi api;
    TestIdentities identities;
    TestRules testRules;
    String requester;
    String netApprover;
    String secApprover;

    @BeforeEach
    void setUp() {
        api = new PortalApi(port);
        identities = new TestIdentities(identity, accounts);
        testRules = new TestRules(rules);
        requester = api.tokenOf("requester");
        netApprover = api.tokenOf("net-approver");
        secApprover = api.tokenOf("sec-approver");
    }

    @AfterEach
    void disableTestRules() {
        testRules.disableAll();
    }

    @Test
    void aGlueRequestWaitsForNetworkAndIsApprovedByNetApprover() {
        String id = submitted(requester, RequestBodies.glue("payments", RequestBodies.SANDBOX, "eu-west-1"));

        JsonNode waiting = approval(requester, id);
        assertThat(waiting.get("status").asString()).isEqualTo("PENDING");
        assertThat(waiting.get("automatic").asBoolean()).isFalse();
        assertThat(waiting.get("currentStage").asInt()).isEqualTo(1);
        assertThat(waiting.get("stages")).singleElement().satisfies(s -> {
            assertThat(s.get("approverTeam").asString()).isEqualTo("network");
            assertThat(s.get("mode").asString()).isEqualTo("ANY");
            assertThat(s.get("status").asString()).isEqualTo("ACTIVE");
            assertThat(s.get("eligibleApprovers")).extracting(JsonNode::asString).contains("net-approver");
        });
        assertThat(inboxIds(netApprover)).contains(id);
        assertThat(inboxIds(secApprover)).doesNotContain(id);

        Response approved = api.post(REQUESTS + id + "/approve", netApprover,
                PortalApi.object().put("comment", "looks right").toString());

        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("stages").get(0).get("decisions")).singleElement().satisfies(d -> {
            assertThat(d.get("decidedBy").asString()).isEqualTo("net-approver");
            assertThat(d.get("decision").asString()).isEqualTo("APPROVE");
            assertThat(d.get("comment").asString()).isEqualTo("looks right");
        });
        JsonNode request = request(requester, id);
        assertThat(request.get("status").asString()).isEqualTo("APPROVED");
        JsonNode last = lastTimelineEntry(request);
        assertThat(last.get("kind").asString()).isEqualTo("APPROVED");
        assertThat(last.get("actor").asString()).isEqualTo("net-approver");
        assertThat(last.get("message").asString()).isEqualTo("Approved: looks right");
        assertThat(inboxIds(netApprover)).doesNotContain(id);
    }

    @Test
    void aDatadogRequestNeedsNetApproverThenSecApprover() {
        String id = submitted(requester, RequestBodies.datadogLogs("payments", RequestBodies.SANDBOX));
        assertThat(approval(requester, id).get("stages")).extracting(s -> s.get("approverTeam").asString())
                .containsExactly("network", "security");
        assertThat(inboxIds(secApprover)).as("security's turn has not come").doesNotContain(id);

        JsonNode early = assertProblem(api.post(REQUESTS + id + "/approve", secApprover, "{}"), 403);
        assertThat(early.get("detail").asString()).contains("network");

        Response first = api.post(REQUESTS + id + "/approve", netApprover, "{}");
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(first.json().get("currentStage").asInt()).isEqualTo(2);
        assertThat(first.json().get("stages")).extracting(s -> s.get("status").asString())
                .containsExactly("APPROVED", "ACTIVE");
        assertThat(request(requester, id).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(inboxIds(secApprover)).contains(id);
        assertThat(inboxIds(netApprover)).doesNotContain(id);
        assertProblem(api.post(REQUESTS + id + "/approve", netApprover, "{}"), 403);

        Response second = api.post(REQUESTS + id + "/approve", secApprover, "{}");

        assertThat(second.status()).as("%s", second).isEqualTo(200);
        assertThat(second.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(request(requester, id).get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void aBucketRestrictedS3GatewayInTheSandboxIsApprovedAutomatically() {
        String id = create(requester, RequestBodies.s3Gateway("payments", RequestBodies.SANDBOX, "eu-west-1",
                "s3-buckets"));

        Response submitted = api.post(REQUESTS + id + "/submit", requester, "");

        assertThat(submitted.status()).as("%s", submitted).isEqualTo(200);
        JsonNode request = request(requester, id);
        assertThat(request.get("status").asString()).isEqualTo("APPROVED");
        JsonNode last = lastTimelineEntry(request);
        assertThat(last.get("actor").asString()).isEqualTo("portal");
        assertThat(last.get("message").asString()).contains("automatically", "non-production");
        JsonNode approval = approval(requester, id);
        assertThat(approval.get("automatic").asBoolean()).isTrue();
        assertThat(approval.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approval.get("stages")).isEmpty();
        assertThat(inboxIds(netApprover)).doesNotContain(id);
    }

    @Test
    void theRequesterCannotDecideOnTheirOwnRequest() {
        String id = submitted(requester, RequestBodies.glue("payments", RequestBodies.SANDBOX, "eu-west-1"));

        JsonNode approve = assertProblem(api.post(REQUESTS + id + "/approve", requester, "{}"), 403);
        JsonNode reject = assertProblem(api.post(REQUESTS + id + "/reject", requester,
                PortalApi.object().put("reason", "never mind").toString()), 403);
        JsonNode changes = assertProblem(api.post(REQUESTS + id + "/request-changes", requester,
                PortalApi.object().put("reason", "never mind").toString()), 403);

        for (JsonNode problem : List.of(approve, reject, changes)) {
            assertThat(problem.get("detail").asString()).contains("your own request");
        }
        assertThat(request(requester, id).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(approval(requester, id).get("stages").get(0).get("decisions")).isEmpty();
    }

    @Test
    void anAdminCannotApproveTheirOwnRequestEither() {
        String account = accountFor("platform", AccountEnvironment.NON_PRODUCTION);
        String admin = api.tokenOf("admin");
        String id = submitted(admin, RequestBodies.glue("platform", account, "eu-west-1"));

        JsonNode problem = assertProblem(api.post(REQUESTS + id + "/approve", admin, "{}"), 403);

        assertThat(problem.get("detail").asString()).contains("your own request");
        assertProblem(api.post(REQUESTS + id + "/reject", admin,
                PortalApi.object().put("reason", "mine").toString()), 403);
        assertThat(request(admin, id).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(api.post(REQUESTS + id + "/approve", netApprover, "{}").status())
                .as("network approves it").isEqualTo(200);
    }

    @Test
    void theDatabaseRefusesADecisionRecordedInTheRequestersName() {
        UUID requesterId = identity.findUserByUsername("requester").orElseThrow().id().value();
        String id = submitted(requester, RequestBodies.datadogLogs("payments", RequestBodies.SANDBOX));

        assertThatThrownBy(() -> jdbc.update("""
                insert into approval_decision (id, request_id, round, stage_position, decided_by, decided_by_name,
                                               decision, comment, decided_at)
                values (?, ?, 1, 1, ?, 'requester', 'APPROVE', null, now())""",
                UUID.randomUUID(), UUID.fromString(id), requesterId))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("separation of duties");

        assertThat(api.post(REQUESTS + id + "/approve", netApprover, "{}").status()).isEqualTo(200);
        assertThatThrownBy(() -> jdbc.update("update approval_decision set decided_by = ? where request_id = ?",
                requesterId, UUID.fromString(id)))
                .as("an existing decision cannot be moved to the requester either")
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("separation of duties");
        assertThat(jdbc.queryForList("select decided_by_name from approval_decision where request_id = ?",
                String.class, UUID.fromString(id))).containsExactly("net-approver");
    }

    @Test
    void aMemberOfTheRequestingTeamIsNeverTheOnlyApproverOfAStage() {
        FreshTeam requesting = identities.team("eu-west-1");
        FreshTeam reviewing = identities.team("eu-west-1");
        String insider = identities.user(Set.of(Role.APPROVER), reviewing.id(), requesting.id());
        String outsider = identities.user(Set.of(Role.APPROVER), reviewing.id());
        testRules.route(requesting.id(), any(reviewing.id()));
        String author = token(identities.requester(requesting.id()));
        String id = submitted(author, RequestBodies.glue(requesting.id(), requesting.accountId(), "eu-west-1"));

        Response inside = api.post(REQUESTS + id + "/approve", token(insider), "{}");

        assertThat(inside.status()).as("%s", inside).isEqualTo(200);
        assertThat(inside.json().get("status").asString()).as("the stage still needs an outsider").isEqualTo("PENDING");
        assertThat(inside.json().get("stages").get(0).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(request(author, id).get("status").asString()).isEqualTo("SUBMITTED");

        Response outside = api.post(REQUESTS + id + "/approve", token(outsider), "{}");

        assertThat(outside.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(outside.json().get("stages").get(0).get("decisions")).extracting(d -> d.get("decidedBy").asString())
                .containsExactly(insider, outsider);
        assertThat(request(author, id).get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void anAllStageNeedsEveryApproverOfItsTeam() {
        FreshTeam requesting = identities.team("eu-west-1");
        FreshTeam reviewing = identities.team("eu-west-1");
        String first = identities.user(Set.of(Role.APPROVER), reviewing.id());
        String second = identities.user(Set.of(Role.APPROVER), reviewing.id());
        testRules.route(requesting.id(), all(reviewing.id()));
        String author = token(identities.requester(requesting.id()));
        String id = submitted(author, RequestBodies.glue(requesting.id(), requesting.accountId(), "eu-west-1"));
        assertThat(approval(author, id).get("stages").get(0).get("eligibleApprovers")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder(first, second);

        Response one = api.post(REQUESTS + id + "/approve", token(first), "{}");

        assertThat(one.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(inboxIds(token(first))).as("decided already").doesNotContain(id);
        assertThat(inboxIds(token(second))).contains(id);
        JsonNode twice = assertProblem(api.post(REQUESTS + id + "/approve", token(first), "{}"), 409);
        assertThat(twice.get("detail").asString()).contains("already decided");

        Response both = api.post(REQUESTS + id + "/approve", token(second), "{}");

        assertThat(both.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(request(author, id).get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void twoApproversOfAnAnyStageDecidingAtOnceOneWinsAndTheOtherIsToldItIsDecided() throws Exception {
        FreshTeam requesting = identities.team("eu-west-1");
        FreshTeam reviewing = identities.team("eu-west-1");
        List<String> approvers = List.of(token(identities.user(Set.of(Role.APPROVER), reviewing.id())),
                token(identities.user(Set.of(Role.APPROVER), reviewing.id())));
        testRules.route(requesting.id(), any(reviewing.id()));
        String author = token(identities.requester(requesting.id()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int attempt = 0; attempt < 5; attempt++) {
                String id = submitted(author, RequestBodies.glue(requesting.id(), requesting.accountId(), "eu-west-1"));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Response>> answers = new ArrayList<>();
                for (String approver : approvers) {
                    answers.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return api.post(REQUESTS + id + "/approve", approver, "{}");
                    }));
                }
                List<Response> responses = new ArrayList<>();
                for (Future<Response> answer : answers) {
                    responses.add(answer.get(60, TimeUnit.SECONDS));
                }

                assertThat(responses).as("attempt %d: %s", attempt, responses).extracting(Response::status)
                        .containsExactlyInAnyOrder(200, 409);
                Response loser = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
                assertThat(assertProblem(loser, 409).get("detail").asString())
                        .contains("not waiting for a decision", "APPROVED");
                JsonNode approval = approval(author, id);
                assertThat(approval.get("status").asString()).isEqualTo("APPROVED");
                assertThat(approval.get("stages").get(0).get("decisions")).as("exactly one decision won").hasSize(1);
                assertThat(request(author, id).get("timeline")).filteredOn(e -> e.get("kind").asString()
                        .equals("APPROVED")).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectingNeedsAReasonAndIsFinal() {
        String id = submitted(requester, RequestBodies.glue("payments", RequestBodies.SANDBOX, "eu-west-1"));

        assertThat(errorFields(assertProblem(api.post(REQUESTS + id + "/reject", netApprover, ""), 400)))
                .containsExactly("reason");
        assertThat(errorFields(assertProblem(api.post(REQUESTS + id + "/reject", netApprover,
                PortalApi.object().put("reason", "   ").toString()), 400))).containsExactly("reason");
        assertThat(errorFields(assertProblem(api.post(REQUESTS + id + "/reject", netApprover,
                PortalApi.object().put("comment", "a comment is not a reason").toString()), 400)))
                .containsExactly("reason");
        assertThat(errorFields(assertProblem(api.post(REQUESTS + id + "/reject", netApprover,
                PortalApi.object().put("reason", "x".repeat(2001)).toString()), 400))).containsExactly("reason");
        assertThat(request(requester, id).get("status").asString()).isEqualTo("SUBMITTED");

        Response rejected = api.post(REQUESTS + id + "/reject", netApprover,
                PortalApi.object().put("reason", " Use the shared Glue endpoint of the data VPC ").toString());

        assertThat(rejected.status()).as("%s", rejected).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        JsonNode request = request(requester, id);
        assertThat(request.get("status").asString()).isEqualTo("REJECTED");
        assertThat(lastTimelineEntry(request).get("message").asString())
                .isEqualTo("Rejected: Use the shared Glue endpoint of the data VPC");
        assertThat(assertProblem(api.post(REQUESTS + id + "/approve", netApprover, "{}"), 409)
                .get("detail").asString()).contains("not waiting for a decision");
        assertProblem(api.post(REQUESTS + id + "/submit", requester, ""), 409);
    }

    @Test
    void requestedChangesAreEditedAndResubmittedInANewRoundThatForgetsEarlierApprovals() {
        ObjectNode body = RequestBodies.datadogLogs("payments", RequestBodies.SANDBOX);
        String id = submitted(requester, body);
        assertThat(api.post(REQUESTS + id + "/approve", netApprover, "{}").status()).isEqualTo(200);
        assertThat(errorFields(assertProblem(api.post(REQUESTS + id + "/request-changes", secApprover, ""), 400)))
                .containsExactly("reason");
        assertProblem(api.put(REQUESTS + id, requester, body.toString()), 409);

        Response sentBack = api.post(REQUESTS + id + "/request-changes", secApprover,
                PortalApi.object().put("reason", "Say which Datadog site you ship to").toString());

        assertThat(sentBack.status()).as("%s", sentBack).isEqualTo(200);
        assertThat(sentBack.json().get("status").asString()).isEqualTo("CHANGES_REQUESTED");
        JsonNode back = request(requester, id);
        assertThat(back.get("status").asString()).isEqualTo("CHANGES_REQUESTED");
        assertThat(lastTimelineEntry(back).get("message").asString())
                .isEqualTo("Changes requested: Say which Datadog site you ship to");
        assertProblem(api.post(REQUESTS + id + "/approve", netApprover, "{}"), 409);
        assertThat(inboxIds(secApprover)).doesNotContain(id);

        Response edited = api.put(REQUESTS + id, requester,
                body.put("justification", "Logs go to the US1 site (us-east-1)").toString());
        assertThat(edited.status()).as("%s", edited).isEqualTo(200);
        assertThat(edited.json().get("status").asString()).isEqualTo("CHANGES_REQUESTED");
        Response resubmitted = api.post(REQUESTS + id + "/submit", requester, "");
        assertThat(resubmitted.status()).as("%s", resubmitted).isEqualTo(200);
        assertThat(lastTimelineEntry(resubmitted.json()).get("message").asString())
                .isEqualTo("Resubmitted for approval after changes");

        JsonNode round2 = approval(requester, id);
        assertThat(round2.get("round").asInt()).isEqualTo(2);
        assertThat(round2.get("status").asString()).isEqualTo("PENDING");
        assertThat(round2.get("currentStage").asInt()).as("round 1's approval of stage 1 does not count").isEqualTo(1);
        assertThat(round2.get("stages")).extracting(s -> s.get("status").asString()).containsExactly("ACTIVE", "WAITING");
        assertThat(round2.get("stages").get(0).get("decisions")).isEmpty();
        assertThat(round2.get("earlierRounds")).extracting(d -> d.get("round").asInt() + " " + d.get("stage").asInt()
                + " " + d.get("decidedBy").asString() + " " + d.get("decision").asString())
                .containsExactly("1 1 net-approver APPROVE", "1 2 sec-approver REQUEST_CHANGES");
        assertThat(inboxIds(netApprover)).contains(id);
        assertProblem(api.post(REQUESTS + id + "/approve", secApprover, "{}"), 403);

        assertThat(api.post(REQUESTS + id + "/approve", netApprover, "{}").json().get("currentStage").asInt())
                .isEqualTo(2);
        assertThat(api.post(REQUESTS + id + "/approve", secApprover, "{}").json().get("status").asString())
                .isEqualTo("APPROVED");
        assertThat(request(requester, id).get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void commentsAreReadAndWrittenByWhoeverMaySeeTheRequest() {
        FreshTeam team = identities.team("eu-west-1");
        FreshTeam other = identities.team("eu-west-1");
        String author = token(identities.requester(team.id()));
        String teammate = token(identities.requester(team.id()));
        String stranger = token(identities.requester(other.id()));
        String id = submitted(author, RequestBodies.glue(team.id(), team.accountId(), "eu-west-1"));

        Response first = api.post(REQUESTS + id + "/comments", author,
                PortalApi.object().put("body", "  Needed before the quarter closes  ").toString());
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.json().get("body").asString()).isEqualTo("Needed before the quarter closes");
        assertThat(api.post(REQUESTS + id + "/comments", netApprover,
                PortalApi.object().put("body", "Which subnets?").toString()).status()).isEqualTo(201);
        assertThat(api.post(REQUESTS + id + "/comments", teammate,
                PortalApi.object().put("body", "The private ones").toString()).status()).isEqualTo(201);

        for (String reader : List.of(author, teammate, netApprover, secApprover, api.tokenOf("admin"))) {
            Response thread = api.get(REQUESTS + id + "/comments", reader);
            assertThat(thread.status()).as("%s", thread).isEqualTo(200);
            assertThat(thread.json()).extracting(c -> c.get("body").asString())
                    .containsExactly("Needed before the quarter closes", "Which subnets?", "The private ones");
            assertThat(thread.json().get(1).get("author").asString()).isEqualTo("net-approver");
        }
        assertProblem(api.get(REQUESTS + id + "/comments", stranger), 404);
        assertProblem(api.post(REQUESTS + id + "/comments", stranger,
                PortalApi.object().put("body", "peeking").toString()), 404);
        assertThat(errorFields(assertProblem(api.post(REQUESTS + id + "/comments", author,
                PortalApi.object().put("body", " ").toString()), 400))).containsExactly("body");
        assertThat(errorFields(assertProblem(api.post(REQUESTS + id + "/comments", author,
                PortalApi.object().put("body", "x".repeat(4001)).toString()), 400))).containsExactly("body");
        assertProblem(api.get(REQUESTS + UUID.randomUUID() + "/comments", netApprover), 404);
        assertThat(api.get(REQUESTS + id + "/comments", author).json()).hasSize(3);
    }

    @Test
    void theInboxListsRequestsWaitingOnMyTeamsOldestSubmittedFirstAndNeverMyOwn() {
        FreshTeam requesting = identities.team("eu-west-1");
        FreshTeam reviewing = identities.team("eu-west-1");
        String reviewer = token(identities.user(Set.of(Role.APPROVER), reviewing.id()));
        String reviewerUsername = identities.user(Set.of(Role.APPROVER, Role.REQUESTER), reviewing.id(),
                requesting.id());
        String reviewerWhoRequests = token(reviewerUsername);
        testRules.route(requesting.id(), any(reviewing.id()));
        String authorName = identities.requester(requesting.id());
        String author = token(authorName);
        ObjectNode glue = RequestBodies.glue(requesting.id(), requesting.accountId(), "eu-west-1");
        String first = create(author, glue);
        String second = create(author, glue);
        String third = create(author, glue);
        for (String id : List.of(third, first, second)) {
            assertThat(api.post(REQUESTS + id + "/submit", author, "").status()).isEqualTo(200);
        }
        String own = submitted(reviewerWhoRequests, glue);

        Response inbox = api.get("/api/v1/approvals", reviewer);

        assertThat(inbox.status()).isEqualTo(200);
        assertThat(ids(inbox.json())).as("oldest submission first").containsExactly(third, first, second, own);
        JsonNode entry = inbox.json().get(0);
        assertThat(entry.get("title").asString()).isEqualTo("Glue for the nightly ETL");
        assertThat(entry.get("requester").asString()).isEqualTo(authorName);
        assertThat(entry.get("team").asString()).isEqualTo(requesting.id());
        assertThat(entry.get("accountId").asString()).isEqualTo(requesting.accountId());
        assertThat(entry.get("region").asString()).isEqualTo("eu-west-1");
        assertThat(entry.get("stage").asInt()).isEqualTo(1);
        assertThat(entry.get("stages").asInt()).isEqualTo(1);
        assertThat(entry.get("approverTeam").asString()).isEqualTo(reviewing.id());
        assertThat(entry.get("overdue").asBoolean()).isFalse();
        assertThat(entry.get("waitingSince").isNull()).isFalse();
        assertThat(inboxIds(reviewerWhoRequests)).as("never my own").containsExactly(third, first, second);
        assertThat(inboxIds(author)).as("not an approver").isEmpty();
        assertThat(inboxIds(netApprover)).as("not network's").doesNotContain(first, second, third, own);

        assertThat(api.post(REQUESTS + first + "/approve", reviewer, "{}").status()).isEqualTo(200);
        assertThat(api.post(REQUESTS + third + "/approve", reviewerWhoRequests, "{}").status()).isEqualTo(200);

        assertThat(inboxIds(reviewer)).as("the first is approved; the third still needs an outsider")
                .containsExactly(third, second, own);
        assertThat(inboxIds(reviewerWhoRequests)).as("decided the third").containsExactly(second);
    }

    @Test
    void requestsWaitingLongerThanTheLimitExpire() {
        FreshTeam requesting = identities.team("eu-west-1");
        FreshTeam reviewing = identities.team("eu-west-1");
        String reviewer = token(identities.user(Set.of(Role.APPROVER), reviewing.id()));
        testRules.route(requesting.id(), any(reviewing.id()));
        String author = token(identities.requester(requesting.id()));
        ObjectNode glue = RequestBodies.glue(requesting.id(), requesting.accountId(), "eu-west-1");
        String overdue = submitted(author, glue);
        String recent = submitted(author, glue);
        int days = properties.expireAfterDays();
        submittedDaysAgo(overdue, days + 1);
        submittedDaysAgo(recent, days - 1);

        int expired = approvals.expireOverdue();

        assertThat(expired).isGreaterThanOrEqualTo(1);
        JsonNode gone = request(author, overdue);
        assertThat(gone.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(lastTimelineEntry(gone).get("actor").asString()).isEqualTo("portal");
        assertThat(lastTimelineEntry(gone).get("message").asString())
                .isEqualTo("Expired: no decision within " + days + " days");
        assertThat(approval(author, overdue).get("status").asString()).isEqualTo("EXPIRED");
        assertThat(request(author, recent).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(approval(author, recent).get("status").asString()).isEqualTo("PENDING");
        JsonNode inbox = api.get("/api/v1/approvals", reviewer).json();
        assertThat(ids(inbox)).containsExactly(recent);
        assertThat(inbox.get(0).get("ageHours").asLong()).isBetween((days - 1) * 24L, (days - 1) * 24L + 1);
        assertThat(inbox.get(0).get("overdue").asBoolean()).as("older than %d hours", properties.slaHours()).isTrue();
        assertThat(assertProblem(api.post(REQUESTS + overdue + "/approve", reviewer, "{}"), 409)
                .get("detail").asString()).contains("not waiting for a decision");

        approvals.expireOverdue();
        assertThat(request(author, overdue).get("timeline")).filteredOn(e -> e.get("kind").asString()
                .equals("EXPIRED")).as("expired once").hasSize(1);
    }

    @Test
    void aRequestLeftWithChangesRequestedExpiresToo() {
        FreshTeam requesting = identities.team("eu-west-1");
        FreshTeam reviewing = identities.team("eu-west-1");
        String reviewer = token(identities.user(Set.of(Role.APPROVER), reviewing.id()));
        testRules.route(requesting.id(), any(reviewing.id()));
        String author = token(identities.requester(requesting.id()));
        String id = submitted(author, RequestBodies.glue(requesting.id(), requesting.accountId(), "eu-west-1"));
        assertThat(api.post(REQUESTS + id + "/request-changes", reviewer,
                PortalApi.object().put("reason", "Which VPC?").toString()).status()).isEqualTo(200);
        int days = properties.expireAfterDays();
        jdbc.update("update approval_case set submitted_at = now() - make_interval(days => ?),"
                + " decided_at = now() - make_interval(days => ?) where request_id = ?", days + 2, days + 1,
                UUID.fromString(id));

        approvals.expireOverdue();

        assertThat(request(author, id).get("status").asString())
                .as("ApprovalProperties: a request waiting this long for the requester's changes expires")
                .isEqualTo("EXPIRED");
        assertThat(lastTimelineEntry(request(author, id)).get("message").asString())
                .isEqualTo("Expired: not resubmitted within " + days + " days");
        assertThat(approval(author, id).get("status").asString()).isEqualTo("EXPIRED");
        assertProblem(api.put(REQUESTS + id, author,
                RequestBodies.glue(requesting.id(), requesting.accountId(), "eu-west-1").toString()), 409);
    }

    @Test
    void cancellingARequestClosesItsApproval() {
        FreshTeam requesting = identities.team("eu-west-1");
        FreshTeam reviewing = identities.team("eu-west-1");
        String reviewer = token(identities.user(Set.of(Role.APPROVER), reviewing.id()));
        testRules.route(requesting.id(), any(reviewing.id()));
        String author = token(identities.requester(requesting.id()));
        ObjectNode glue = RequestBodies.glue(requesting.id(), requesting.accountId(), "eu-west-1");
        String pending = submitted(author, glue);
        String sentBack = submitted(author, glue);
        assertThat(api.post(REQUESTS + sentBack + "/request-changes", reviewer,
                PortalApi.object().put("reason", "Which VPC?").toString()).status()).isEqualTo(200);

        for (String id : List.of(pending, sentBack)) {
            assertThat(api.post(REQUESTS + id + "/cancel", author, "").status()).isEqualTo(200);
            assertThat(approval(author, id).get("status").asString()).as("approval of %s", id).isEqualTo("CANCELLED");
        }
        assertThat(inboxIds(reviewer)).doesNotContain(pending, sentBack);
        assertProblem(api.post(REQUESTS + pending + "/approve", reviewer, "{}"), 409);
    }

    @Test
    void aRequestSomebodyMayNotSeeIsNotFoundForDecisionsWhateverItsState() {
        String stranger = token(identities.requester(identities.team("eu-west-1").id()));
        ObjectNode glue = RequestBodies.glue("payments", RequestBodies.SANDBOX, "eu-west-1");
        String waiting = submitted(requester, glue);
        String approved = submitted(requester, glue);
        assertThat(api.post(REQUESTS + approved + "/approve", netApprover, "{}").status()).isEqualTo(200);

        for (String id : List.of(waiting, approved, UUID.randomUUID().toString())) {
            for (String decision : List.of("approve", "reject", "request-changes")) {
                JsonNode problem = assertProblem(api.post(REQUESTS + id + "/" + decision, stranger,
                        PortalApi.object().put("reason", "curious").toString()), 404);
                assertThat(problem.get("detail").asString()).as("%s %s", decision, id)
                        .doesNotContain("network", "APPROVED", "stage");
            }
        }
        assertThat(request(requester, waiting).get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void decidingOnARequestThatWasNeverSubmittedIsNotFound() {
        String draft = create(requester, RequestBodies.glue("payments", RequestBodies.SANDBOX, "eu-west-1"));

        assertProblem(api.post(REQUESTS + draft + "/approve", netApprover, "{}"), 404);
        assertProblem(api.get(REQUESTS + draft + "/approval", requester), 404);
        assertProblem(api.post(REQUESTS + UUID.randomUUID() + "/approve", netApprover, "{}"), 404);
        assertProblem(api.post(REQUESTS + "not-a-uuid/approve", netApprover, "{}"), 400);
    }

    private String create(String token, ObjectNode body) {
        Response created = api.post("/api/v1/requests", token, body.toString());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String submitted(String token, ObjectNode body) {
        String id = create(token, body);
        Response submitted = api.post(REQUESTS + id + "/submit", token, "");
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(200);
        return id;
    }

    private JsonNode request(String token, String id) {
        Response read = api.get(REQUESTS + id, token);
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        return read.json();
    }

    private JsonNode approval(String token, String id) {
        Response read = api.get(REQUESTS + id + "/approval", token);
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        return read.json();
    }

    private List<String> inboxIds(String token) {
        Response inbox = api.get("/api/v1/approvals", token);
        assertThat(inbox.status()).as("%s", inbox).isEqualTo(200);
        return ids(inbox.json());
    }

    private static List<String> ids(JsonNode entries) {
        List<String> ids = new ArrayList<>();
        entries.forEach(e -> ids.add(e.get("requestId").asString()));
        return ids;
    }

    /** The last status change (provisioning's plan note, which follows an approval, is not one). */
    private static JsonNode lastTimelineEntry(JsonNode request) {
        JsonNode timeline = request.get("timeline");
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (!timeline.get(i).get("kind").asString().equals("PLANNED")) {
                return timeline.get(i);
            }
        }
        throw new AssertionError("empty timeline: " + request);
    }

    private String token(String username) {
        return api.tokenOf(username, TestIdentities.PASSWORD);
    }

    private void submittedDaysAgo(String id, int days) {
        int updated = jdbc.update("update approval_case set submitted_at = now() - make_interval(days => ?)"
                + " where request_id = ?", days, UUID.fromString(id));
        assertThat(updated).isEqualTo(1);
    }

    private String accountFor(String team, AccountEnvironment environment) {
        String id = "7" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        accounts.register(id, new AccountChange("approval tests " + team, null, null, environment,
                new TreeSet<>(Set.of("eu-west-1")), new TreeSet<>(Set.of(team))), "test");
        return id;
    }
}
