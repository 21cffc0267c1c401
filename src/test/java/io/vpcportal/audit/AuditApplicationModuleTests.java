package io.vpcportal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.account.AccountChanged;
import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.account.AccountSource;
import java.time.Instant;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit module started alone (with the platform it builds on, which brings the embedded PostgreSQL): another
 * module's event becomes one row in the transaction that published it, and PostgreSQL keeps the rows append-only.
 */
@ApplicationModuleTest(extraIncludes = "platform")
@ActiveProfiles("test")
class AuditApplicationModuleTests {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anEventBecomesARowInThePublishersTransactionWithTheExternalIdMasked() {
        String account = accountId();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> events.publishEvent(new AccountChanged(account, "ada", null,
                details(account, "ext-secret-1234"))));

        AuditPage page = trail.page(new AuditFilter(null, null, "ACCOUNT", account, null, null), null, 10);
        assertThat(page.items()).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("ada");
            assertThat(entry.action()).isEqualTo(AuditAction.ACCOUNT_REGISTERED.name());
            assertThat(entry.after()).contains("****1234").doesNotContain("ext-secret");
        });

        String rolledBack = accountId();
        tx.executeWithoutResult(status -> {
            events.publishEvent(new AccountChanged(rolledBack, "ada", null, details(rolledBack, null)));
            status.setRollbackOnly();
        });
        assertThat(trail.page(new AuditFilter(null, null, "ACCOUNT", rolledBack, null, null), null, 10).items())
                .as("a change that rolls back leaves no row").isEmpty();
    }

    @Test
    void postgresqlRefusesToChangeOrDeleteARow() {
        String account = accountId();
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(
                new AccountChanged(account, "ada", null, details(account, null))));

        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'mallory' where subject_id = ?")
                .param(account).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where subject_id = ?").param(account).update())
                .isInstanceOf(DataAccessException.class);
        assertThat(trail.page(new AuditFilter("ada", null, "ACCOUNT", account, null, null), null, 10).items())
                .hasSize(1);
    }

    private static String accountId() {
        return "8" + String.format("%011d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000_000L));
    }

    private static AccountDetails details(String account, String externalId) {
        return new AccountDetails(account, "audited", null, externalId, AccountEnvironment.NON_PRODUCTION,
                new TreeSet<>(), new TreeSet<>(), null, new TreeSet<>(), Instant.now(), AccountSource.HAND, true,
                null, new TreeMap<>());
    }
}
