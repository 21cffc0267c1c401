package io.vpcportal.inventory;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.inventory.RegionSnapshot.ResourceType;
import io.vpcportal.inventory.SyncRunSummary.TargetResult;
import io.vpcportal.provisioning.AwsTarget;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one claimed sync: for every account its private hosted zones (Route 53 is global), then each allowed
 * region in turn. A region that cannot be read (role refused, access denied, throttled) marks its rows stale and
 * the run goes on; the run ends PARTIAL.
 */
@Component
class SyncRunner {

    private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);
    /** The "region" of an account's Route 53 read in the run history. */
    static final String GLOBAL = "global";

    private final AccountManagement accounts;
    private final InventoryGateway gateway;
    private final InventoryStore store;
    private final Baselines baselines;
    private final DriftCheck drift;
    private final SyncRuns runs;
    private final Clock clock;

    SyncRunner(AccountManagement accounts, InventoryGateway gateway, InventoryStore store, Baselines baselines,
            DriftCheck drift, SyncRuns runs, Clock clock) {
        this.accounts = accounts;
        this.gateway = gateway;
        this.store = store;
        this.baselines = baselines;
        this.drift = drift;
        this.runs = runs;
        this.clock = clock;
    }

    void run(UUID run) {
        try {
            var all = accounts.all();
            runs.started(run, all.stream().mapToInt(a -> a.regions().isEmpty() ? 0 : a.regions().size() + 1).sum(),
                    clock.instant());
            for (AccountDetails account : all) {
                if (!account.regions().isEmpty()) {
                    zones(run, account);
                }
                for (String region : account.regions()) {
                    sync(run, account, region);
                }
            }
            runs.finish(run, null, clock.instant());
        } catch (RuntimeException e) {
            log.error("Inventory sync {} failed", run, e);
            runs.finish(run, e.toString(), clock.instant());
        }
    }

    private void sync(UUID run, AccountDetails account, String region) {
        long start = System.nanoTime();
        AwsTarget target = new AwsTarget(account.id(), region, account.roleArn(), account.externalId(), run);
        try {
            RegionSnapshot snapshot = gateway.snapshot(target);
            InventoryStore.Applied applied = store.apply(account.id(), region, snapshot, clock.instant());
            baselines.ensure(account.id(), region, clock.instant());
            drift.check(account.id(), region);
            runs.targetDone(run, new TargetResult(account.id(), region, "SUCCEEDED", snapshot.endpoints().size(),
                    count(snapshot, ResourceType.VPC), count(snapshot, ResourceType.SUBNET),
                    count(snapshot, ResourceType.ROUTE_TABLE), count(snapshot, ResourceType.SECURITY_GROUP),
                    count(snapshot, ResourceType.NAT_GATEWAY), applied.rowsWritten(), millis(start), null, null),
                    applied.endpointsGone(), clock.instant());
        } catch (InventoryReadFailed e) {
            failed(run, account, region, start, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Inventory sync of {}/{} failed", account.id(), region, e);
            failed(run, account, region, start, "PortalError", e.toString());
        }
    }

    /**
     * The account's private hosted zones, once per run: Route 53 is global. Recorded as the account's target
     * {@value #GLOBAL}; a failure keeps the zones read before.
     */
    private void zones(UUID run, AccountDetails account) {
        long start = System.nanoTime();
        AwsTarget target = new AwsTarget(account.id(), account.regions().first(), account.roleArn(),
                account.externalId(), run);
        try {
            List<PrivateHostedZone> zones = gateway.privateZones(target);
            int written = store.applyZones(account.id(), zones, clock.instant());
            runs.targetDone(run, new TargetResult(account.id(), GLOBAL, "SUCCEEDED", 0, 0, 0, 0, 0, 0, written,
                    millis(start), null, null), 0, clock.instant());
        } catch (InventoryReadFailed e) {
            zonesFailed(run, account, start, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Reading the private hosted zones of {} failed", account.id(), e);
            zonesFailed(run, account, start, "PortalError", e.toString());
        }
    }

    private void zonesFailed(UUID run, AccountDetails account, long start, String code, String message) {
        runs.targetDone(run, new TargetResult(account.id(), GLOBAL, "FAILED", 0, 0, 0, 0, 0, 0, 0, millis(start), code,
                message), 0, clock.instant());
    }

    private void failed(UUID run, AccountDetails account, String region, long start, String code, String message) {
        int written = store.markStale(account.id(), region, clock.instant());
        runs.targetDone(run, new TargetResult(account.id(), region, "FAILED", 0, 0, 0, 0, 0, 0, written,
                millis(start), code, message), 0, clock.instant());
    }

    private static int count(RegionSnapshot snapshot, ResourceType type) {
        return (int) snapshot.count(type);
    }

    private static int millis(long start) {
        return (int) ((System.nanoTime() - start) / 1_000_000);
    }
}
