package io.vpcportal.provisioning;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** What the durable provisioning task runs; kept public so the task's configuration can reach the runner. */
@Component
public class ProvisioningTaskBody {

    private final ProvisioningRunner runner;
    private final DayTwoRunner dayTwo;

    ProvisioningTaskBody(ProvisioningRunner runner, DayTwoRunner dayTwo) {
        this.runner = runner;
        this.dayTwo = dayTwo;
    }

    public void run(UUID requestId) {
        if (dayTwo.handles(requestId)) {
            dayTwo.run(requestId);
        } else {
            runner.run(requestId);
        }
    }

    public void giveUp(UUID requestId, String lastError) {
        if (dayTwo.handles(requestId)) {
            dayTwo.giveUp(requestId, lastError);
        } else {
            runner.giveUp(requestId, lastError);
        }
    }
}
