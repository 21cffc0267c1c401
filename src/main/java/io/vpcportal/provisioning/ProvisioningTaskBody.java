package io.vpcportal.provisioning;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** What the durable provisioning task runs; kept public so the task's configuration can reach the runner. */
@Component
public class ProvisioningTaskBody {

    private final ProvisioningRunner runner;

    ProvisioningTaskBody(ProvisioningRunner runner) {
        this.runner = runner;
    }

    public void run(UUID requestId) {
        runner.run(requestId);
    }

    public void giveUp(UUID requestId, String lastError) {
        runner.giveUp(requestId, lastError);
    }
}
