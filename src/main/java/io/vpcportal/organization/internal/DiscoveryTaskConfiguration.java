package io.vpcportal.organization.internal;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import io.vpcportal.organization.OrganizationDiscovery;
import io.vpcportal.organization.OrganizationProperties;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The scheduled discovery: a db-scheduler recurring task, so that one portal instance at a time runs it. It does
 * nothing while no organization source is saved.
 */
@Configuration(proxyBeanMethods = false)
class DiscoveryTaskConfiguration {

    static final String TASK = "organization-discovery";

    @Bean
    RecurringTask<Void> organizationDiscoveryTask(OrganizationProperties properties,
            @Lazy OrganizationDiscovery discovery) {
        return Tasks.recurring(TASK, new AfterDelay(properties.discoveryInterval(), properties.initialDelay()))
                .execute((instance, context) -> discovery.scheduled());
    }

    /** Fixed delay after each run, with its own delay after start-up. */
    record AfterDelay(Duration interval, Duration initialDelay) implements Schedule {

        @Override
        public Instant getNextExecutionTime(ExecutionComplete done) {
            return done.getTimeDone().plus(interval);
        }

        @Override
        public Instant getInitialExecutionTime(Instant now) {
            return now.plus(initialDelay);
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }
    }
}
