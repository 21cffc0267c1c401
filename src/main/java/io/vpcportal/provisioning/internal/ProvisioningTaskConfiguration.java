package io.vpcportal.provisioning.internal;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.vpcportal.provisioning.ProvisioningProperties;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The durable task behind provisioning: one instance per request (its id), claimed by one portal instance at
 * a time with heartbeats, retried with exponential backoff up to the attempt cap, then failed for an operator.
 */
@Configuration(proxyBeanMethods = false)
class ProvisioningTaskConfiguration {

    static final String TASK = "provision-request";

    @Bean
    OneTimeTask<Void> provisionTask(ProvisioningProperties properties, @Lazy ProvisioningTaskBody body) {
        return Tasks.oneTime(TASK)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(properties.maxAttempts(),
                        new FailureHandler.ExponentialBackoffFailureHandler<>(properties.initialBackoff()),
                        (complete, operations) -> body.giveUp(UUID.fromString(complete.getExecution().taskInstance.getId()),
                                complete.getCause().map(Throwable::getMessage).orElse("unknown error"))))
                .execute((instance, context) -> body.run(UUID.fromString(instance.getId())));
    }
}
