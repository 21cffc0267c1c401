package io.vpcportal.approval.web;

import io.vpcportal.approval.ApprovalManagement;
import io.vpcportal.approval.CommentManagement;
import io.vpcportal.approval.Decision;
import io.vpcportal.catalog.CatalogManagement;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.ForbiddenException;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.web.PageController;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestQueries;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The approver's inbox, the approval view with everything needed to decide, and comments. */
@PageController
class ApprovalController {

    private final ApprovalManagement approvals;
    private final CommentManagement comments;
    private final RequestQueries requests;
    private final CatalogManagement catalog;

    ApprovalController(ApprovalManagement approvals, CommentManagement comments, RequestQueries requests,
            CatalogManagement catalog) {
        this.approvals = approvals;
        this.comments = comments;
        this.requests = requests;
        this.catalog = catalog;
    }

    @GetMapping("/approvals")
    String inbox(@AuthenticationPrincipal PortalPrincipal me, Model model) {
        model.addAttribute("entries", approvals.inbox(me));
        return "approval/inbox";
    }

    @GetMapping("/approvals/{id}")
    String view(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, Model model) {
        RequestDetails request = requests.get(me, id);
        model.addAttribute("request", request);
        model.addAttribute("approval", approvals.caseOf(id).orElse(null));
        model.addAttribute("whyNot", approvals.whyNotDecider(me, id).orElse(null));
        model.addAttribute("comments", comments.thread(me, id));
        Map<String, String> names = new LinkedHashMap<>();
        request.items().forEach(i -> catalog.version(i.templateKey(), i.templateVersion())
                .ifPresent(t -> names.put(i.templateKey(), t.name())));
        model.addAttribute("templateNames", names);
        return "approval/view";
    }

    /** The approval part of a request's page, loaded into it (htmx) so that the request module need not know us. */
    @GetMapping("/approvals/{id}/panel")
    String panel(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, Model model) {
        RequestDetails request = requests.get(me, id);
        model.addAttribute("request", request);
        model.addAttribute("approval", approvals.caseOf(id).orElse(null));
        model.addAttribute("comments", comments.thread(me, id));
        return "approval/panel :: panel";
    }

    @PostMapping("/approvals/{id}/decide")
    String decide(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id,
            @RequestParam(required = false) String decision, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        // an unknown decision is refused by the service, after it checked who is deciding
        Decision chosen = Arrays.stream(Decision.values()).filter(d -> d.name().equals(decision))
                .findFirst().orElse(null);
        try {
            approvals.decide(me, id, chosen, comment);
            redirect.addFlashAttribute("success", switch (chosen) {
                case APPROVE -> "Approved.";
                case REJECT -> "Rejected.";
                case REQUEST_CHANGES -> "Sent back to the requester.";
            });
            return "redirect:/approvals";
        } catch (InvalidInputException e) {
            if (chosen == null) {
                redirect.addFlashAttribute("failure", "Unknown decision.");
                return "redirect:/approvals/" + id;
            }
            String problem = "A " + (chosen == Decision.APPROVE ? "comment" : "reason") + " "
                    + e.violations().get(0).message() + ".";
            redirect.addFlashAttribute("failure", problem);
            redirect.addFlashAttribute("commentError", problem); // also beside the comment field
            redirect.addFlashAttribute("draftComment", comment);
        } catch (ForbiddenException | ConflictException | OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/approvals/" + id;
    }

    @PostMapping("/requests/{id}/comments")
    String comment(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, @RequestParam String body,
            @RequestParam(defaultValue = "request") String back, RedirectAttributes redirect) {
        try {
            comments.add(me, id, body);
            redirect.addFlashAttribute("success", "Comment added.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("failure", "The comment " + e.violations().get(0).message() + ".");
        }
        return back.equals("approval") ? "redirect:/approvals/" + id : "redirect:/requests/" + id;
    }
}
