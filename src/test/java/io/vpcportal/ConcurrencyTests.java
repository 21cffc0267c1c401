package io.vpcportal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi.Response;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.approval.RequestBodies;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.identity.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * Many API clients at once over real HTTP: nothing is lost, nothing is stored twice, an Idempotency-Key replayed
 * (after the first answer, or racing it) returns the first request, and two approvers of an ANY stage deciding at the
 * same moment produce exactly one decision.
 */
@PortalIntegrationTest
class ConcurrencyTests {

    static final int CLIENTS = 50;
    static final int REQUESTS_PER_CLIENT = 20;

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fiftyClientsSubmittingTwentyRequestsEachLoseAndDuplicateNothing() throws Exception {
        PortalApi api = new PortalApi(port);
        TestIdentities identities = new TestIdentities(identity, accounts);
        TestIdentities.FreshTeam team = identities.team("eu-west-1");
        List<String> tokens = IntStream.range(0, CLIENTS).parallel()
                .mapToObj(n -> api.tokenOf(identities.requester(team.id()), TestIdentities.PASSWORD)).toList();

        Map<String, String> idByKey = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    start.await();
                    for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                        String key = "client-" + client + "-request-" + r;
                        ObjectNode body = RequestBodies.glue(team.id(), team.accountId(), "eu-west-1")
                                .put("title", "load " + key);
                        Response first = api.post("/api/v1/requests", tokens.get(client), body.toString(),
                                Map.of("Idempotency-Key", key));
                        statuses.add(first.status());
                        if (first.status() != 201) {
                            failures.add(key + ": " + first);
                            continue;
                        }
                        idByKey.put(key, first.json().get("id").asString());
                        if (r % 4 == 0) {
                            // a client that lost the answer retries with the same key and body
                            Response repeat = api.post("/api/v1/requests", tokens.get(client), body.toString(),
                                    Map.of("Idempotency-Key", key));
                            statuses.add(repeat.status());
                            if (repeat.status() != 200 || !repeat.json().get("id").asString().equals(idByKey.get(key))
                                    || !"true".equals(repeat.header("Idempotent-Replayed"))) {
                                failures.add(key + " repeated: " + repeat);
                            }
                        }
                        if (r % 10 == 1) {
                            // the same key with another body is refused, and stores nothing
                            Response other = api.post("/api/v1/requests", tokens.get(client),
                                    body.put("title", "something else").toString(), Map.of("Idempotency-Key", key));
                            statuses.add(other.status());
                            if (other.status() != 422 || !other.contentType().startsWith("application/problem+json")) {
                                failures.add(key + " with another body: " + other);
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> client : clients) {
                client.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(failures).as("unexpected answers").isEmpty();
        assertThat(statuses).as("server errors").allMatch(s -> s < 500);
        assertThat(idByKey).hasSize(CLIENTS * REQUESTS_PER_CLIENT);
        assertThat(Set.copyOf(idByKey.values())).as("distinct requests").hasSize(CLIENTS * REQUESTS_PER_CLIENT);
        assertThat(jdbc.queryForObject("select count(*) from endpoint_request where team_id = ?", Long.class, team.id()))
                .as("requests stored for the team").isEqualTo((long) CLIENTS * REQUESTS_PER_CLIENT);
        assertThat(jdbc.queryForObject("select count(distinct idempotency_key) from endpoint_request where team_id = ?",
                Long.class, team.id())).isEqualTo((long) CLIENTS * REQUESTS_PER_CLIENT);
    }

    @Test
    void racingRepeatsOfOneIdempotencyKeyStoreOneRequest() throws Exception {
        PortalApi api = new PortalApi(port);
        TestIdentities identities = new TestIdentities(identity, accounts);
        TestIdentities.FreshTeam team = identities.team("eu-west-1");
        String token = api.tokenOf(identities.requester(team.id()), TestIdentities.PASSWORD);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 15; round++) {
                String key = "race-" + round;
                String body = RequestBodies.glue(team.id(), team.accountId(), "eu-west-1").toString();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> answers = new ArrayList<>();
                for (int n = 0; n < 8; n++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return api.post("/api/v1/requests", token, body, Map.of("Idempotency-Key", key));
                    }));
                }
                start.countDown();
                Set<String> ids = new java.util.HashSet<>();
                int created = 0;
                for (Future<Response> answer : answers) {
                    Response response = answer.get(1, TimeUnit.MINUTES);
                    assertThat(response.status()).as("%s", response).isIn(200, 201);
                    created += response.status() == 201 ? 1 : 0;
                    ids.add(response.json().get("id").asString());
                }
                assertThat(created).as("201 answers for key %s", key).isEqualTo(1);
                assertThat(ids).as("ids answered for key %s", key).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from endpoint_request where team_id = ?", Long.class, team.id()))
                .isEqualTo(15L);
    }

    @Test
    void twoApproversOfAnAnyStageDecidingAtOnceMakeExactlyOneDecision() throws Exception {
        PortalApi api = new PortalApi(port);
        TestIdentities identities = new TestIdentities(identity, accounts);
        TestIdentities.FreshTeam team = identities.team("eu-west-1");
        String requester = api.tokenOf(identities.requester(team.id()), TestIdentities.PASSWORD);
        // interface endpoints need one approval of team network (ANY)
        List<String> approvers = List.of(
                api.tokenOf(identities.user(Set.of(Role.APPROVER), "network"), TestIdentities.PASSWORD),
                api.tokenOf(identities.user(Set.of(Role.APPROVER), "network"), TestIdentities.PASSWORD));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 12; round++) {
                Response created = api.post("/api/v1/requests", requester,
                        RequestBodies.glue(team.id(), team.accountId(), "eu-west-1").toString());
                String id = created.json().get("id").asString();
                assertThat(api.post("/api/v1/requests/" + id + "/submit", requester, "").status()).isEqualTo(200);
                assertThat(api.get("/api/v1/requests/" + id + "/approval", requester).json().get("stages").size())
                        .as("stages of %s", id).isEqualTo(1);

                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> decisions = new ArrayList<>();
                for (String approver : approvers) {
                    decisions.add(pool.submit(() -> {
                        start.await();
                        return api.post("/api/v1/requests/" + id + "/approve", approver, "{\"comment\":\"ok\"}");
                    }));
                }
                start.countDown();
                List<Response> answers = new ArrayList<>();
                for (Future<Response> decision : decisions) {
                    answers.add(decision.get(1, TimeUnit.MINUTES));
                }
                assertThat(answers).as("answers").extracting(Response::status).containsExactlyInAnyOrder(200, 409);
                Response loser = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
                Problems.assertProblem(loser, 409);
                assertThat(jdbc.queryForObject(
                        "select count(*) from approval_decision where request_id = ?::uuid", Long.class, id))
                        .as("decisions stored for %s", id).isEqualTo(1L);
                assertThat(api.get("/api/v1/requests/" + id, requester).json().get("status").asString())
                        .isEqualTo("APPROVED");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
