package io.vpcportal.approval.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vpcportal.approval.ApprovalCaseDetails;
import io.vpcportal.approval.ApprovalManagement;
import io.vpcportal.approval.CommentDetails;
import io.vpcportal.approval.CommentManagement;
import io.vpcportal.approval.Decision;
import io.vpcportal.approval.InboxEntry;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.request.RequestQueries;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Approvals", description = "Inbox, decisions and comments")
class ApprovalRestController {

    private final ApprovalManagement approvals;
    private final CommentManagement comments;
    private final RequestQueries requests;

    ApprovalRestController(ApprovalManagement approvals, CommentManagement comments, RequestQueries requests) {
        this.approvals = approvals;
        this.comments = comments;
        this.requests = requests;
    }

    @GetMapping("/approvals")
    @Operation(summary = "My inbox: requests waiting on my teams, oldest first")
    List<InboxEntry> inbox(@AuthenticationPrincipal PortalPrincipal me) {
        return approvals.inbox(me);
    }

    @GetMapping("/requests/{id}/approval")
    @Operation(summary = "Who must approve a request, who did, and where it stands")
    ApprovalCaseDetails approval(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id) {
        requireVisible(me, id);
        return approvals.caseOf(id).orElseThrow(() -> new NotFoundException("Request " + id + " was never submitted"));
    }

    // the payloads are validated by ApprovalManagement.decide, after it checked who is deciding
    @PostMapping("/requests/{id}/approve")
    @Operation(summary = "Approve the current stage (optional comment)")
    ApprovalCaseDetails approve(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id,
            @RequestBody(required = false) DecisionPayload payload) {
        return approvals.decide(me, id, Decision.APPROVE, payload == null ? null : payload.comment());
    }

    @PostMapping("/requests/{id}/reject")
    @Operation(summary = "Reject the request (reason required)")
    ApprovalCaseDetails reject(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id,
            @RequestBody(required = false) DecisionPayload payload) {
        return approvals.decide(me, id, Decision.REJECT, payload == null ? null : payload.reason());
    }

    @PostMapping("/requests/{id}/request-changes")
    @Operation(summary = "Send the request back to the requester (reason required)")
    ApprovalCaseDetails requestChanges(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id,
            @RequestBody(required = false) DecisionPayload payload) {
        return approvals.decide(me, id, Decision.REQUEST_CHANGES, payload == null ? null : payload.reason());
    }

    @GetMapping("/requests/{id}/comments")
    @Operation(summary = "The comment thread of a request")
    List<CommentDetails> thread(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id) {
        return comments.thread(me, id);
    }

    @PostMapping("/requests/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a comment")
    CommentDetails comment(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id,
            @Valid @RequestBody CommentPayload payload) {
        return comments.add(me, id, payload.body());
    }

    private void requireVisible(PortalPrincipal me, UUID id) {
        requests.requireVisible(me, id);
    }
}
