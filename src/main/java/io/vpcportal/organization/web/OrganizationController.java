package io.vpcportal.organization.web;

import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.organization.DiscoveryReport;
import io.vpcportal.organization.OrganizationDiscovery;
import io.vpcportal.organization.OrganizationSources;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.web.FormErrors;
import io.vpcportal.platform.web.PageController;
import io.vpcportal.shared.AwsRegion;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page of the organization source, its discovery button and its run history. */
@PageController
@RequestMapping("/admin/organization")
@PreAuthorize("hasRole('ADMIN')")
class OrganizationController {

    private final OrganizationSources sources;
    private final OrganizationDiscovery discovery;

    OrganizationController(OrganizationSources sources, OrganizationDiscovery discovery) {
        this.sources = sources;
        this.discovery = discovery;
    }

    @GetMapping
    String page(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", sources.current().map(OrganizationForm::of).orElseGet(OrganizationForm::new));
        }
        return show(model);
    }

    @PostMapping
    String save(@AuthenticationPrincipal PortalPrincipal me, @ModelAttribute("form") OrganizationForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return show(model);
        }
        List<FieldViolation> violations = new ArrayList<>();
        var source = form.toSource(violations);
        if (!violations.isEmpty()) {
            FormErrors.reject(binding, violations);
            return show(model);
        }
        try {
            sources.save(source, me.getUsername());
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e.violations());
            return show(model);
        }
        redirect.addFlashAttribute("success", "Organization source saved. Run a dry run to see what discovery would change.");
        return "redirect:/admin/organization";
    }

    @PostMapping("/discover")
    String discover(@AuthenticationPrincipal PortalPrincipal me, @RequestParam(name = "dryRun") boolean dryRun,
            RedirectAttributes redirect) {
        try {
            DiscoveryReport report = discovery.discover(dryRun, me.getUsername());
            redirect.addFlashAttribute("report", report);
            if (report.error() != null) {
                redirect.addFlashAttribute("discoveryError", report.error());
            }
        } catch (ConflictException e) {
            redirect.addFlashAttribute("discoveryError", e.getMessage());
        }
        return "redirect:/admin/organization";
    }

    private String show(Model model) {
        model.addAttribute("configured", sources.current().isPresent());
        model.addAttribute("environments", AccountEnvironment.values());
        model.addAttribute("regionChoices", AwsRegion.KNOWN);
        model.addAttribute("runs", discovery.recentRuns(10));
        return "organization/page";
    }
}
