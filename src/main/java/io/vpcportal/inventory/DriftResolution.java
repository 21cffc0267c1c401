package io.vpcportal.inventory;

import io.vpcportal.catalog.PolicyChoice;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.inventory.internal.Baselines;
import io.vpcportal.inventory.internal.Drift;
import io.vpcportal.inventory.internal.InventoryStore;
import io.vpcportal.inventory.internal.InventoryVisibility;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.request.ChangeDraft;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestChanges;
import io.vpcportal.request.RequestDrafts;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What to do about a managed endpoint that drifted from its approved state: accept the actual state (admins), or ask
 * for the approved one to go back to AWS through a change request (the owning team and admins).
 */
@Service
public class DriftResolution {

    private final InventoryReads reads;
    private final Baselines baselines;
    private final InventoryStore store;
    private final RequestChanges requests;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DriftResolution(InventoryReads reads, Baselines baselines, InventoryStore store, RequestChanges requests,
            ApplicationEventPublisher events, Clock clock) {
        this.reads = reads;
        this.baselines = baselines;
        this.store = store;
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    /** Admins: records the endpoint's actual state as its approved state; audited with the reason. */
    @Transactional
    public EndpointDetails acceptDrift(PortalPrincipal by, String endpointId, String reason) {
        InventoryVisibility.requireAdmin(by);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "must say why the actual state is accepted");
        }
        if (reason.length() > 500) {
            throw new InvalidInputException("reason", "must be at most 500 characters");
        }
        EndpointDetails e = reads.endpoint(by, endpointId);
        EndpointSummary s = e.summary();
        if (!s.managed() || e.drift() == null) {
            throw new ConflictException(endpointId + " is not managed by the portal: adopt it instead");
        }
        if (s.goneAt() != null) {
            throw new ConflictException(endpointId + " no longer exists: there is no state to accept");
        }
        if (!e.drift().drifted()) {
            throw new ConflictException(endpointId + " matches its approved state: nothing to accept");
        }
        Drift.Approved before = baselines.find(s.id()).orElseThrow();
        Drift.Approved after = new Drift.Approved("ACCEPTED", e.policy(), e.routeTableIds(), e.subnetIds(),
                e.securityGroupIds(), e.privateDns(), Drift.ownTags(e.tags()), by.getUsername(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        baselines.record(s.id(), s.requestId(), baselines.position(s.id()), after);
        store.clearDrift(s.id());
        events.publishEvent(new DriftAccepted(s.id(), s.requestId(), by.getUsername(), reason.strip(),
                auditState(before), auditState(after)));
        return reads.endpoint(by, endpointId);
    }

    /**
     * Asks for a drifted endpoint's approved state to go back to AWS. Separation of duties: this only creates a
     * change request (kind CHANGE) of the endpoint's request whose settings are the approved ones; it goes through
     * the approval rules like any change, and once approved provisioning describes the endpoint, diffs it with
     * the approved settings and sends the difference with {@code ModifyVpcEndpoint}. Members of the owning team
     * and admins may ask; the request and its audit row commit together.
     */
    @Transactional
    public RequestDetails reconcile(PortalPrincipal by, String endpointId, String reason) {
        RequestDrafts.requireRequester(by);
        if (reason != null && reason.length() > 500) {
            throw new InvalidInputException("reason", "must be at most 500 characters");
        }
        EndpointDetails e = reads.endpoint(by, endpointId);
        EndpointSummary s = e.summary();
        if (!s.managed() || e.drift() == null) {
            throw new ConflictException(endpointId + " is not managed by the portal: there is no approved state to "
                    + "restore (adopt it instead)");
        }
        if (s.goneAt() != null) {
            throw new ConflictException(endpointId + " no longer exists: there is nothing to reconcile");
        }
        if (!e.drift().drifted()) {
            throw new ConflictException(endpointId + " matches its approved state: nothing to reconcile");
        }
        Drift.Approved approved = baselines.find(s.id()).orElseThrow();
        int position = baselines.position(s.id());
        String drift = Drift.summary(e.drift());
        String why = "Reconcile drift of " + s.id() + " (" + drift + "): restore the approved state"
                + (reason == null || reason.isBlank() ? "" : ". " + reason.strip());
        // an approved state from the request keeps the request's own policy choice (it generates the policy);
        // an accepted or adopted one is a policy document of its own
        boolean fromRequest = "REQUEST".equals(approved.source());
        String policy = approved.policy() == null || approved.policy().isBlank() ? Drift.DEFAULT_POLICY : approved.policy();
        boolean gateway = "Gateway".equalsIgnoreCase(s.endpointType());
        RequestDetails change = requests.requestRestore(by, s.requestId(), new ChangeDraft(position,
                approved.routeTableIds(), approved.subnetIds(), approved.securityGroupIds(),
                gateway ? null : approved.privateDns(), fromRequest ? null : PolicyChoice.CUSTOM.key(), null, null,
                fromRequest ? null : policy, why, approved.tags() == null ? null : Drift.itemTags(approved.tags())));
        events.publishEvent(new DriftReconcileRequested(s.id(), s.requestId(), change.id(), by.getUsername(), drift,
                auditState(approved)));
        return change;
    }

    private static Map<String, Object> auditState(Drift.Approved a) {
        Map<String, Object> state = new TreeMap<>();
        state.put("source", a.source());
        state.put("policy", a.policy());
        state.put("routeTableIds", a.routeTableIds());
        state.put("subnetIds", a.subnetIds());
        state.put("securityGroupIds", a.securityGroupIds());
        state.put("privateDns", a.privateDns());
        state.put("tags", a.tags());
        return state;
    }
}
