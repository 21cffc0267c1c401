package io.vpcportal.demo;

import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.inventory.DemoSnapshots;
import io.vpcportal.inventory.EndpointAdoption;
import io.vpcportal.inventory.InventorySync;
import io.vpcportal.provisioning.ProvisioningManagement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the sandbox account's inventory with {@link DemoWorld} through the inventory's own write path, once (when no
 * demo snapshot was ever recorded) and only in plan-only mode: with AWS configured the inventory is what AWS
 * reports. In three steps, as the demo's history would have gone: the network as built; the demo admin adopts the
 * serverless pipeline's endpoints (their approved state is recorded, provisioning plans their tags); then a
 * snapshot where the endpoints carry the portal's tags and the Glue endpoint's policy was widened by hand, which
 * the drift check reports. All in one transaction: a crash leaves no half-seeded world.
 */
@Component
@Profile("demo")
@Order(15)
class DemoInventory implements ApplicationRunner {

    static final String SEEDED_BY = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoInventory.class);

    private final DemoSnapshots snapshots;
    private final InventorySync sync;
    private final EndpointAdoption inventory;
    private final IdentityManagement identity;
    private final ProvisioningManagement provisioning;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoInventory(DemoSnapshots snapshots, InventorySync sync, EndpointAdoption inventory,
            IdentityManagement identity, ProvisioningManagement provisioning, TransactionTemplate tx,
            Clock clock) {
        this.snapshots = snapshots;
        this.sync = sync;
        this.inventory = inventory;
        this.identity = identity;
        this.provisioning = provisioning;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (sync.enabled()) {
            log.info("AWS is configured: the demo inventory is not seeded (the inventory shows what AWS reports)");
            return;
        }
        if (snapshots.present()) {
            return;
        }
        PortalPrincipal admin = identity.loadPrincipal("admin").orElse(null);
        if (admin == null) {
            log.warn("No demo admin: the demo inventory is not seeded");
            return;
        }
        Instant created = createdAt(LocalDate.now(clock));
        tx.executeWithoutResult(status -> {
            snapshots.record(DemoData.SANDBOX, DemoWorld.regions(created, false, Map.of()), SEEDED_BY);
            Map<String, SortedMap<String, String>> tags = new TreeMap<>();
            for (String endpoint : DemoWorld.ADOPTED) {
                UUID request = inventory.adopt(admin, endpoint, "payments").summary().requestId();
                provisioning.tagsOf(request, 0).ifPresent(t -> tags.put(endpoint, t));
            }
            snapshots.record(DemoData.SANDBOX, DemoWorld.regions(created, true, tags), SEEDED_BY);
        });
        log.info("Demo inventory seeded in account {}: VPCs {} (standard), {} (serverless), {} (Datadog); "
                + "this is demo data, not read from AWS", DemoData.SANDBOX, DemoWorld.STANDARD, DemoWorld.SERVERLESS,
                DemoWorld.DATADOG);
    }

    /** Ten days before the demo's traffic starts (the first of the month five months back). */
    static Instant createdAt(LocalDate today) {
        return DemoSavings.firstDay(today).minusDays(10).atTime(9, 0).toInstant(ZoneOffset.UTC);
    }
}
