package io.vpcportal.savings.internal;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.savings.LedgerKind;
import io.vpcportal.savings.MeasuredDay;
import io.vpcportal.savings.TrafficCollection;
import io.vpcportal.savings.internal.MeteredResources.Endpoint;
import io.vpcportal.savings.internal.MeteredResources.NatGateway;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Collects one day's measured traffic of every known endpoint and NAT gateway into the ledger, per account and
 * region. An account whose calls fail keeps what the ledger had for the day; the others' rows of the day are
 * replaced, so collecting a day again gives the same ledger.
 */
@Component
public class TrafficCollector {

    private static final Logger log = LoggerFactory.getLogger(TrafficCollector.class);

    private final MeteredResources resources;
    private final TrafficMeter meter;
    private final FlowLogLocations flowLogs;
    private final AccountManagement accounts;
    private final Ledger ledger;

    TrafficCollector(MeteredResources resources, TrafficMeter meter, FlowLogLocations flowLogs,
            AccountManagement accounts, Ledger ledger) {
        this.resources = resources;
        this.meter = meter;
        this.flowLogs = flowLogs;
        this.accounts = accounts;
        this.ledger = ledger;
    }

    public TrafficCollection collect(LocalDate day) {
        List<Endpoint> endpoints = resources.endpoints();
        List<NatGateway> nats = resources.natGateways();
        Map<String, List<Endpoint>> endpointsByScope = endpoints.stream()
                .collect(Collectors.groupingBy(e -> e.accountId() + "|" + e.region(), LinkedHashMap::new, Collectors.toList()));
        Map<String, List<NatGateway>> natsByScope = nats.stream()
                .collect(Collectors.groupingBy(n -> n.accountId() + "|" + n.region(), LinkedHashMap::new, Collectors.toList()));
        Set<String> scopes = new TreeSet<>(endpointsByScope.keySet());
        scopes.addAll(natsByScope.keySet());

        List<MeasuredDay> rows = new ArrayList<>();
        Set<String> collected = new TreeSet<>();
        Set<String> failedAccounts = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        for (String key : scopes) {
            String accountId = key.substring(0, key.indexOf('|'));
            String region = key.substring(key.indexOf('|') + 1);
            Optional<AccountDetails> account = accounts.find(accountId);
            TrafficMeter.Scope scope = new TrafficMeter.Scope(accountId, region,
                    account.map(AccountDetails::roleArn).orElse(null), account.map(AccountDetails::externalId).orElse(null));
            try {
                rows.addAll(measure(scope, day, endpointsByScope.getOrDefault(key, List.of()),
                        natsByScope.getOrDefault(key, List.of())));
                collected.add(accountId);
            } catch (TrafficMeter.MeteringFailed | java.io.UncheckedIOException e) {
                log.warn("Savings collection of {} in {} for {} failed: {}", accountId, region, day, e.getMessage());
                failures.add(accountId + " " + region + ": " + e.getMessage());
                failedAccounts.add(accountId);
            }
        }
        collected.removeAll(failedAccounts);
        List<MeasuredDay> kept = rows.stream().filter(r -> collected.contains(r.accountId())).toList();
        ledger.replaceDay(day, collected, kept);
        return new TrafficCollection(day, kept.size(), collected, failures);
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
                                n.team(), n.accountId(), n.region(), n.vpcId(), service.toLowerCase(java.util.Locale.ROOT)
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
