package io.vpcportal.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalApi;
import io.vpcportal.PortalIntegrationTest;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.identity.PortalPrincipal;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The approver's inbox reads a fixed number of SQL statements however many requests wait: counted with Hibernate's
 * statistics (switched on for the measurement only, in the shared context) for 1 and then 30 more pending requests.
 */
@PortalIntegrationTest
class InboxStatementsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApprovalManagement approvals;

    @Autowired
    IdentityManagement identity;

    @Autowired
    EntityManagerFactory entityManagers;

    @AfterEach
    void statisticsOff() {
        statistics().setStatisticsEnabled(false);
    }

    @Test
    void theInboxCostsTheSameStatementsForOneAndForThirtyPendingRequests() {
        PortalApi api = new PortalApi(port);
        String requester = api.tokenOf("requester");
        PortalPrincipal approver = identity.loadPrincipal("net-approver").orElseThrow();
        int before = approvals.inbox(approver).size();

        pending(api, requester, 1);
        Measured one = measure(approver);
        pending(api, requester, 29);
        Measured thirty = measure(approver);

        System.out.printf("inbox: %d entries -> %d statements; %d entries -> %d statements%n", one.entries(),
                one.statements(), thirty.entries(), thirty.statements());
        assertThat(one.entries()).isEqualTo(before + 1);
        assertThat(thirty.entries()).isEqualTo(before + 30);
        assertThat(thirty.statements()).as("statements for %d entries vs %d", thirty.entries(), one.entries())
                .isEqualTo(one.statements());
        assertThat(one.statements()).as("statements of one inbox read").isBetween(1L, 6L);
    }

    record Measured(int entries, long statements) {
    }

    /** The fewest statements of three reads (background jobs of the shared context may add to one of them). */
    private Measured measure(PortalPrincipal approver) {
        Statistics statistics = statistics();
        statistics.setStatisticsEnabled(true);
        long fewest = Long.MAX_VALUE;
        int entries = -1;
        for (int i = 0; i < 3; i++) {
            statistics.clear();
            entries = approvals.inbox(approver).size();
            fewest = Math.min(fewest, statistics.getPrepareStatementCount());
        }
        statistics.setStatisticsEnabled(false);
        return new Measured(entries, fewest);
    }

    private Statistics statistics() {
        return entityManagers.unwrap(SessionFactory.class).getStatistics();
    }

    /** Glue requests in the sandbox, submitted: each waits for the network team. */
    private static List<String> pending(PortalApi api, String token, int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            var created = api.post("/api/v1/requests", token,
                    RequestBodies.glue("payments", RequestBodies.SANDBOX, "eu-west-1").toString());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asString();
            var submitted = api.post("/api/v1/requests/" + id + "/submit", token, "");
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
            return id;
        }).toList();
    }
}
