package io.vpcportal.inventory;

import io.vpcportal.inventory.internal.Baselines;
import io.vpcportal.inventory.internal.DriftCheck;
import io.vpcportal.inventory.internal.InventoryStore;
import io.vpcportal.inventory.internal.Drift.Approved;
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

    /**
     * Writes {@code snapshot} as a successful sync of the account and region would, but adds to the region: rows
     * already there (the demo world's, other tests') are not counted as missed, so that tests sharing a context
     * do not remove each other's rows.
     */
    public void apply(String accountId, String region, RegionSnapshot snapshot) {
        org.springframework.jdbc.core.JdbcTemplate jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        java.util.List<String> endpoints = new java.util.ArrayList<>(jdbc.queryForList("select vpc_endpoint_id from inventory_endpoint where "
                + "account_id = ? and region = ? and gone_at is null and missed_syncs = 0", String.class, accountId, region));
        java.util.List<String> resources = new java.util.ArrayList<>(jdbc.queryForList("select resource_id from inventory_resource where "
                + "account_id = ? and region = ? and missed_syncs = 0", String.class, accountId, region));
        context.getBean(InventoryStore.class).apply(accountId, region, snapshot, Instant.now());
        snapshot.endpoints().forEach(e -> endpoints.remove(e.id()));
        snapshot.resources().forEach(r -> resources.remove(r.id()));
        endpoints.forEach(id -> jdbc.update("update inventory_endpoint set missed_syncs = 0, gone_at = null "
                + "where vpc_endpoint_id = ?", id));
        resources.forEach(id -> jdbc.update("update inventory_resource set missed_syncs = 0 where account_id = ? "
                + "and region = ? and resource_id = ?", accountId, region, id));
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
