package io.vpcportal.account.web;

import static io.vpcportal.Problems.assertProblem;
import static io.vpcportal.Problems.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.PortalIntegrationTest;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** AWS accounts: everyone reads the ones their teams may use, only admins register or edit them. */
@PortalIntegrationTest
class AccountApiIntegrationTests {

    private static final String ACCOUNTS = "/api/v1/accounts";

    @LocalServerPort
    int port;

    PortalApi api;

    @BeforeEach
    void setUp() {
        api = new PortalApi(port);
    }

    @Test
    void aNonAdminCannotRegisterAnAccount() {
        String id = newAccountId();

        JsonNode problem = assertProblem(api.post(ACCOUNTS, api.tokenOf("requester"), account(id).toString()), 403);
        assertProblem(api.post(ACCOUNTS, api.tokenOf("net-approver"), account(id).toString()), 403);
        assertProblem(api.put(ACCOUNTS + "/111111111111", api.tokenOf("requester"),
                account("111111111111").toString()), 403);

        assertThat(problem.get("title").asString()).isEqualTo("Forbidden");
        assertProblem(api.get(ACCOUNTS + "/" + id, api.tokenOf("admin")), 404);
    }

    @Test
    void anAdminRegistersAnAccountOnce() {
        String id = newAccountId();
        String admin = api.tokenOf("admin");

        Response created = api.post(ACCOUNTS, admin, account(id).toString());

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(ACCOUNTS + "/" + id);
        assertThat(created.json().get("regions")).extracting(JsonNode::asString).containsExactly("eu-west-1", "us-east-1");
        assertThat(created.json().get("externalId").asString()).isEqualTo("ext-" + id);
        assertProblem(api.post(ACCOUNTS, admin, account(id).toString()), 409);
    }

    @Test
    void invalidAccountsAreProblemsOnTheirFields() {
        ObjectNode body = account("12345").put("roleArn", "arn:aws:iam::999999999999:role/x");
        body.putArray("regions").add("eu-west-1").add("moon-1");
        body.putArray("teams").add("no-such-team");

        JsonNode problem = assertProblem(api.post(ACCOUNTS, api.tokenOf("admin"), body.toString()), 400);

        assertThat(errorFields(problem)).containsExactlyInAnyOrder("id", "roleArn", "regions", "teams");
    }

    @Test
    void aRequesterSeesOnlyTheTeamsAccountsWithoutTheExternalId() {
        Response listed = api.get(ACCOUNTS, api.tokenOf("requester"));

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).extracting(a -> a.get("id").asString()).containsExactly("111111111111");
        JsonNode sandbox = listed.json().get(0);
        assertThat(sandbox.get("externalId").isNull()).isTrue();
        assertThat(sandbox.get("regions")).extracting(JsonNode::asString)
                .containsExactly("eu-west-1", "eu-west-3", "us-east-1");
        assertThat(api.get(ACCOUNTS + "/111111111111", api.tokenOf("admin")).json().get("externalId").asString())
                .isEqualTo("demo-external-id");
        assertProblem(api.get(ACCOUNTS + "/111111111111", api.tokenOf("sec-approver")), 404);
    }

    @Test
    void accountsNeedAuthentication() {
        assertProblem(api.get(ACCOUNTS, null), 401);
        assertProblem(api.post(ACCOUNTS, null, account(newAccountId()).toString()), 401);
    }

    private static ObjectNode account(String id) {
        ObjectNode body = PortalApi.object().put("id", id).put("name", "test " + id)
                .put("roleArn", "arn:aws:iam::" + id + ":role/vpc-endpoint-portal").put("externalId", "ext-" + id)
                .put("environment", "NON_PRODUCTION");
        body.putArray("regions").add("us-east-1").add("eu-west-1");
        body.putArray("teams").add("network");
        return body;
    }

    private static String newAccountId() {
        return "8" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }
}
