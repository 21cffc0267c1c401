package io.vpcportal.provisioning.web;

import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.web.PageController;
import io.vpcportal.provisioning.ProvisioningManagement;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestQueries;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The provisioning part of a request's page (loaded with htmx, refreshing itself while a job runs). */
@PageController
class ProvisioningController {

    private final ProvisioningManagement provisioning;
    private final RequestQueries requests;

    ProvisioningController(ProvisioningManagement provisioning, RequestQueries requests) {
        this.provisioning = provisioning;
        this.requests = requests;
    }

    @GetMapping("/provisioning/{id}/panel")
    String panel(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, Model model) {
        requests.requireVisible(me, id);
        model.addAttribute("requestId", id);
        model.addAttribute("job", provisioning.progress(id).orElse(null));
        return "provisioning/panel :: panel";
    }

    /** The plan as it would run now: shown to approvers before they decide. */
    @GetMapping("/provisioning/{id}/plan")
    String plan(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, Model model) {
        requests.requireVisible(me, id);
        model.addAttribute("requestId", id);
        model.addAttribute("plan", provisioning.preview(id));
        return "provisioning/panel :: plan";
    }

    /** The full page, for browsers without JavaScript. */
    @GetMapping("/provisioning/{id}")
    String page(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, Model model) {
        panel(me, id, model);
        return "provisioning/page";
    }

    @PostMapping("/provisioning/{id}/retry")
    @PreAuthorize("hasRole('ADMIN')")
    String retry(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            provisioning.retry(id);
            redirect.addFlashAttribute("success", "Provisioning queued again.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/requests/" + id;
    }
}
