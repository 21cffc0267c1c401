package io.vpcportal.catalog.web;

import static io.vpcportal.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.PortalIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The catalog as the API serves it. Editing is left out: a new version would be seen by every other test. */
@PortalIntegrationTest
class TemplateApiIntegrationTests {

    @LocalServerPort
    int port;

    PortalApi api;

    @BeforeEach
    void setUp() {
        api = new PortalApi(port);
    }

    @Test
    void theCatalogListsAwsAndPartnerServices() {
        Response listed = api.get("/api/v1/templates", api.tokenOf("requester"));

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).extracting(t -> t.get("key").asString())
                .contains("s3-gateway", "dynamodb-gateway", "sts", "datadog-logs");
        Response partners = api.get("/api/v1/templates?category=Partner%20services", api.tokenOf("requester"));
        assertThat(partners.json()).extracting(t -> t.get("key").asString())
                .containsExactlyInAnyOrder("datadog-api", "datadog-logs", "datadog-metrics");
        Response search = api.get("/api/v1/templates?q=dynamo", api.tokenOf("requester"));
        assertThat(search.json()).extracting(t -> t.get("key").asString()).containsExactly("dynamodb-gateway");
    }

    @Test
    void aPartnerTemplateNamesItsRegionsAndServices() {
        Response logs = api.get("/api/v1/templates/datadog-logs", api.tokenOf("requester"));

        assertThat(logs.status()).isEqualTo(200);
        JsonNode template = logs.json();
        assertThat(template.get("regions")).extracting(JsonNode::asString)
                .containsExactly("ap-northeast-1", "ap-southeast-2", "us-east-1");
        assertThat(template.get("crossRegionSupported").asBoolean()).isTrue();
        assertThat(template.get("regionalServices").get("us-east-1").asString())
                .isEqualTo("com.amazonaws.vpce.us-east-1.vpce-svc-025a56b9187ac1f63");
        assertThat(template.get("fields")).extracting(f -> f.get("name").asString())
                .containsExactly("subnetIds", "securityGroupIds", "privateDns", "serviceRegion", "policyChoice");
    }

    @Test
    void anUnknownTemplateIsNotFound() {
        assertProblem(api.get("/api/v1/templates/no-such-thing", api.tokenOf("requester")), 404);
        assertProblem(api.get("/api/v1/templates/no-such-thing/versions", api.tokenOf("requester")), 404);
    }

    @Test
    void onlyAdminsEditTemplates() {
        String edit = """
                {"name":"AWS KMS","description":"changed","category":"Security","defaultPolicy":"organization",
                 "retired":false,"fields":[{"name":"subnetIds","label":"Subnets","required":true}]}""";

        assertProblem(api.put("/api/v1/templates/kms", api.tokenOf("requester"), edit), 403);
        assertProblem(api.put("/api/v1/templates/kms", api.tokenOf("sec-approver"), edit), 403);

        assertThat(api.get("/api/v1/templates/kms/versions", api.tokenOf("requester")).json()).hasSize(1);
    }
}
