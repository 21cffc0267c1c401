package io.vpcportal.inventory.internal;

import io.vpcportal.inventory.PrivateHostedZone;
import io.vpcportal.inventory.RegionSnapshot;
import io.vpcportal.inventory.UnitWork;
import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.aws.AwsTarget;
import io.vpcportal.inventory.RegionSnapshot.ResourceType;
import io.vpcportal.inventory.SyncRunSummary.TargetResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The inventory's units of work: one per (account, allowed region) for its EC2 reads, and one per account for its
 * private hosted zones (Route 53 is global). A unit that cannot be read (role refused, access denied) marks its
 * rows stale and fails alone; a throttled one is handed back to be retried later.
 */
@Component
public class SyncRunner implements UnitWork {

    private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);
    /** The "region" of an account's Route 53 read in the run history. */
    static final String GLOBAL = "global";
    public static final String KIND = "INVENTORY";

    private final AccountManagement accounts;
    private final InventoryGateway gateway;
    private final InventoryStore store;
    private final Baselines baselines;
    private final DriftCheck drift;
    private final Clock clock;

    SyncRunner(AccountManagement accounts, InventoryGateway gateway, InventoryStore store, Baselines baselines,
            DriftCheck drift, Clock clock) {
        this.accounts = accounts;
        this.gateway = gateway;
        this.store = store;
        this.baselines = baselines;
        this.drift = drift;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * The accounts a sync covers: the one place that decides it. Inactive accounts (suspended, closed or gone from
     * the organization) keep their rows and history but are not read again.
     */
    List<AccountDetails> accountsToSync() {
        return accounts.active();
    }

    /** Every (account, region) plus (account, {@value #GLOBAL}) of accounts with at least one region. */
    public List<String[]> targets() {
        List<String[]> targets = new ArrayList<>();
        for (AccountDetails account : accountsToSync()) {
            if (!account.regions().isEmpty()) {
                targets.add(new String[] {account.id(), GLOBAL});
            }
            account.regions().forEach(region -> targets.add(new String[] {account.id(), region}));
        }
        return targets;
    }

    @Override
    public Outcome run(UnitWork.Unit unit) {
        AccountDetails account = accounts.find(unit.accountId()).orElse(null);
        if (account == null) {
            return Outcome.failed(new TargetResult(unit.accountId(), unit.region(), "FAILED", 0, 0, 0, 0, 0, 0, 0, 0,
                    "AccountRemoved", "the account was removed after the run started", null, 0, 0), 0);
        }
        return GLOBAL.equals(unit.region()) ? zones(unit, account) : region(unit, account);
    }

    private Outcome region(UnitWork.Unit unit, AccountDetails account) {
        long start = System.nanoTime();
        String region = unit.region();
        AtomicInteger calls = new AtomicInteger();
        AwsTarget target = new AwsTarget(account.id(), region, account.roleArn(), account.externalId(), unit.run());
        try {
            RegionSnapshot snapshot = gateway.snapshot(target, calls);
            InventoryStore.Applied applied = store.apply(account.id(), region, snapshot, clock.instant());
            baselines.ensure(account.id(), region, clock.instant());
            drift.check(account.id(), region);
            return Outcome.done(new TargetResult(account.id(), region, "SUCCEEDED", snapshot.endpoints().size(),
                    count(snapshot, ResourceType.VPC), count(snapshot, ResourceType.SUBNET),
                    count(snapshot, ResourceType.ROUTE_TABLE), count(snapshot, ResourceType.SECURITY_GROUP),
                    count(snapshot, ResourceType.NAT_GATEWAY), applied.rowsWritten(), millis(start), null, null, null,
                    0, calls.get()), applied.endpointsGone());
        } catch (InventoryReadFailed e) {
            if (Outcome.throttling(e.code())) {
                return Outcome.throttled(e.code(), e.getMessage(), calls.get());
            }
            return failed(account, region, start, e.code(), e.getMessage(), calls.get());
        } catch (RuntimeException e) {
            log.warn("Inventory sync of {}/{} failed", account.id(), region, e);
            return failed(account, region, start, "PortalError", e.toString(), calls.get());
        }
    }

    /**
     * The account's private hosted zones, once per run: Route 53 is global. Recorded as the account's target
     * {@value #GLOBAL}; a failure keeps the zones read before.
     */
    private Outcome zones(UnitWork.Unit unit, AccountDetails account) {
        long start = System.nanoTime();
        AtomicInteger calls = new AtomicInteger();
        AwsTarget target = new AwsTarget(account.id(), account.regions().isEmpty() ? "us-east-1"
                : account.regions().first(), account.roleArn(), account.externalId(), unit.run());
        try {
            List<PrivateHostedZone> zones = gateway.privateZones(target, calls);
            int written = store.applyZones(account.id(), zones, clock.instant());
            return Outcome.done(new TargetResult(account.id(), GLOBAL, "SUCCEEDED", 0, 0, 0, 0, 0, 0, written,
                    millis(start), null, null, null, 0, calls.get()), 0);
        } catch (InventoryReadFailed e) {
            if (Outcome.throttling(e.code())) {
                return Outcome.throttled(e.code(), e.getMessage(), calls.get());
            }
            return zonesFailed(account, start, e.code(), e.getMessage(), calls.get());
        } catch (RuntimeException e) {
            log.warn("Reading the private hosted zones of {} failed", account.id(), e);
            return zonesFailed(account, start, "PortalError", e.toString(), calls.get());
        }
    }

    @Override
    public Outcome gaveUp(UnitWork.Unit unit, String code, String message) {
        if (GLOBAL.equals(unit.region())) {
            return Outcome.failed(new TargetResult(unit.accountId(), GLOBAL, "FAILED", 0, 0, 0, 0, 0, 0, 0, 0, code,
                    message, null, 0, 0), 0);
        }
        int written = store.markStale(unit.accountId(), unit.region(), clock.instant());
        return Outcome.failed(new TargetResult(unit.accountId(), unit.region(), "FAILED", 0, 0, 0, 0, 0, 0, written, 0,
                code, message, null, 0, 0), 0);
    }

    private Outcome zonesFailed(AccountDetails account, long start, String code, String message, int calls) {
        return Outcome.failed(new TargetResult(account.id(), GLOBAL, "FAILED", 0, 0, 0, 0, 0, 0, 0, millis(start), code,
                message, null, 0, calls), 0);
    }

    private Outcome failed(AccountDetails account, String region, long start, String code, String message, int calls) {
        int written = store.markStale(account.id(), region, clock.instant());
        return Outcome.failed(new TargetResult(account.id(), region, "FAILED", 0, 0, 0, 0, 0, 0, written,
                millis(start), code, message, null, 0, calls), 0);
    }

    private static int count(RegionSnapshot snapshot, ResourceType type) {
        return (int) snapshot.count(type);
    }

    private static int millis(long start) {
        return (int) ((System.nanoTime() - start) / 1_000_000);
    }
}
