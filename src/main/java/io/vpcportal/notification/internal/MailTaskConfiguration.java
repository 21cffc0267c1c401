package io.vpcportal.notification.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.vpcportal.notification.MailNotificationProperties;
import io.vpcportal.platform.DelayAfterRun;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The SLA reminder check: a db-scheduler recurring task, so one portal instance at a time runs it. */
@Configuration(proxyBeanMethods = false)
class MailTaskConfiguration {

    static final String TASK = "notification-sla-reminders";

    @Bean
    RecurringTask<Void> slaReminderTask(MailNotificationProperties properties, @Lazy SlaReminders reminders) {
        return Tasks.recurring(TASK, new DelayAfterRun(properties.slaCheckInterval(), properties.slaCheckInterval()))
                .execute((instance, context) -> reminders.remindOverdue());
    }
}
