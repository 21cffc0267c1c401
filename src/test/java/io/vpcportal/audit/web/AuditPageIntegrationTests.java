package io.vpcportal.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalApi.Response;
import io.vpcportal.DemoPortalTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The audit page and its CSV download, as a signed-in browser gets them. */
@DemoPortalTest
class AuditPageIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void adminsSeeTheFilteredTrailAndDownloadTheSameRowsAsCsv() {
        PortalApi api = new PortalApi(port);
        String requester = api.tokenOf("requester");
        UUID id = api.createAndSubmit(requester);
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("admin", PortalApi.DEMO_PASSWORD);

        Response page = browser.page("/audit?subjectType=REQUEST&subjectId=" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Audit trail").contains("REQUEST CREATED").contains("REQUEST STATUS CHANGED")
                .containsPattern("href=\"/audit.csv\\?[^\"]*subjectType=REQUEST&amp;subjectId=" + id);

        Response csv = browser.page("/audit.csv?subjectType=REQUEST&subjectId=" + id + "&action=REQUEST_STATUS_CHANGED");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment; filename=\"audit-"));
        String[] lines = csv.body().split("\r\n", -1);
        assertThat(lines).hasSize(3); // header, one row, and the empty rest after the last CRLF
        assertThat(lines[0]).isEqualTo("\"id\",\"occurred_at\",\"actor\",\"action\",\"subject_type\",\"subject_id\","
                + "\"before\",\"after\",\"detail\"");
        assertThat(lines[1]).matches("\\d+,.*").contains(",\"requester\",\"REQUEST_STATUS_CHANGED\",\"REQUEST\",\"" + id + "\",")
                .endsWith(",\"{\"\"status\"\":\"\"DRAFT\"\"}\",\"{\"\"status\"\":\"\"SUBMITTED\"\"}\",\"Submitted for approval\"");
        assertThat(lines[2]).isEmpty();
    }

    @Test
    void aFormulaTypedAsUserNameStaysTextInTheCsv() {
        String formula = "=HYPERLINK(\"http://evil.example\",\"x\")";
        PortalApi.browser(port).signIn(formula, "whatever");
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("admin", PortalApi.DEMO_PASSWORD);

        Response csv = browser.page("/audit.csv?action=LOGIN_FAILED&actor="
                + java.net.URLEncoder.encode(formula, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(csv.body()).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",\"LOGIN_FAILED\",\"USER\",");
    }

    @Test
    void nonAdminsAreRefused() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("requester", PortalApi.DEMO_PASSWORD);
        assertThat(browser.page("/audit").status()).isEqualTo(403);
        assertThat(browser.page("/audit.csv").status()).isEqualTo(403);
        assertThat(browser.page("/").body()).doesNotContain("href=\"/audit\"");
    }

    @Test
    void theAdminNavigationLinksToTheTrail() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("admin", PortalApi.DEMO_PASSWORD);
        assertThat(browser.page("/").body()).contains("href=\"/audit\"");
    }
}
