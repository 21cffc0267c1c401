package io.vpcportal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two portal processes ({@link ChildPortal}) on one PostgreSQL, one browser (one cookie jar) talking to both, as
 * behind a load balancer without sticky sessions: a session opened through one instance is known to the other, and
 * disabling the user through one instance ends their session on both.
 */
@Tag("long")
class SessionsAcrossInstancesIntegrationTests {

    private static EmbeddedPostgres postgres;
    private static ChildPortal a;
    private static ChildPortal b;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1").start();
        String jdbc = postgres.getJdbcUrl("postgres", "postgres");
        // one after the other: the first one migrates the schema and seeds the demo
        a = ChildPortal.start("sessions-a", jdbc, MotoServer.shared().endpoint(), List.of());
        b = ChildPortal.start("sessions-b", jdbc, MotoServer.shared().endpoint(), List.of());
    }

    @AfterAll
    static void stop() throws IOException {
        Stream.of(a, b).filter(java.util.Objects::nonNull).forEach(ChildPortal::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aSessionOpenedOnOneInstanceWorksOnTheOtherAndDisablingOnOneEndsItOnBoth() throws SQLException {
        CookieManager cookies = new CookieManager();
        PortalApi viaA = PortalApi.browser(a.port(), cookies);
        PortalApi viaB = PortalApi.browser(b.port(), cookies);
        Response login = viaA.signIn("requester", PortalApi.DEMO_PASSWORD);
        assertThat(login.headers().firstValue("Location").orElse("")).as("%s", login).doesNotContain("error");

        Response onB = viaB.page("/requests");
        assertThat(onB.status()).as("the session opened on A, shown to B").isEqualTo(200);
        assertThat(onB.body()).contains("Riley Requester");
        assertThat(viaA.page("/requests").status()).isEqualTo(200);

        PortalApi adminOnB = PortalApi.browser(b.port());
        adminOnB.signIn("admin", PortalApi.DEMO_PASSWORD);
        String id = single("select cast(id as varchar) from portal_user where username = 'requester'").get(0);
        String form = "/admin/users/" + id + "/edit";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("displayName", single("select display_name from portal_user where id = cast('" + id + "' as uuid)").get(0));
        fields.put("_roles", "on");
        fields.put("_teams", "on");
        fields.put("_enabled", "on"); // unchecked: disabled
        fields.put("roles", "REQUESTER");
        fields.put("teams", single("select team_id from team_membership where user_id = cast('" + id + "' as uuid)").get(0));
        Response saved = adminOnB.postForm(form, PortalApi.csrfOf(adminOnB.page(form)), fields);
        assertThat(saved.status()).as("%s", saved).isEqualTo(302);
        assertThat(single("select cast(enabled as varchar) from portal_user where username = 'requester'"))
                .containsExactly("false");

        assertThat(single("select cast(count(*) as varchar) from spring_session where principal_name = 'requester'"))
                .as("the requester's sessions in the shared table").containsExactly("0");
        for (PortalApi instance : List.of(viaA, viaB)) {
            Response after = instance.page("/requests");
            assertThat(after.status()).isEqualTo(302);
            assertThat(after.headers().firstValue("Location")).hasValue("/login");
        }
    }

    private static List<String> single(String sql) throws SQLException {
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
