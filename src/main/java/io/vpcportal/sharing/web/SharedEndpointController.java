package io.vpcportal.sharing.web;

import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.web.FormErrors;
import io.vpcportal.platform.web.PageController;
import io.vpcportal.sharing.SharedEndpointDetails;
import io.vpcportal.sharing.SharedEndpointRequests;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The form that asks for a shared (hub) interface endpoint; the request it makes is submitted from its own page. */
@PageController
@RequestMapping("/shared-endpoints")
class SharedEndpointController {

    private static final Pattern SPOKE_FIELD = Pattern.compile("^spokes\\[(\\d+)]\\.\\w+$");

    private final SharedEndpointRequests hubs;

    SharedEndpointController(SharedEndpointRequests hubs) {
        this.hubs = hubs;
    }

    @GetMapping("/new")
    String form(@ModelAttribute("form") SharedEndpointForm form) {
        return "sharing/form";
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal PortalPrincipal me, @ModelAttribute("form") SharedEndpointForm form,
            BindingResult binding, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return "sharing/form";
        }
        try {
            SharedEndpointDetails created = hubs.create(me, form.toDraft(), null);
            redirect.addFlashAttribute("success", "Shared endpoint request saved as a draft: submit it for approval.");
            return "redirect:/requests/" + created.requestId();
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e.violations().stream().map(SharedEndpointController::onTheForm).toList());
        }
        return "sharing/form";
    }

    /** A spoke's message goes beside the spokes box, naming its line. */
    private static FieldViolation onTheForm(FieldViolation v) {
        Matcher spoke = v.field() == null ? null : SPOKE_FIELD.matcher(v.field());
        if (spoke != null && spoke.matches()) {
            return new FieldViolation("spokes", "line " + (Integer.parseInt(spoke.group(1)) + 1) + ": " + v.message());
        }
        return v;
    }
}
