package io.vpcportal.savings.internal;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.savings.LedgerKind;
import io.vpcportal.savings.MeasuredDay;
import io.vpcportal.savings.TrafficCollection;
import io.vpcportal.savings.internal.MeteredResources.Endpoint;
import io.vpcportal.savings.internal.MeteredResources.NatGateway;
import io.vpcportal.inventory.InventorySync;
import io.vpcportal.inventory.SyncRunSummary;
import io.vpcportal.inventory.UnitWork;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Collects one day's measured traffic of every known endpoint and NAT gateway into the ledger, as a run of units
 * (kind {@value #KIND}), one per account and region, that every portal instance takes a bounded number at a time
 * (the inventory's unit machinery: the same claims, concurrency, rate limits, throttling back-off and take-over).
 * Each unit replaces its account and region of the day; one whose calls fail keeps what the ledger had there. The
 * instance that closes the run prices the month again. Collecting a day again gives the same ledger.
 */
@Component
public class TrafficCollector implements UnitWork {

    static final String KIND = "TRAFFIC";
    /** How long an on-demand collection waits for its run (the run itself goes on if this runs out). */
    private static final Duration PATIENCE = Duration.ofMinutes(30);

    private static final Logger log = LoggerFactory.getLogger(TrafficCollector.class);

    private final MeteredResources resources;
    private final TrafficMeter meter;
    private final FlowLogLocations flowLogs;
    private final AccountManagement accounts;
    private final Ledger ledger;
    private final InventorySync runs;
    /**
     * The resources of the runs this instance works on, read once per run: (run id, "account|region") to them. The
     * instance that closes a run forgets it; the others keep the last few (one run a day).
     */
    private final Map<UUID, Map<String, Scoped>> byRun = Collections.synchronizedMap(
            new LinkedHashMap<>(4, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, Map<String, Scoped>> eldest) {
                    return size() > 4;
                }
            });

    private record Scoped(List<Endpoint> endpoints, List<NatGateway> nats) {
    }

    TrafficCollector(MeteredResources resources, TrafficMeter meter, FlowLogLocations flowLogs,
            AccountManagement accounts, Ledger ledger, @Lazy InventorySync runs) {
        this.resources = resources;
        this.meter = meter;
        this.flowLogs = flowLogs;
        this.accounts = accounts;
        this.ledger = ledger;
        this.runs = runs;
    }

    /** Collects {@code day} as a run of units and waits for it; Conflict while another collection runs. */
    public TrafficCollection collect(LocalDate day, String trigger, String by) {
        // inactive accounts (suspended, closed, gone from the organization) keep their ledger but are not measured
        Set<String> active = accounts.active().stream().map(AccountDetails::id).collect(Collectors.toSet());
        List<Target> targets = scoped().keySet().stream()
                .map(k -> new Target(k.substring(0, k.indexOf('|')), k.substring(k.indexOf('|') + 1)))
                .filter(t -> active.contains(t.accountId())).toList();
        UUID run = runs.start(this, day, trigger, by, targets);
        SyncRunSummary ended = runs.awaitEnd(run, PATIENCE);
        if (!ended.running()) {
            // the closing instance prices the month after the run's last commit: the caller must not read before it
            ledger.repriceDay(day);
        }
        Set<String> failedAccounts = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        int rows = 0;
        for (SyncRunSummary.TargetResult t : ended.targets()) {
            if ("FAILED".equals(t.status())) {
                failedAccounts.add(t.accountId());
                failures.add(t.accountId() + " " + t.region() + ": " + t.error());
            } else {
                rows += t.rowsWritten();
            }
        }
        Set<String> collected = new TreeSet<>();
        ended.targets().stream().filter(t -> "SUCCEEDED".equals(t.status())).map(SyncRunSummary.TargetResult::accountId)
                .filter(a -> !failedAccounts.contains(a)).forEach(collected::add);
        if (ended.running()) {
            failures.add("run " + run + " still running after " + PATIENCE + ": follow it under /api/v1/sync/runs/" + run);
        }
        return new TrafficCollection(day, rows, collected, failures);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Outcome run(Unit unit) {
        long start = System.nanoTime();
        String key = unit.accountId() + "|" + unit.region();
        Scoped scoped = byRun.computeIfAbsent(unit.run(), r -> scoped()).getOrDefault(key,
                new Scoped(List.of(), List.of()));
        Optional<AccountDetails> account = accounts.find(unit.accountId());
        TrafficMeter.Scope scope = new TrafficMeter.Scope(unit.accountId(), unit.region(),
                account.map(AccountDetails::roleArn).orElse(null), account.map(AccountDetails::externalId).orElse(null));
        try {
            List<MeasuredDay> rows = measure(scope, unit.day(), scoped.endpoints(), scoped.nats());
            ledger.replaceDay(unit.day(), unit.accountId(), unit.region(), rows);
            return Outcome.done(result(unit, "SUCCEEDED", rows.size(), start, null, null), 0);
        } catch (TrafficMeter.MeteringFailed e) {
            if (Outcome.throttling(e.code())) {
                return Outcome.throttled(e.code(), e.getMessage(), 0);
            }
            log.warn("Savings collection of {} in {} for {} failed: {}", unit.accountId(), unit.region(), unit.day(),
                    e.getMessage());
            return Outcome.failed(result(unit, "FAILED", 0, start, e.code() == null ? "MeteringFailed" : e.code(),
                    e.getMessage()), 0);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            log.warn("Savings collection of {} in {} for {} failed", unit.accountId(), unit.region(), unit.day(), e);
            return Outcome.failed(result(unit, "FAILED", 0, start, "PortalError", e.toString()), 0);
        }
    }

    @Override
    public Outcome gaveUp(Unit unit, String code, String message) {
        return Outcome.failed(result(unit, "FAILED", 0, System.nanoTime(), code, message), 0);
    }

    /** The last unit is done: price the day's month again (once per run, on the instance that closed it). */
    @Override
    public void closed(UUID run, LocalDate day) {
        byRun.remove(run);
        ledger.repriceDay(day);
    }

    private static SyncRunSummary.TargetResult result(Unit unit, String status, int rows, long start, String code,
            String error) {
        return new SyncRunSummary.TargetResult(unit.accountId(), unit.region(), status, 0, 0, 0, 0, 0, 0, rows,
                (int) ((System.nanoTime() - start) / 1_000_000), code, error, null, 0, 0);
    }

    /** Metered endpoints and NAT gateways by "account|region". */
    private Map<String, Scoped> scoped() {
        Map<String, List<Endpoint>> endpoints = resources.endpoints().stream()
                .collect(Collectors.groupingBy(e -> e.accountId() + "|" + e.region(), LinkedHashMap::new, Collectors.toList()));
        Map<String, List<NatGateway>> nats = resources.natGateways().stream()
                .collect(Collectors.groupingBy(n -> n.accountId() + "|" + n.region(), LinkedHashMap::new, Collectors.toList()));
        Set<String> keys = new TreeSet<>(endpoints.keySet());
        keys.addAll(nats.keySet());
        Map<String, Scoped> scoped = new LinkedHashMap<>();
        keys.forEach(k -> scoped.put(k, new Scoped(endpoints.getOrDefault(k, List.of()), nats.getOrDefault(k, List.of()))));
        return scoped;
    }

    private List<MeasuredDay> measure(TrafficMeter.Scope scope, LocalDate day, List<Endpoint> endpoints,
            List<NatGateway> nats) {
        List<MeasuredDay> rows = new ArrayList<>();
        List<Endpoint> metered = endpoints.stream().filter(e -> e.kind() != LedgerKind.GATEWAY).toList();
        if (!metered.isEmpty()) {
            Map<String, Long> bytes = meter.endpointBytes(scope, metered, day);
            for (Endpoint e : metered) {
                rows.add(row(day, e, bytes.getOrDefault(e.endpointId(), 0L)));
            }
        }
        if (!nats.isEmpty()) {
            Map<String, Long> bytes = meter.natGatewayBytes(scope, nats.stream().map(NatGateway::natGatewayId).toList(), day);
            for (NatGateway n : nats) {
                rows.add(new MeasuredDay(day, n.natGatewayId(), LedgerKind.NAT, n.requestId(), n.team(), n.accountId(),
                        n.region(), n.vpcId(), "nat-gateway", 0, bytes.getOrDefault(n.natGatewayId(), 0L)));
            }
        }
        List<Endpoint> gateways = endpoints.stream().filter(e -> e.kind() == LedgerKind.GATEWAY).toList();
        var location = flowLogs.of(scope.accountId());
        if (location.isPresent() && (!gateways.isEmpty() || !nats.isEmpty())) {
            FlowLogTotals totals = new FlowLogTotals();
            meter.flowLogFiles(scope, location.get().bucket(), location.get().prefix(), day, totals::add);
            Set<String> counted = new TreeSet<>();
            for (Endpoint e : gateways) {
                String service = e.flowLogService();
                // two gateway endpoints of one service in one VPC (other route tables): the bytes go to the first
                long bytes = service == null || !counted.add(e.vpcId() + "/" + service) ? 0
                        : totals.viaGatewayEndpoint(e.vpcId(), service);
                rows.add(row(day, e, bytes));
            }
            for (NatGateway n : nats) {
                for (String service : FlowLogTotals.SERVICES) {
                    boolean hasEndpoint = gateways.stream().anyMatch(g -> g.vpcId().equals(n.vpcId())
                            && service.equals(g.flowLogService()));
                    long missed = totals.viaInternetGateway(n.vpcId(), service);
                    if (!hasEndpoint && missed > 0 && counted.add(n.vpcId() + "/" + service + "/missed")) {
                        rows.add(new MeasuredDay(day, n.vpcId() + "/" + service, LedgerKind.MISSED, n.requestId(),
                                n.team(), n.accountId(), n.region(), n.vpcId(), service.toLowerCase(Locale.ROOT)
                                + " via NAT", 0, missed));
                    }
                }
            }
        } else {
            gateways.forEach(e -> rows.add(row(day, e, 0)));
            if (!gateways.isEmpty()) {
                log.info("No flow-log location for account {}: its gateway endpoints are recorded with 0 bytes",
                        scope.accountId());
            }
        }
        return rows;
    }

    private static MeasuredDay row(LocalDate day, Endpoint e, long bytes) {
        return new MeasuredDay(day, e.endpointId(), e.kind(), e.requestId(), e.team(), e.accountId(), e.region(),
                e.vpcId(), e.serviceName(), e.enis(), bytes);
    }
}
