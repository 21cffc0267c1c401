package io.vpcportal.inventory.internal;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import io.vpcportal.inventory.InventorySync;
import io.vpcportal.inventory.InventoryProperties;
import java.time.Duration;
import java.time.Instant;
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
        return Tasks.recurring(TASK, new AfterDelay(properties.syncInterval(), properties.initialDelay()))
                .execute((instance, context) -> sync.scheduledSync());
    }

    /** Fixed delay after each run, with its own delay after start-up (db-scheduler's starts at once). */
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
