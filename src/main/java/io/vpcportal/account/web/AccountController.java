package io.vpcportal.account.web;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.platform.web.FormErrors;
import io.vpcportal.platform.web.PageController;
import io.vpcportal.shared.AwsRegion;
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

/** Admin pages to register AWS accounts and edit their role, regions and teams. */
@PageController
@RequestMapping("/accounts")
@PreAuthorize("hasRole('ADMIN')")
class AccountController {

    private final AccountManagement accounts;
    private final IdentityManagement identity;

    AccountController(AccountManagement accounts, IdentityManagement identity) {
        this.accounts = accounts;
        this.identity = identity;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("accounts", accounts.all());
        return "account/list";
    }

    @GetMapping("/new")
    String newAccount(Model model) {
        return form(new AccountForm(), true, model);
    }

    @PostMapping("/new")
    String register(@AuthenticationPrincipal
            PortalPrincipal me, @ModelAttribute("form") AccountForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(form, true, model);
        }
        try {
            AccountDetails created = accounts.register(form.getId() == null ? "" : form.getId().strip(), form.toChange(),
                    me.getUsername());
            redirect.addFlashAttribute("success", "Account " + created.id() + " registered.");
            return "redirect:/accounts";
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e.violations());
        } catch (ConflictException e) {
            binding.rejectValue("id", "duplicate", e.getMessage());
        }
        return form(form, true, model);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        AccountDetails account = accounts.find(id).orElseThrow(() -> new NotFoundException("No account " + id));
        return form(AccountForm.of(account), false, model);
    }

    @PostMapping("/{id}/edit")
    String update(@AuthenticationPrincipal
            PortalPrincipal me, @PathVariable String id, @ModelAttribute("form") AccountForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        form.setId(id);
        if (binding.hasErrors()) {
            return form(form, false, model);
        }
        try {
            accounts.update(id, form.toChange(), me.getUsername());
            redirect.addFlashAttribute("success", "Account " + id + " saved.");
            return "redirect:/accounts";
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e.violations());
            return form(form, false, model);
        }
    }

    private String form(AccountForm form, boolean creating, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("creating", creating);
        model.addAttribute("regions", AwsRegion.KNOWN);
        model.addAttribute("environments", AccountEnvironment.values());
        model.addAttribute("teams", identity.teams());
        return "account/form";
    }
}
