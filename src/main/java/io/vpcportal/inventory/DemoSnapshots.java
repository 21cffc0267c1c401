package io.vpcportal.inventory;

import io.vpcportal.inventory.internal.Baselines;
import io.vpcportal.inventory.internal.DriftCheck;
import io.vpcportal.inventory.internal.InventoryStore;
import io.vpcportal.inventory.internal.SyncRuns;
import io.vpcportal.inventory.RegionSnapshot.ResourceType;
import io.vpcportal.inventory.SyncRunSummary.TargetResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data for the inventory when the portal does not call AWS (plan-only mode): snapshots go through the same
 * store, baselines and drift check as a sync's, and the run history records them as a run with trigger
 * {@code DEMO}, no AWS calls, so that the pages can say the rows are demo data and not what AWS reported.
 */
@Service
public class DemoSnapshots {

    private final InventoryStore store;
    private final Baselines baselines;
    private final DriftCheck drift;
    private final SyncRuns runs;
    private final InventorySync sync;
    private final Clock clock;

    DemoSnapshots(InventoryStore store, Baselines baselines, DriftCheck drift, SyncRuns runs, InventorySync sync,
            Clock clock) {
        this.store = store;
        this.baselines = baselines;
        this.drift = drift;
        this.runs = runs;
        this.sync = sync;
        this.clock = clock;
    }

    /** Whether the inventory holds demo rows (a demo snapshot was ever recorded). */
    public boolean present() {
        return runs.demoSeeded();
    }

    /**
     * Records one account's regions as they are in the demo, as one finished run by {@code by}. Refused when the
     * portal calls AWS: demo rows would then mix with what AWS reports (and the next sync would remove them).
     */
    @Transactional
    public SyncRunSummary record(String accountId, SortedMap<String, RegionSnapshot> regions, String by) {
        if (sync.enabled()) {
            throw new IllegalStateException("AWS is configured: the inventory holds what AWS reports, not demo data");
        }
        List<TargetResult> targets = new ArrayList<>();
        int gone = 0;
        for (Map.Entry<String, RegionSnapshot> region : regions.entrySet()) {
            RegionSnapshot snapshot = region.getValue();
            InventoryStore.Applied applied = store.apply(accountId, region.getKey(), snapshot, clock.instant());
            baselines.ensure(accountId, region.getKey(), clock.instant());
            int written = applied.rowsWritten() + drift.check(accountId, region.getKey());
            gone += applied.endpointsGone();
            targets.add(new TargetResult(accountId, region.getKey(), "SUCCEEDED", snapshot.endpoints().size(),
                    (int) snapshot.count(ResourceType.VPC), (int) snapshot.count(ResourceType.SUBNET),
                    (int) snapshot.count(ResourceType.ROUTE_TABLE), (int) snapshot.count(ResourceType.SECURITY_GROUP),
                    (int) snapshot.count(ResourceType.NAT_GATEWAY), written, 0, null, null, "demo seed", 1, 0));
        }
        return runs.find(runs.recordSeed(by, targets, gone, clock.instant())).orElseThrow();
    }
}
