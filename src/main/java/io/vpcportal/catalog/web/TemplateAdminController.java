package io.vpcportal.catalog.web;

import io.vpcportal.catalog.CatalogManagement;
import io.vpcportal.catalog.EndpointTemplateDetails;
import io.vpcportal.catalog.PolicyChoice;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.platform.web.FormErrors;
import io.vpcportal.platform.web.PageController;
import io.vpcportal.shared.AwsRegion;
import java.util.TreeSet;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins edit a template; each save is a new version, and requests keep the version they were made with. */
@PageController
@RequestMapping("/admin/templates")
@PreAuthorize("hasRole('ADMIN')")
class TemplateAdminController {

    private final CatalogManagement catalog;

    TemplateAdminController(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/{key}/edit")
    String edit(@PathVariable String key, Model model) {
        EndpointTemplateDetails template = current(key);
        boolean allRegions = !template.partner() && template.regions().equals(new TreeSet<>(AwsRegion.KNOWN));
        return form(template, TemplateForm.of(template, allRegions), model);
    }

    @PostMapping("/{key}/edit")
    String save(@AuthenticationPrincipal PortalPrincipal me, @PathVariable String key,
            @ModelAttribute("form") TemplateForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        EndpointTemplateDetails template = current(key);
        if (binding.hasErrors()) {
            return form(template, form, model);
        }
        try {
            EndpointTemplateDetails saved = catalog.edit(key, form.toChange(), me.getUsername());
            redirect.addFlashAttribute("success", "Saved as version " + saved.version() + ".");
            return "redirect:/catalog/" + key;
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e.violations());
            return form(template, form, model);
        }
    }

    private EndpointTemplateDetails current(String key) {
        return catalog.current(key).orElseThrow(() -> new NotFoundException("No template '" + key + "'"));
    }

    private String form(EndpointTemplateDetails template, TemplateForm form, Model model) {
        model.addAttribute("template", template);
        model.addAttribute("form", form);
        model.addAttribute("regions", AwsRegion.KNOWN);
        model.addAttribute("policies", PolicyChoice.values());
        return "catalog/edit";
    }
}
