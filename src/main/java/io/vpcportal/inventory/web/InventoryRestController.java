package io.vpcportal.inventory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.identity.Role;
import io.vpcportal.inventory.EndpointDetails;
import io.vpcportal.inventory.DriftResolution;
import io.vpcportal.inventory.EndpointAdoption;
import io.vpcportal.inventory.EndpointPage;
import io.vpcportal.inventory.InventoryReads;
import io.vpcportal.inventory.InventorySync;
import io.vpcportal.inventory.SyncRunSummary;
import io.vpcportal.inventory.VpcCoverage;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.request.RequestDetails;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Inventory", description = "What exists in AWS: endpoints, drift, coverage, synchronisation")
class InventoryRestController {

    private final InventoryReads inventory;
    private final EndpointAdoption adoption;
    private final DriftResolution drift;
    private final InventorySync sync;

    InventoryRestController(InventoryReads inventory, EndpointAdoption adoption, DriftResolution drift,
            InventorySync sync) {
        this.inventory = inventory;
        this.adoption = adoption;
        this.drift = drift;
        this.sync = sync;
    }

    @GetMapping("/endpoints")
    @Operation(summary = "Endpoints you may see (your teams' accounts; approvers and admins: all), keyset pagination")
    EndpointPage endpoints(@AuthenticationPrincipal PortalPrincipal me, InventoryQuery query,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        return inventory.endpoints(me, query.filter(), cursor, limit);
    }

    @GetMapping("/endpoints/{id}")
    @Operation(summary = "An endpoint with its policy, route tables, ENIs, DNS entries, request and drift")
    EndpointDetails endpoint(@AuthenticationPrincipal PortalPrincipal me, @PathVariable String id) {
        return inventory.endpoint(me, id);
    }

    @PostMapping("/endpoints/{id}/adopt")
    @Operation(summary = "Adopt an unmanaged endpoint. Admins: directly, 200 with the endpoint now managed by an "
            + "ACTIVE request. Members of a team that may use the account: 201 with the adoption request, which goes "
            + "through approval; once approved the endpoint is tagged with the portal's tags (nothing is created)")
    ResponseEntity<Object> adopt(@AuthenticationPrincipal PortalPrincipal me, @PathVariable String id,
            @RequestBody(required = false) AdoptPayload payload) {
        String team = payload == null ? null : payload.team();
        if (me.hasRole(Role.ADMIN)) {
            return ResponseEntity.ok(adoption.adopt(me, id, team));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(adoption.requestAdoption(me, id, team,
                payload == null ? null : payload.reason()));
    }

    @PostMapping("/endpoints/{id}/drift/accept")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Admins: record the endpoint's actual state as its approved state (audited)")
    EndpointDetails acceptDrift(@AuthenticationPrincipal PortalPrincipal me, @PathVariable String id,
            @RequestBody(required = false) AcceptDriftPayload payload) {
        return drift.acceptDrift(me, id, payload == null ? null : payload.reason());
    }

    @PostMapping("/endpoints/{id}/drift/reconcile")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The owning team and admins: ask for the approved state to be pushed back to AWS; answers "
            + "with the change request (kind CHANGE) that goes through approval and then ModifyVpcEndpoint")
    RequestDetails reconcile(@AuthenticationPrincipal PortalPrincipal me, @PathVariable String id,
            @RequestBody(required = false) AcceptDriftPayload payload) {
        return drift.reconcile(me, id, payload == null ? null : payload.reason());
    }

    @GetMapping("/vpcs/{vpcId}/coverage")
    @Operation(summary = "A VPC's endpoints, NAT gateways, route tables and recommendations with prefilled requests")
    VpcCoverage coverage(@AuthenticationPrincipal PortalPrincipal me, @PathVariable String vpcId) {
        return inventory.vpc(me, vpcId);
    }

    @PostMapping("/sync")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Admins: synchronise every account and region now; 409 while a run is in progress")
    SyncRunSummary sync(@AuthenticationPrincipal PortalPrincipal me) {
        return sync.syncNow(me);
    }

    @GetMapping("/sync/runs")
    @PreAuthorize("hasAnyRole('ADMIN', 'APPROVER')")
    @Operation(summary = "Approvers and admins: the latest runs, newest first, with counts and errors per account "
            + "and region")
    List<SyncRunSummary> runs(@RequestParam(defaultValue = "20") int limit) {
        return sync.runs(limit);
    }

    @GetMapping("/sync/runs/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'APPROVER')")
    @Operation(summary = "Approvers and admins: one run (a sync or a traffic collection) with its live progress: "
            + "units done of total, failed, cancelled, calls per second, estimated seconds left, the instances that "
            + "took units, and each unit's result")
    SyncRunSummary run(@PathVariable UUID id) {
        return sync.run(id).orElseThrow(() -> new NotFoundException("No sync run " + id));
    }

    @PostMapping("/sync/runs/{id}/cancel")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Admins: cancel a running run: its pending units are dropped, running ones finish, then it "
            + "ends CANCELLED (audited); 409 when it has already ended")
    SyncRunSummary cancel(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id) {
        return sync.cancel(me, id);
    }

    /**
     * Who owns an adopted endpoint (blank: the account's only team; for a team member: their only team that may
     * use the account), and why (kept with an adoption request).
     */
    record AdoptPayload(String team, String reason) {
    }

    /** Why the actual state is accepted (or the approved one restored), for the audit trail. */
    record AcceptDriftPayload(String reason) {
    }
}
