package io.vpcportal.inventory;

import io.vpcportal.inventory.Drift.Approved;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * Seeds the inventory of a test context without AWS, through the same store, baselines and drift check a sync
 * uses: for tests outside this package (the browser journeys) that need endpoints on the pages.
 */
public final class InventoryFixtures {

    private final ApplicationContext context;

    public InventoryFixtures(ApplicationContext context) {
        this.context = context;
    }

    /** Writes {@code snapshot} as a successful sync of the account and region would. */
    public void apply(String accountId, String region, RegionSnapshot snapshot) {
        context.getBean(InventoryStore.class).apply(accountId, region, snapshot, Instant.now());
    }

    /**
     * Records what was approved for a managed endpoint (its policy and route tables), then runs the drift check
     * of the region, as a sync does after baselines are taken.
     */
    public void approved(String accountId, String region, String endpointId, UUID requestId, int position,
            String policy, java.util.List<String> routeTableIds) {
        context.getBean(Baselines.class).record(endpointId, requestId, position, new Approved("REQUEST", policy,
                routeTableIds, java.util.List.of(), java.util.List.of(), false, "portal", Instant.now()));
        context.getBean(DriftCheck.class).check(accountId, region);
    }
}
