package io.vpcportal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two portal processes ({@link ChildPortal}) on one PostgreSQL. Each instance caches current template versions,
 * accounts and API tokens in memory; a change made through one instance must be used by the other on its very next
 * request, with no waiting: each test first warms B's caches with a create, changes something through A, and then
 * creates through B at once.
 */
@Tag("long")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CachesAcrossInstancesIntegrationTests {

    private static final String CREATE = """
            {"team":"payments","accountId":"111111111111","region":"eu-west-1","vpcId":"vpc-0a1b2c3d4e5f60718",
             "justification":"cache test","items":[{"templateKey":"glue","subnetIds":["subnet-0a1b2c3d4e5f60718"],
             "securityGroupIds":["sg-0a1b2c3d"]}]}""";

    private static EmbeddedPostgres postgres;
    private static ChildPortal a;
    private static ChildPortal b;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1").start();
        String jdbc = postgres.getJdbcUrl("postgres", "postgres");
        // one after the other: the first one migrates the schema and seeds the demo
        a = ChildPortal.start("caches-a", jdbc, MotoServer.shared().endpoint(), List.of());
        b = ChildPortal.start("caches-b", jdbc, MotoServer.shared().endpoint(), List.of());
    }

    @AfterAll
    static void stop() throws IOException {
        Stream.of(a, b).filter(java.util.Objects::nonNull).forEach(ChildPortal::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void aTemplateEditedOnOneInstanceIsUsedByTheNextCreateOnTheOther() {
        String requester = b.api().tokenOf("requester");
        int before = created(b.api().post("/api/v1/requests", requester, CREATE)).get("items").get(0)
                .get("templateVersion").asInt();

        ObjectNode change = templateAsPayload(a.api().get("/api/v1/templates/glue", a.api().tokenOf("admin")).json());
        change.put("description", "Edited on instance A");
        Response edited = a.api().put("/api/v1/templates/glue", a.api().tokenOf("admin"), change.toString());
        assertThat(edited.status()).as("%s", edited).isEqualTo(200);
        int next = edited.json().get("version").asInt();
        assertThat(next).isEqualTo(before + 1);

        JsonNode onB = created(b.api().post("/api/v1/requests", requester, CREATE));
        assertThat(onB.get("items").get(0).get("templateVersion").asInt())
                .as("B's create right after A's edit committed").isEqualTo(next);
        assertThat(b.api().get("/api/v1/templates/glue", requester).json().get("description").asString())
                .isEqualTo("Edited on instance A");

        change.put("retired", true);
        assertThat(a.api().put("/api/v1/templates/glue", a.api().tokenOf("admin"), change.toString()).status())
                .isEqualTo(200);
        Response refused = b.api().post("/api/v1/requests", requester, CREATE);
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.body()).contains("items[0].templateKey").contains("is retired: the catalog no longer offers it");

        change.put("retired", false);
        assertThat(a.api().put("/api/v1/templates/glue", a.api().tokenOf("admin"), change.toString()).status())
                .isEqualTo(200);
        created(b.api().post("/api/v1/requests", requester, CREATE));
    }

    @Test
    @Order(2)
    void anAccountEditedOnOneInstanceIsCheckedByTheNextCreateOnTheOther() {
        String requester = b.api().tokenOf("requester");
        String admin = a.api().tokenOf("admin");
        created(b.api().post("/api/v1/requests", requester, CREATE));
        JsonNode account = a.api().get("/api/v1/accounts/111111111111", admin).json();
        ObjectNode change = PortalApi.object();
        for (String field : List.of("name", "roleArn", "externalId", "environment", "regions", "organizationId",
                "breakGlassPrincipalArns")) {
            change.set(field, account.get(field));
        }
        change.putArray("teams").add("platform");
        Response edited = a.api().put("/api/v1/accounts/111111111111", admin, change.toString());
        assertThat(edited.status()).as("%s", edited).isEqualTo(200);

        Response refused = b.api().post("/api/v1/requests", requester, CREATE);
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.body()).contains("accountId").contains("may not be used by team payments");

        change.set("teams", account.get("teams"));
        assertThat(a.api().put("/api/v1/accounts/111111111111", admin, change.toString()).status()).isEqualTo(200);
        created(b.api().post("/api/v1/requests", requester, CREATE));
    }

    @Test
    @Order(3)
    void aTokenRevokedOnOneInstanceIsRefusedAtOnceOnBoth() {
        Response issued = a.api().createToken("requester", PortalApi.DEMO_PASSWORD, "revoked-soon");
        assertThat(issued.status()).as("%s", issued).isEqualTo(201);
        String token = issued.json().get("token").asString();
        created(b.api().post("/api/v1/requests", token, CREATE));
        created(a.api().post("/api/v1/requests", token, CREATE));

        Response revoked = a.api().delete("/api/v1/tokens/" + issued.json().get("id").asString(), token);
        assertThat(revoked.status()).as("%s", revoked).isIn(200, 204);

        for (ChildPortal instance : List.of(b, a)) {
            Response refused = instance.api().post("/api/v1/requests", token, CREATE);
            assertThat(refused.status()).as("%s on %s", refused, instance.name()).isEqualTo(401);
        }
    }

    @Test
    @Order(4)
    void aDemotedAndThenDisabledUserIsRefusedAtOnceOnBothInstances() throws SQLException {
        Response issued = a.api().createToken("requester", PortalApi.DEMO_PASSWORD, "user-changes");
        String token = issued.json().get("token").asString();
        created(b.api().post("/api/v1/requests", token, CREATE));
        created(a.api().post("/api/v1/requests", token, CREATE));

        saveUser(List.of("APPROVER"), true); // demoted: no longer a requester
        for (ChildPortal instance : List.of(b, a)) {
            Response refused = instance.api().post("/api/v1/requests", token, CREATE);
            assertThat(refused.status()).as("%s on %s", refused, instance.name()).isEqualTo(403);
        }

        saveUser(List.of("REQUESTER"), false); // disabled
        for (ChildPortal instance : List.of(b, a)) {
            Response refused = instance.api().post("/api/v1/requests", token, CREATE);
            assertThat(refused.status()).as("%s on %s", refused, instance.name()).isEqualTo(401);
        }
    }

    /** The admin's user form on instance A, as an admin uses it. */
    private static void saveUser(List<String> roles, boolean enabled) throws SQLException {
        PortalApi adminOnA = PortalApi.browser(a.port());
        adminOnA.signIn("admin", PortalApi.DEMO_PASSWORD);
        String id = column("select cast(id as varchar) from portal_user where username = 'requester'").get(0);
        String form = "/admin/users/" + id + "/edit";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("displayName", column("select display_name from portal_user where username = 'requester'").get(0));
        fields.put("_roles", "on");
        fields.put("_teams", "on");
        fields.put("_enabled", "on");
        if (enabled) {
            fields.put("enabled", "true");
        }
        fields.put("roles", String.join(",", roles));
        fields.put("teams", "payments");
        Response saved = adminOnA.postForm(form, PortalApi.csrfOf(adminOnA.page(form)), fields);
        assertThat(saved.status()).as("%s", saved).isEqualTo(302);
        assertThat(column("select cast(enabled as varchar) from portal_user where username = 'requester'"))
                .containsExactly(String.valueOf(enabled));
    }

    private static JsonNode created(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    private static ObjectNode templateAsPayload(JsonNode template) {
        ObjectNode payload = PortalApi.object();
        payload.put("name", template.get("name").asString());
        payload.put("description", template.get("description").asString());
        payload.put("category", template.get("category").asString());
        payload.put("defaultPolicy", template.get("defaultPolicy").asString().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-'));
        payload.put("retired", false);
        var fields = payload.putArray("fields");
        for (JsonNode f : template.get("fields")) {
            ObjectNode field = fields.addObject();
            field.put("name", f.get("name").asString());
            field.put("label", f.get("label").asString());
            field.put("required", f.get("required").asBoolean());
        }
        return payload;
    }

    private static List<String> column(String sql) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement statement = c.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
