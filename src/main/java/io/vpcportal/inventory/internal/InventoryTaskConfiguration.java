package io.vpcportal.inventory.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.vpcportal.inventory.InventorySync;
import io.vpcportal.platform.DelayAfterRun;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The scheduled sync: a db-scheduler recurring task, so one portal instance at a time picks it up; the run
 * itself is also claimed in the run table, so it never overlaps a "sync now".
 */
@Configuration(proxyBeanMethods = false)
class InventoryTaskConfiguration {

    static final String TASK = "inventory-sync";

    @Bean
    RecurringTask<Void> inventorySyncTask(InventoryProperties properties, @Lazy InventorySync sync) {
        return Tasks.recurring(TASK, new DelayAfterRun(properties.syncInterval(), properties.initialDelay()))
                .execute((instance, context) -> sync.scheduledSync());
    }
}
