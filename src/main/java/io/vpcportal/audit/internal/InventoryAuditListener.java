package io.vpcportal.audit.internal;

import static io.vpcportal.audit.AuditAction.DRIFT_ACCEPTED;
import static io.vpcportal.audit.AuditAction.DRIFT_RECONCILE_REQUESTED;
import static io.vpcportal.audit.AuditAction.ENDPOINT_ADOPTED;
import static io.vpcportal.audit.AuditAction.ENDPOINT_ADOPTION_REQUESTED;
import static io.vpcportal.audit.AuditAction.SYNC_RUN_CANCELLED;
import static io.vpcportal.audit.AuditSubjectType.ENDPOINT;
import static io.vpcportal.audit.AuditSubjectType.SYNC_RUN;

import io.vpcportal.inventory.DriftAccepted;
import io.vpcportal.inventory.DriftReconcileRequested;
import io.vpcportal.inventory.EndpointAdopted;
import io.vpcportal.inventory.EndpointAdoptionRequested;
import io.vpcportal.inventory.SyncRunCancelled;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Adoptions (direct and requested), accepted and reconciled drift, in the transaction that records them; the subject is the endpoint id. */
@Component
class InventoryAuditListener {

    private final AuditWriter audit;
    private final Clock clock;

    InventoryAuditListener(AuditWriter audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(EndpointAdopted event) {
        audit.write(clock.instant(), event.by(), ENDPOINT_ADOPTED, ENDPOINT, event.vpcEndpointId(), null,
                AuditWriter.fields("requestId", event.requestId(), "team", event.team()),
                "Adopted as request " + event.requestId());
    }

    @EventListener
    void on(EndpointAdoptionRequested event) {
        audit.write(clock.instant(), event.by(), ENDPOINT_ADOPTION_REQUESTED, ENDPOINT, event.vpcEndpointId(), null,
                AuditWriter.fields("requestId", event.requestId(), "team", event.team()),
                "Adoption for team " + event.team() + " requested as request " + event.requestId()
                        + ": it goes through approval, then the endpoint is tagged (nothing is created)");
    }

    @EventListener
    void on(DriftAccepted event) {
        audit.write(clock.instant(), event.by(), DRIFT_ACCEPTED, ENDPOINT, event.vpcEndpointId(), event.before(),
                event.after(), "Actual state accepted as approved for request " + event.requestId() + ": "
                        + event.reason());
    }

    @EventListener
    void on(DriftReconcileRequested event) {
        audit.write(clock.instant(), event.by(), DRIFT_RECONCILE_REQUESTED, ENDPOINT, event.vpcEndpointId(), null,
                event.approved(), "Reconcile of " + event.drift() + " requested as change " + event.changeId()
                        + " of request " + event.requestId() + ": the approved state goes back through approval");
    }

    @EventListener
    void on(SyncRunCancelled event) {
        audit.write(clock.instant(), event.by(), SYNC_RUN_CANCELLED, SYNC_RUN, event.runId().toString(), null,
                AuditWriter.fields("kind", event.kind(), "unitsDone", event.unitsDone(), "unitsTotal",
                        event.unitsTotal()), "Run cancelled after " + event.unitsDone() + " of " + event.unitsTotal()
                        + " units: the pending ones were dropped, the running ones finish");
    }
}
