package io.vpcportal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.approval.ApprovalMode;
import io.vpcportal.approval.ApprovalNeeded;
import io.vpcportal.audit.AuditFilter;
import io.vpcportal.audit.AuditTrail;
import io.vpcportal.notification.WebhookChange;
import io.vpcportal.notification.WebhookManagement;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit row and the webhook delivery of a change are written in the change's own transaction: they
 * commit with it, and vanish with it when it rolls back.
 */
@DemoPortalTest
class ListenersShareTheChangesTransactionIntegrationTests {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    AuditTrail audit;
    @Autowired
    WebhookManagement webhooks;

    UUID webhookId;

    @BeforeEach
    void webhook() {
        // never reachable, and disabled right after the event so that the delivery stays in the log untouched
        webhookId = webhooks.create(new WebhookChange("tx", "http://127.0.0.1:9/never", Set.of("approval.needed"),
                true), null, "admin").webhook().id();
    }

    @AfterEach
    void remove() {
        webhooks.delete(webhookId);
    }

    @Test
    void aCommittedChangeLeavesOneRowAndOneDelivery() {
        UUID requestId = UUID.randomUUID();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new ApprovalNeeded(requestId, 1, "network", ApprovalMode.ALL));
            webhooks.enable(webhookId, false);
        });

        assertThat(audit.page(subject(requestId), null, 10).items()).hasSize(1);
        assertThat(webhooks.deliveries(webhookId, null, 10).items()).hasSize(1);
    }

    @Test
    void aRolledBackChangeLeavesNeither() {
        UUID requestId = UUID.randomUUID();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new ApprovalNeeded(requestId, 1, "network", ApprovalMode.ALL));
            webhooks.enable(webhookId, false);
            status.setRollbackOnly();
        });

        assertThat(audit.page(subject(requestId), null, 10).items()).isEmpty();
        assertThat(webhooks.deliveries(webhookId, null, 10).items()).isEmpty();
    }

    private static AuditFilter subject(UUID requestId) {
        return new AuditFilter(null, null, "REQUEST", requestId.toString(), null, null);
    }
}
