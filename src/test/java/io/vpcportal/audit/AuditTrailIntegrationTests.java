package io.vpcportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.DemoPortalTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Real flows through the API, then the trail they leave, read back through {@code GET /api/v1/audit}. */
@DemoPortalTest
class AuditTrailIntegrationTests {

    @LocalServerPort
    int port;

    PortalApi client;
    String admin;
    String requester;

    @BeforeEach
    void tokens() {
        client = new PortalApi(port);
        admin = client.tokenOf("admin");
        requester = client.tokenOf("requester");
    }

    @Test
    void everyTransitionOfARequestHasExactlyOneRow() {
        UUID id = client.create(requester);
        assertThat(client.post("/api/v1/requests/" + id + "/submit", requester, "").status()).isEqualTo(200);
        assertThat(client.post("/api/v1/requests/" + id + "/cancel", requester, "{\"reason\":\"not needed\"}")
                .status()).isEqualTo(200);

        List<JsonNode> transitions = transitionsOf(id);
        assertThat(transitions).extracting(r -> r.get("action").asString())
                .containsExactly("REQUEST_CREATED", "REQUEST_STATUS_CHANGED", "REQUEST_STATUS_CHANGED");
        assertThat(transitions).extracting(r -> r.get("before").isNull() ? null : r.get("before").asString())
                .containsExactly(null, "{\"status\":\"DRAFT\"}", "{\"status\":\"SUBMITTED\"}");
        assertThat(transitions).extracting(r -> r.get("after").asString())
                .containsExactly("{\"status\":\"DRAFT\"}", "{\"status\":\"SUBMITTED\"}", "{\"status\":\"CANCELLED\"}");
        assertThat(transitions).extracting(r -> r.get("actor").asString()).containsOnly("requester");
        assertThat(transitions).extracting(r -> r.get("subjectType").asString()).containsOnly("REQUEST");
        assertThat(transitions.get(2).get("detail").asString()).isEqualTo("Cancelled: not needed");

        // the timeline shows the same moves: one row for each, none missing, none twice
        JsonNode timeline = client.get("/api/v1/requests/" + id, requester).json().get("timeline");
        List<String> moves = new ArrayList<>();
        timeline.forEach(t -> moves.add(t.get("fromStatus").asString(null) + ">" + t.get("toStatus").asString()));
        assertThat(moves).containsExactly("null>DRAFT", "DRAFT>SUBMITTED", "SUBMITTED>CANCELLED");
    }

    @Test
    void anEditIsItsOwnActionAndNoTransition() {
        UUID id = client.create(requester);
        Response revised = client.put("/api/v1/requests/" + id, requester,
                PortalApi.VALID_REQUEST.replace("\"why\"", "\"a better reason\""));
        assertThat(revised.status()).isEqualTo(200);

        List<JsonNode> rows = rows("subjectType=REQUEST&subjectId=" + id);
        assertThat(rows).extracting(r -> r.get("action").asString())
                .containsExactly("REQUEST_REVISED", "REQUEST_CREATED");
        assertThat(rows.get(0).get("actor").asString()).isEqualTo("requester");
    }

    @Test
    void aTokenIsAuditedWithoutItsSecret() {
        Response created = client.basic("POST", "/api/v1/tokens", "net-approver", PortalApi.DEMO_PASSWORD,
                "{\"name\":\"audited token\"}");
        assertThat(created.status()).isEqualTo(201);
        String tokenId = created.json().get("id").asString();
        String token = created.json().get("token").asString();

        List<JsonNode> rows = rows("subjectType=API_TOKEN&subjectId=" + tokenId);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("action").asString()).isEqualTo("API_TOKEN_CREATED");
        assertThat(rows.get(0).get("actor").asString()).isEqualTo("net-approver");
        assertThat(rows.get(0).get("after").asString()).contains("\"name\":\"audited token\"");
        assertThat(rows.get(0).toString()).doesNotContain(token);

