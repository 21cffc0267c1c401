package io.vpcportal.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.DemoPortalTest;
import io.vpcportal.approval.ApprovalMode;
import io.vpcportal.approval.ApprovalNeeded;
import io.vpcportal.notification.DeliverySummary;
import io.vpcportal.notification.WebhookChange;
import io.vpcportal.notification.WebhookManagement;
import io.vpcportal.notification.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several dispatchers polling the same table at once, as several portal instances would (plus the scheduled
 * one of this portal): every delivery is sent exactly once.
 */
@DemoPortalTest
class WebhookDispatcherConcurrencyIntegrationTests {

    static final int EVENTS = 60;

    @Autowired
    WebhookDispatcher dispatcher;
    @Autowired
    WebhookManagement webhooks;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void concurrentPollsNeverSendOneDeliveryTwice() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().slowedDownBy(Duration.ofMillis(20))) {
            UUID webhookId = webhooks.create(new WebhookChange("busy", receiver.url(), Set.of("approval.needed"), true),
                    null, "admin").webhook().id();
            UUID requestId = UUID.randomUUID(); // no such request: the message then carries no request details
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                for (int stage = 1; stage <= EVENTS; stage++) {
                    events.publishEvent(new ApprovalNeeded(requestId, stage, "network", ApprovalMode.ANY));
                }
            });

            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Integer>> polls = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    polls.add(() -> {
                        int sent = 0;
                        for (int round = 0; round < 10; round++) {
                            sent += dispatcher.dispatchDue();
                        }
                        return sent;
                    });
                }
                for (Future<Integer> poll : pool.invokeAll(polls)) {
                    poll.get();
                }
            } finally {
                pool.shutdownNow();
            }

            List<WebhookReceiver.Received> got = receiver.await(EVENTS, r -> true, Duration.ofSeconds(30));
            List<DeliverySummary> log = webhooks.deliveries(webhookId, null, 200).items();
            assertThat(log).hasSize(EVENTS).allSatisfy(d -> assertThat(d.attempts()).isEqualTo(1));
            assertThat(got).extracting(r -> r.header("X-Portal-Delivery")).hasSize(EVENTS).doesNotHaveDuplicates();
            assertThat(got).extracting(r -> r.json().get("data").get("stage").asInt()).doesNotHaveDuplicates();
            webhooks.delete(webhookId);
        }
    }
}
