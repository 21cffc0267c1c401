package io.vpcportal.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vpcportal.audit.AuditFilter;
import io.vpcportal.audit.AuditPage;
import io.vpcportal.audit.AuditTrail;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Audit", description = "The append-only audit trail (admins)")
class AuditRestController {

    private final AuditTrail trail;

    AuditRestController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @Operation(summary = "Audit rows, newest first, with cursor pagination",
            description = "Every filter is optional and exact; from is inclusive, to exclusive (ISO-8601 instants).")
    AuditPage list(@RequestParam(required = false) String actor,
            @Parameter(description = "REQUEST_CREATED, REQUEST_STATUS_CHANGED, LOGIN_FAILED…")
            @RequestParam(required = false) String action,
            @Parameter(description = "REQUEST, APPROVAL_RULE, TEMPLATE, ACCOUNT, API_TOKEN or USER")
            @RequestParam(required = false) String subjectType,
            @RequestParam(required = false) String subjectId,
            @Parameter(description = "for example 2025-01-31T00:00:00Z") @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
            @RequestParam(required = false, defaultValue = "50") int limit) {
        return trail.page(new AuditFilter(actor, action, subjectType, subjectId, from, to), cursor, limit);
    }
}
