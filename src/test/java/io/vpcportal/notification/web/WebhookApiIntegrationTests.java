package io.vpcportal.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.DemoPortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@DemoPortalTest
class WebhookApiIntegrationTests {

    @LocalServerPort
    int port;

    PortalApi client;
    String admin;

    @BeforeEach
    void tokens() {
        client = new PortalApi(port);
        admin = client.tokenOf("admin");
    }

    @Test
    void theSecretIsShownOnceThenOnlyItsEnd() {
        Response created = client.post("/api/v1/webhooks", admin, """
                {"name":"ops","url":"https://hooks.example.com/a","eventTypes":["request.failed"]}""");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String secret = created.json().get("secret").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/webhooks/" + id);
        assertThat(created.json().get("enabled").asBoolean()).isTrue();
        assertThat(created.json().get("createdBy").asString()).isEqualTo("admin");

        Response one = client.get("/api/v1/webhooks/" + id, admin);
        Response all = client.get("/api/v1/webhooks", admin);
        assertThat(one.body()).doesNotContain(secret).doesNotContain("\"secret\"");
        assertThat(all.body()).doesNotContain(secret);
        assertThat(one.json().get("secretHint").asString()).isEqualTo("…" + secret.substring(secret.length() - 4));

        assertThat(client.delete("/api/v1/webhooks/" + id, admin).status()).isEqualTo(204);
    }

    @Test
    void changesKeepTheSecretAndDeleteRemovesTheWebhook() {
        JsonNode created = client.post("/api/v1/webhooks", admin, """
                {"name":"ops","url":"https://hooks.example.com/a","eventTypes":["request.failed"],
                 "secret":"0123456789abcdef-the-secret"}""").json();
        String id = created.get("id").asString();

        Response changed = client.put("/api/v1/webhooks/" + id, admin, """
                {"name":"ops 2","url":"http://hooks.example.org:8080/b","eventTypes":["request.provisioned","request.failed"],
                 "enabled":false}""");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("name").asString()).isEqualTo("ops 2");
        assertThat(changed.json().get("enabled").asBoolean()).isFalse();
        assertThat(changed.json().get("eventTypes").toString()).isEqualTo("[\"request.failed\",\"request.provisioned\"]");
        assertThat(changed.json().get("secretHint").asString()).isEqualTo("…cret");

        Response secretChange = client.put("/api/v1/webhooks/" + id, admin, """
                {"name":"ops","url":"https://hooks.example.com/a","eventTypes":["request.failed"],"secret":"another-one-1234567"}""");
        assertThat(secretChange.status()).isEqualTo(400);

        assertThat(client.delete("/api/v1/webhooks/" + id, admin).status()).isEqualTo(204);
        assertThat(client.get("/api/v1/webhooks/" + id, admin).status()).isEqualTo(404);
        assertThat(client.get("/api/v1/webhooks/" + id + "/deliveries", admin).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.example.com/x", "file:///etc/passwd", "javascript:alert(1)", "hooks.example.com",
            "https:///no-host", "https://user:pass@hooks.example.com/x", "http://exa mple.com/"})
    void urlsOtherThanHttpOrHttpsAreRefused(String url) {
        Response refused = client.post("/api/v1/webhooks", admin, """
                {"name":"bad","url":"%s","eventTypes":["request.submitted"]}""".formatted(url));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/", "http://10.0.0.5:8080/b",
            "http://172.16.0.1/", "http://192.168.1.1/", "http://127.0.0.2:5432/", "http://[::1]/", "http://0.0.0.0/",
            "http://[::]/", "http://100.64.0.1/", "http://224.0.0.1/", "http://[ff02::1]/", "http://[fc00::1]/",
            "http://[fe80::1]/", "http://[::ffff:169.254.169.254]/", "http://[::ffff:10.0.0.1]/", "http://255.255.255.255/"})
    void internalDestinationsAreRefusedOnSave(String url) {
        Response refused = client.post("/api/v1/webhooks", admin, """
                {"name":"internal","url":"%s","eventTypes":["request.submitted"]}""".formatted(url));
        assertThat(refused.status()).as(url).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("loopback, link-local, private");
    }

    @Test
    void otherMistakesAreNamedByField() {
        Response refused = client.post("/api/v1/webhooks", admin, """
                {"name":"","url":"https://hooks.example.com/","eventTypes":["request.cancelled"],"secret":"short"}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "eventTypes", "secret");
        assertThat(client.post("/api/v1/webhooks", admin, """
                {"name":"x","url":"https://hooks.example.com/","eventTypes":[]}""").status()).isEqualTo(400);
    }

    @Test
    void onlyAdminsManageWebhooks() {
        String approver = client.tokenOf("net-approver");
        assertThat(client.get("/api/v1/webhooks", approver).status()).isEqualTo(403);
        assertThat(client.post("/api/v1/webhooks", approver, """
                {"name":"x","url":"https://hooks.example.com/","eventTypes":["request.submitted"]}""").status())
                .isEqualTo(403);
        assertThat(client.get("/api/v1/webhooks", client.tokenOf("requester")).status()).isEqualTo(403);
    }
}
