package io.vpcportal.request.web;

import io.vpcportal.catalog.PolicyChoice;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.ForbiddenException;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.UnprocessableException;
import io.vpcportal.platform.web.FormErrors;
import io.vpcportal.platform.web.PageController;
import io.vpcportal.request.RequestChanges;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestQueries;
import io.vpcportal.request.RequestStatus;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages for what the owners of an ACTIVE request ask for afterwards: a change to one endpoint, decommissioning. */
@PageController
@RequestMapping("/requests")
class RequestChangeController {

    private final RequestQueries requests;
    private final RequestChanges changes;

    RequestChangeController(RequestQueries requests, RequestChanges changes) {
        this.requests = requests;
        this.changes = changes;
    }

    @GetMapping("/{id}/change")
    String changeForm(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int position, Model model, RedirectAttributes redirect) {
        RequestDetails request = requests.get(me, id);
        var item = request.items().stream().filter(i -> i.position() == position).findFirst();
        if (item.isEmpty() || request.isChange() || request.status() != RequestStatus.ACTIVE) {
            redirect.addFlashAttribute("failure", "Only the endpoints of an ACTIVE request can be changed.");
            return "redirect:/requests/" + id;
        }
        return showChangeForm(request, ChangeForm.of(item.get()), model);
    }

    @PostMapping("/{id}/change")
    String requestChange(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id,
            @ModelAttribute("form") ChangeForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        RequestDetails request = requests.get(me, id);
        if (request.isChange() || request.status() != RequestStatus.ACTIVE) {
            redirect.addFlashAttribute("failure", "Only the endpoints of an ACTIVE request can be changed.");
            return "redirect:/requests/" + id;
        }
        if (binding.hasErrors()) {
            return showChangeForm(request, form, model);
        }
        try {
            RequestDetails change = changes.requestChange(me, id, form.toDraft());
            redirect.addFlashAttribute("success", change.status() == RequestStatus.SUBMITTED
                    ? "Change submitted for approval." : "Change submitted: " + change.status() + ".");
            return "redirect:/requests/" + change.id();
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e.violations());
        } catch (ConflictException | UnprocessableException | ForbiddenException e) {
            binding.reject("refused", e.getMessage());
        }
        return showChangeForm(request, form, model);
    }

    @PostMapping("/{id}/decommission")
    String decommission(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            RequestDetails request = changes.requestDecommission(me, id, reason);
            redirect.addFlashAttribute("success", request.status() == RequestStatus.DECOMMISSION_REQUESTED
                    ? "Decommission submitted for approval." : "Decommission approved: " + request.status() + ".");
        } catch (ConflictException | InvalidInputException | ForbiddenException e) {
            redirect.addFlashAttribute("failure", e instanceof InvalidInputException i
                    ? i.violations().get(0).field() + " " + i.violations().get(0).message() : e.getMessage());
        }
        return "redirect:/requests/" + id;
    }

    private String showChangeForm(RequestDetails request, ChangeForm form, Model model) {
        model.addAttribute("request", request);
        model.addAttribute("form", form);
        model.addAttribute("item", request.items().stream().filter(i -> i.position() == form.getPosition())
                .findFirst().orElse(request.items().get(0)));
        model.addAttribute("policies", PolicyChoice.values());
        return "request/change";
    }
}
