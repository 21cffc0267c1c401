package io.vpcportal.demo;

import io.vpcportal.inventory.DemoSnapshots;
import io.vpcportal.inventory.MeteredInventory;
import io.vpcportal.inventory.MeteredInventory.CurrentEndpoint;
import io.vpcportal.inventory.MeteredInventory.CurrentNatGateway;
import io.vpcportal.savings.LedgerKind;
import io.vpcportal.savings.MeasuredDay;
import io.vpcportal.savings.SavingsManagement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Six months of measured traffic for exactly what the demo inventory holds (its endpoints and NAT gateways, read
 * back from the inventory, with their requests), so that the savings dashboard has a trend and every id on it opens
 * in the inventory: the serverless pipeline's S3 gateway (two instances' worth, 2 x 100 GB a day and growing),
 * Glue and RDS Data API endpoints, the hand-made CloudWatch Logs endpoint that does not pay for itself, the
 * Datadog endpoint, the standard VPC's NAT gateway, and the S3 and DynamoDB traffic that NAT gateway still carries
 * (the missed savings behind the coverage gap). Seeded once (when the ledger is empty) after the demo inventory.
 */
@Component
@Profile("demo")
@Order(20)
class DemoSavings implements ApplicationRunner {

    static final long GIB = 1L << 30;
    static final String TEAM = "payments";
    private static final Logger log = LoggerFactory.getLogger(DemoSavings.class);

    private final SavingsManagement savings;
    private final MeteredInventory inventory;
    private final DemoSnapshots snapshots;

    DemoSavings(SavingsManagement savings, MeteredInventory inventory, DemoSnapshots snapshots) {
        this.savings = savings;
        this.inventory = inventory;
        this.snapshots = snapshots;
    }

    /** The demo's first measured day: the first of the month five months back. */
    static LocalDate firstDay(LocalDate today) {
        return today.withDayOfMonth(1).minusMonths(5);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (savings.firstLedgerDay() != null) {
            return;
        }
        if (!snapshots.present()) {
            log.info("No demo inventory: the demo savings ledger is not seeded (its ids would open nothing)");
            return;
        }
        List<CurrentEndpoint> endpoints = inventory.endpoints().stream()
                .filter(e -> e.accountId().equals(DemoData.SANDBOX)).toList();
        List<CurrentNatGateway> nats = inventory.natGateways().stream()
                .filter(n -> n.accountId().equals(DemoData.SANDBOX)).toList();
        LocalDate today = savings.today();
        LocalDate first = firstDay(today);
        List<MeasuredDay> days = new ArrayList<>();
        for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
            long growth = 100 + ChronoUnit.DAYS.between(first, day); // traffic grows over the months
            for (CurrentEndpoint e : endpoints) {
                days.add(new MeasuredDay(day, e.id(), kind(e), e.requestId(), TEAM, e.accountId(), e.region(),
                        e.vpcId(), e.serviceName(), e.networkInterfaces(), endpointBytes(e.id(), growth)));
            }
            for (CurrentNatGateway n : nats) {
                days.add(new MeasuredDay(day, n.id(), LedgerKind.NAT, null, TEAM, n.accountId(), n.region(), n.vpcId(),
                        "nat-gateway", 0, 40 * GIB));
                if (n.vpcId().equals(DemoWorld.STANDARD)) {
                    // two instances uploading about 100 GB a day each to S3, through NAT: the missed saving
                    days.add(missed(day, n, "S3", 2 * growth * GIB));
                    days.add(missed(day, n, "DYNAMODB", 12 * GIB));
                }
            }
        }
        savings.record(days);
        log.info("Demo savings seeded: {} ledger rows from {} for {} endpoints and {} NAT gateways of the demo "
                + "inventory", days.size(), first, endpoints.size(), nats.size());
    }

    private static MeasuredDay missed(LocalDate day, CurrentNatGateway nat, String service, long bytes) {
        return new MeasuredDay(day, nat.vpcId() + "/" + service, LedgerKind.MISSED, null, TEAM, nat.accountId(),
                nat.region(), nat.vpcId(), service.toLowerCase(Locale.ROOT) + " via NAT", 0, bytes);
    }

    private static LedgerKind kind(CurrentEndpoint e) {
        return switch (e.endpointType().toLowerCase(Locale.ROOT)) {
            case "gateway" -> LedgerKind.GATEWAY;
            case "gatewayloadbalancer" -> LedgerKind.GATEWAY_LOAD_BALANCER;
            default -> LedgerKind.INTERFACE;
        };
    }

    /** A day's bytes per endpoint of the demo world; an endpoint it does not know carries none. */
    private static long endpointBytes(String id, long growth) {
        if (id.equals(DemoWorld.S3_ENDPOINT)) {
            return 2 * growth * GIB;
        }
        if (id.equals(DemoWorld.GLUE_ENDPOINT)) {
            return growth * GIB / 2;
        }
        if (id.equals(DemoWorld.RDS_DATA_ENDPOINT)) {
            return growth * GIB / 10;
        }
        if (id.equals(DemoWorld.DATADOG_ENDPOINT)) {
            return growth * GIB / 4;
        }
        return id.equals(DemoWorld.LOGS_ENDPOINT) ? GIB : 0;
    }
}
