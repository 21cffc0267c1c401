package io.vpcportal.platform;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;

/**
 * A db-scheduler schedule for the portal's recurring tasks (inventory sync, organization discovery): the next run
 * starts {@code interval} after the end of the last one, whatever it took, and the first one {@code initialDelay}
 * after start-up (db-scheduler's own fixed delay would start at once).
 */
public record DelayAfterRun(Duration interval, Duration initialDelay) implements Schedule {

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
