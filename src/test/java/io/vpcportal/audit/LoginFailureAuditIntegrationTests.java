package io.vpcportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.DemoPortalTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A wrong password on the login form and on HTTP Basic each leaves exactly one row, without the password. */
@DemoPortalTest
class LoginFailureAuditIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aWrongPasswordOnTheLoginFormWritesOneRow() {
        PortalApi api = new PortalApi(port);
        String admin = api.tokenOf("admin");
        int before = failuresOf(api, admin, "sec-approver").size();

        Response login = PortalApi.browser(port).signIn("sec-approver", "not-the-password-1");
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));

        List<JsonNode> failures = failuresOf(api, admin, "sec-approver");
        assertThat(failures).hasSize(before + 1);
        JsonNode row = failures.get(0);
        assertThat(row.get("subjectType").asString()).isEqualTo("USER");
        assertThat(row.get("subjectId").asString()).isEqualTo("sec-approver");
        assertThat(row.get("after").asString()).contains("\"reason\":\"BadCredentialsException\"")
                .contains("\"request\":\"POST /login\"").contains("\"remoteAddress\":\"127.0.0.1\"");
        assertThat(row.toString()).doesNotContain("not-the-password-1");
    }

    @Test
    void aWrongPasswordOnHttpBasicWritesOneRow() {
        PortalApi api = new PortalApi(port);
        String admin = api.tokenOf("admin");
        int before = failuresOf(api, admin, "net-approver").size();

        Response refused = api.basic("POST", "/api/v1/tokens", "net-approver", "not-the-password-2", "{\"name\":\"x\"}");
        assertThat(refused.status()).isEqualTo(401);

        List<JsonNode> failures = failuresOf(api, admin, "net-approver");
        assertThat(failures).hasSize(before + 1);
        assertThat(failures.get(0).get("after").asString()).contains("\"request\":\"POST /api/v1/tokens\"");
        assertThat(failures.get(0).toString()).doesNotContain("not-the-password-2");
    }

    @Test
    void anUnknownUserIsRecordedUnderTheNameTried() {
        PortalApi api = new PortalApi(port);
        String admin = api.tokenOf("admin");

        PortalApi.browser(port).signIn("nobody-here", "whatever");

        List<JsonNode> failures = failuresOf(api, admin, "nobody-here");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).get("detail").asString()).isEqualTo("Sign-in failed: BadCredentialsException");
    }

    private static List<JsonNode> failuresOf(PortalApi api, String admin, String username) {
        Response reply = api.get("/api/v1/audit?limit=200&action=LOGIN_FAILED&actor=" + username, admin);
        assertThat(reply.status()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        reply.json().get("items").forEach(rows::add);
        return rows;
    }
}