        assertThat(client.delete("/api/v1/tokens/" + tokenId, token).status()).isEqualTo(204);
        assertThat(rows("subjectType=API_TOKEN&subjectId=" + tokenId)).extracting(r -> r.get("action").asString())
                .containsExactly("API_TOKEN_REVOKED", "API_TOKEN_CREATED");
    }

    @Test
    void accountEditsKeepBothVersionsButMaskTheExternalId() {
        String account = """
                {"id":"222222222222","name":"audit test","roleArn":"arn:aws:iam::222222222222:role/portal",
                 "externalId":"%s","environment":"NON_PRODUCTION","regions":["eu-west-1"],"teams":["payments"]}""";
        assertThat(client.post("/api/v1/accounts", admin, account.formatted("first-external-id-9876")).status())
                .isEqualTo(201);
        assertThat(client.put("/api/v1/accounts/222222222222", admin, account.formatted("second-external-id-5432"))
                .status()).isEqualTo(200);

        List<JsonNode> rows = rows("subjectType=ACCOUNT&subjectId=222222222222");
        assertThat(rows).extracting(r -> r.get("action").asString())
                .containsExactly("ACCOUNT_CHANGED", "ACCOUNT_REGISTERED");
        assertThat(rows.get(1).get("before").isNull()).isTrue();
        assertThat(rows.get(1).get("after").asString()).contains("\"externalId\":\"****9876\"");
        assertThat(rows.get(0).get("before").asString()).contains("\"externalId\":\"****9876\"");
        assertThat(rows.get(0).get("after").asString()).contains("\"externalId\":\"****5432\"")
                .contains("\"roleArn\":\"arn:aws:iam::222222222222:role/portal\"");
        assertThat(rows.toString()).doesNotContain("first-external-id").doesNotContain("second-external-id");
        assertThat(rows).extracting(r -> r.get("actor").asString()).containsOnly("admin");
    }

    @Test
    void pagesFollowTheCursorNewestFirstWithoutOverlap() {
        UUID id = client.createAndSubmit(requester);
        client.post("/api/v1/requests/" + id + "/cancel", requester, "");

        JsonNode first = client.get("/api/v1/audit?subjectId=" + id + "&limit=2", admin).json();
        assertThat(first.get("items")).hasSize(2);
        String cursor = first.get("nextCursor").asString();
        JsonNode second = client.get("/api/v1/audit?subjectId=" + id + "&limit=2&cursor=" + cursor, admin).json();

        List<Long> ids = new ArrayList<>();
        first.get("items").forEach(r -> ids.add(r.get("id").asLong()));
        second.get("items").forEach(r -> ids.add(r.get("id").asLong()));
        // created, submitted, routed to the network team (approval requested), cancelled
        assertThat(ids).hasSize(4).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void badQueriesAreRefusedAsProblems() {
        Response badCursor = client.get("/api/v1/audit?cursor=abc", admin);
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
        assertThat(client.get("/api/v1/audit?limit=0", admin).status()).isEqualTo(400);
        assertThat(client.get("/api/v1/audit?from=yesterday", admin).status()).isEqualTo(400);
    }

    @Test
    void onlyAdminsMayReadTheTrail() {
        Response forbidden = client.get("/api/v1/audit", requester);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(client.get("/api/v1/audit", client.tokenOf("net-approver")).status()).isEqualTo(403);
        assertThat(client.get("/api/v1/audit", admin).status()).isEqualTo(200);
    }

    /** The request's lifecycle rows, oldest first (other modules may add rows of other actions about it). */
    private List<JsonNode> transitionsOf(UUID id) {
        List<JsonNode> rows = new ArrayList<>(rows("subjectType=REQUEST&subjectId=" + id));
        rows.removeIf(r -> !r.get("action").asString().startsWith("REQUEST_CREATED")
                && !r.get("action").asString().equals("REQUEST_STATUS_CHANGED"));
        java.util.Collections.reverse(rows);
        return rows;
    }

    private List<JsonNode> rows(String query) {
        Response reply = client.get("/api/v1/audit?limit=200&" + query, admin);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        reply.json().get("items").forEach(rows::add);
        return rows;
    }
}
