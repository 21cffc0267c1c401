package io.vpcportal.sharing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.sharing.HubDrift;
import io.vpcportal.sharing.SharedEndpointDetails;
import io.vpcportal.sharing.SharedEndpointRequests;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/shared-endpoints")
@Tag(name = "Shared endpoints", description = "A hub VPC's interface endpoint served to spoke VPCs over a Transit "
        + "Gateway through Route 53 private hosted zones, built through approval")
class SharedEndpointRestController {

    private final SharedEndpointRequests hubs;
    private final HubDrift drift;

    SharedEndpointRestController(SharedEndpointRequests hubs, HubDrift drift) {
        this.hubs = hubs;
        this.drift = drift;
    }

    @PostMapping
    @Operation(summary = "Create a shared endpoint request as a draft",
            description = "One interface endpoint in the hub VPC with private DNS off, a private hosted zone for the "
                    + "service's name with alias records to it, and the spoke VPCs associated. Submit it with POST "
                    + "/api/v1/requests/{id}/submit; it is approved like any request. Send an Idempotency-Key to make "
                    + "retries safe.")
    ResponseEntity<SharedEndpointDetails> create(@AuthenticationPrincipal PortalPrincipal me,
            @Parameter(description = "Unique per logical request; 1 to 100 visible ASCII characters")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody SharedEndpointPayload payload) {
        SharedEndpointDetails created = hubs.create(me, payload.toDraft(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/shared-endpoints/" + created.requestId())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "The hub of a shared endpoint request: its zones, spokes and Transit Gateway")
    SharedEndpointDetails get(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id) {
        return hubs.get(me, id);
    }

    @GetMapping("/{id}/drift")
    @Operation(summary = "The hub's zones, alias records and associations as Route 53 has them now, against the "
            + "approved state")
    HubDrift.Report drift(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id) {
        return drift.check(me, id);
    }
}
