package io.vpcportal.provisioning.internal;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** What the durable provisioning task runs: the runner for the job's operation (adopt, change or decommission, create). */
@Component
public class ProvisioningTaskBody {

    private final ProvisioningRunner runner;
    private final DayTwoRunner dayTwo;
    private final AdoptionRunner adoption;

    ProvisioningTaskBody(ProvisioningRunner runner, DayTwoRunner dayTwo, AdoptionRunner adoption) {
        this.runner = runner;
        this.dayTwo = dayTwo;
        this.adoption = adoption;
    }

    public void run(UUID requestId) {
        if (adoption.handles(requestId)) {
            adoption.run(requestId);
        } else if (dayTwo.handles(requestId)) {
            dayTwo.run(requestId);
        } else {
            runner.run(requestId);
        }
    }

    public void giveUp(UUID requestId, String lastError) {
        if (adoption.handles(requestId)) {
            adoption.giveUp(requestId, lastError);
        } else if (dayTwo.handles(requestId)) {
            dayTwo.giveUp(requestId, lastError);
        } else {
            runner.giveUp(requestId, lastError);
        }
    }
}
