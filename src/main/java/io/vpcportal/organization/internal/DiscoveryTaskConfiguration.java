package io.vpcportal.organization.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.vpcportal.organization.OrganizationDiscovery;
import io.vpcportal.organization.OrganizationProperties;
import io.vpcportal.platform.DelayAfterRun;
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
        return Tasks.recurring(TASK, new DelayAfterRun(properties.discoveryInterval(), properties.initialDelay()))
                .execute((instance, context) -> discovery.scheduled());
    }
}
