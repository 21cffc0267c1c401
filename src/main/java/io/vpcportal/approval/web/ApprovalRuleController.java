package io.vpcportal.approval.web;

import io.vpcportal.approval.ApprovalMode;
import io.vpcportal.approval.ApprovalRules;
import io.vpcportal.catalog.EndpointType;
import io.vpcportal.catalog.PolicyChoice;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.web.FormErrors;
import io.vpcportal.platform.web.PageController;
import org.springframework.beans.BeanWrapperImpl;
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

/** Admin pages for approval rules: the list in the order they are tried, create, edit (a new version). */
@PageController
@RequestMapping("/admin/approval-rules")
@PreAuthorize("hasRole('ADMIN')")
class ApprovalRuleController {

    private final ApprovalRules rules;
    private final IdentityManagement identity;

    ApprovalRuleController(ApprovalRules rules, IdentityManagement identity) {
        this.rules = rules;
        this.identity = identity;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("rules", rules.current());
        return "approval/rules";
    }

    @GetMapping("/new")
    String newRule(Model model) {
        return form(new ApprovalRuleForm(), true, model);
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal PortalPrincipal me, @ModelAttribute("form") ApprovalRuleForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(form, true, model);
        }
        try {
            rules.create(form.getKey(), form.toChange(), me.getUsername());
            redirect.addFlashAttribute("success", "Rule created.");
            return "redirect:/admin/approval-rules";
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e.violations());
        } catch (ConflictException e) {
            binding.rejectValue("key", "duplicate", e.getMessage());
        }
        return form(form, true, model);
    }

    @GetMapping("/{key}/edit")
    String edit(@PathVariable String key, Model model) {
        model.addAttribute("history", rules.history(key));
        return form(ApprovalRuleForm.of(rules.get(key)), false, model);
    }

    @PostMapping("/{key}/edit")
    String update(@AuthenticationPrincipal PortalPrincipal me, @PathVariable String key,
            @ModelAttribute("form") ApprovalRuleForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        form.setKey(key);
        if (!binding.hasErrors()) {
            try {
                var saved = rules.update(key, form.toChange(), me.getUsername());
                redirect.addFlashAttribute("success", "Saved as version " + saved.version() + ".");
                return "redirect:/admin/approval-rules";
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e.violations());
            }
        }
        model.addAttribute("history", rules.history(key));
        return form(form, false, model);
    }

    private String form(ApprovalRuleForm form, boolean creating, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("creating", creating);
        model.addAttribute("teams", identity.teams());
        model.addAttribute("endpointTypes", EndpointType.values());
        model.addAttribute("policies", PolicyChoice.values());
        model.addAttribute("modes", ApprovalMode.values());
        return "approval/rule-form";
    }

}
