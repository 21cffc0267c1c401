package io.vpcportal.approval.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vpcportal.approval.ApprovalRuleDetails;
import io.vpcportal.approval.ApprovalRules;
import io.vpcportal.identity.PortalPrincipal;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/approval-rules")
@Tag(name = "Approval rules", description = "Who approves what (admins edit; everyone may read)")
class ApprovalRuleRestController {

    private final ApprovalRules rules;

    ApprovalRuleRestController(ApprovalRules rules) {
        this.rules = rules;
    }

    @GetMapping
    @Operation(summary = "Current version of every rule, in the order they are tried")
    List<ApprovalRuleDetails> list() {
        return rules.current();
    }

    @GetMapping("/{key}")
    @Operation(summary = "Current version of one rule")
    ApprovalRuleDetails get(@PathVariable String key) {
        return rules.get(key);
    }

    @GetMapping("/{key}/versions")
    @Operation(summary = "Every version of one rule, newest first")
    List<ApprovalRuleDetails> versions(@PathVariable String key) {
        rules.get(key);
        return rules.history(key);
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a rule (admins)")
    ResponseEntity<ApprovalRuleDetails> create(@AuthenticationPrincipal PortalPrincipal me,
            @Valid @RequestBody ApprovalRulePayload payload) {
        ApprovalRuleDetails created = rules.create(payload.key(), payload.toChange(), me.getUsername());
        return ResponseEntity.created(URI.create("/api/v1/approval-rules/" + created.key())).body(created);
    }

    @PutMapping("/{key}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Save the next version of a rule (admins)")
    ApprovalRuleDetails update(@AuthenticationPrincipal PortalPrincipal me, @PathVariable String key,
            @Valid @RequestBody ApprovalRulePayload payload) {
        return rules.update(key, payload.toChange(), me.getUsername());
    }
}
