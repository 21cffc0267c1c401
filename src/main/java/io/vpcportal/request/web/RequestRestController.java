package io.vpcportal.request.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.request.CreatedRequest;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestFilter;
import io.vpcportal.request.RequestChanges;
import io.vpcportal.request.RequestDrafts;
import io.vpcportal.request.RequestQueries;
import io.vpcportal.request.RequestPage;
import io.vpcportal.request.RequestStatus;
import io.vpcportal.request.RequestSummary;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/requests")
@Tag(name = "Requests", description = "Endpoint requests: create, submit, cancel, read")
class RequestRestController {

    private final RequestQueries requests;
    private final RequestDrafts drafts;
    private final RequestChanges changes;

    RequestRestController(RequestQueries requests, RequestDrafts drafts, RequestChanges changes) {
        this.requests = requests;
        this.drafts = drafts;
        this.changes = changes;
    }

    @PostMapping
    @Operation(summary = "Create a request as a draft",
            description = "Send an Idempotency-Key header to make retries safe: the same key and payload return the "
                    + "first request (200) instead of creating another (201).")
    ResponseEntity<RequestDetails> create(@AuthenticationPrincipal PortalPrincipal me,
            @Parameter(description = "Unique per logical request; 1 to 100 visible ASCII characters")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody EndpointRequestPayload payload) {
        CreatedRequest created = drafts.create(me, payload.toDraft(), idempotencyKey);
        URI location = URI.create("/api/v1/requests/" + created.request().id());
        return created.replayed()
                ? ResponseEntity.ok().location(location).header("Idempotent-Replayed", "true").body(created.request())
                : ResponseEntity.created(location).body(created.request());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One request with its items and timeline")
    RequestDetails get(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id) {
        return requests.get(me, id);
    }

    @GetMapping
    @Operation(summary = "Requests you may see, newest first, with cursor pagination")
    RequestPage list(@AuthenticationPrincipal PortalPrincipal me,
            @RequestParam(required = false) RequestStatus status,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String account,
            @RequestParam(required = false, defaultValue = "false") boolean mine,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
            @RequestParam(required = false, defaultValue = "20") int limit) {
        return requests.list(me, new RequestFilter(status, team, account, mine), cursor, limit);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace the content of a draft, or of a request sent back for changes (requester only)")
    RequestDetails revise(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id,
            @Valid @RequestBody EndpointRequestPayload payload) {
        return drafts.revise(me, id, payload.toDraft());
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Send a draft for approval")
    RequestDetails submit(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id) {
        return drafts.submit(me, id);
    }

    @PostMapping("/{id}/changes")
    @Operation(summary = "Ask for a change to one endpoint of an ACTIVE request",
            description = "Stores a change request (kind CHANGE) and submits it: it goes through approval like any "
                    + "request, then provisioning applies it with ModifyVpcEndpoint. Absent properties keep the value "
                    + "in force. 409 when the request is not ACTIVE or another change is open; 422 when the change "
                    + "changes nothing or does not fit the VPC (a subnet of another VPC, two subnets in one zone).")
    ResponseEntity<RequestDetails> requestChange(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id,
            @Valid @RequestBody ChangePayload payload) {
        RequestDetails change = changes.requestChange(me, id, payload.toDraft());
        return ResponseEntity.created(URI.create("/api/v1/requests/" + change.id())).body(change);
    }

    @GetMapping("/{id}/changes")
    @Operation(summary = "The change requests of a request, newest first")
    List<RequestSummary> changes(@AuthenticationPrincipal PortalPrincipal me,
            @PathVariable UUID id) {
        return changes.changesOf(me, id);
    }

    @PostMapping("/{id}/decommission")
    @Operation(summary = "Ask for the endpoints of an ACTIVE request to be deleted (requester only)",
            description = "Goes through approval; once approved, provisioning removes the portal's bucket policy "
                    + "statements, deletes the endpoints, confirms they are gone and the request ends DELETED.")
    RequestDetails decommission(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id,
            @Valid @RequestBody(required = false) CancelPayload payload) {
        return changes.requestDecommission(me, id, payload == null ? null : payload.reason());
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Withdraw a request before it is provisioned")
    RequestDetails cancel(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id,
            @Valid @RequestBody(required = false) CancelPayload payload) {
        return drafts.cancel(me, id, payload == null ? null : payload.reason());
    }
}
