package io.vpcportal.identity.web;

import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.identity.Role;
import io.vpcportal.identity.UserAccount;
import io.vpcportal.identity.UserContacts;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.platform.web.FormErrors;
import io.vpcportal.platform.web.PageController;
import io.vpcportal.shared.TeamId;
import io.vpcportal.shared.UserId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
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

/** Admins manage users and teams here (single sign-on users are kept up to date by their provider). */
@PageController
@RequestMapping("/admin")
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

    private final IdentityManagement identity;
    private final UserContacts contacts;

    UserAdminController(IdentityManagement identity, UserContacts contacts) {
        this.identity = identity;
        this.contacts = contacts;
    }

    @GetMapping("/users")
    String users(Model model) {
        model.addAttribute("users", identity.users());
        model.addAttribute("teams", identity.teams());
        return "identity/users";
    }

    @GetMapping("/users/new")
    String newUser(Model model) {
        return form(new UserForm(), null, model);
    }

    @PostMapping("/users/new")
    String create(@ModelAttribute("form") UserForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        if (form.getUsername() == null || !form.getUsername().matches("[a-zA-Z0-9._@-]{2,64}")) {
            binding.rejectValue("username", "rule", "must be 2 to 64 letters, digits or . _ @ -");
        }
        if (form.getPassword() == null || form.getPassword().length() < 12 || form.getPassword().length() > 200) {
            binding.rejectValue("password", "rule", "must be 12 to 200 characters");
        }
        if (form.getDisplayName() == null || form.getDisplayName().isBlank() || form.getDisplayName().length() > 100) {
            binding.rejectValue("displayName", "rule", "must be 1 to 100 characters");
        }
        Set<TeamId> teams = teams(form, binding);
        checkEmail(form, binding);
        if (binding.hasErrors()) {
            return form(form, null, model);
        }
        try {
            var created = identity.createUser(form.getUsername(), form.getDisplayName().strip(), form.getPassword(),
                    roles(form), teams);
            contacts.changeEmail(created.id(), form.getEmail());
            redirect.addFlashAttribute("success", "User " + form.getUsername() + " created.");
            return "redirect:/admin/users";
        } catch (ConflictException e) {
            binding.rejectValue("username", "duplicate", e.getMessage());
            return form(form, null, model);
        }
    }

    @GetMapping("/users/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        UserAccount account = find(id);
        UserForm form = new UserForm();
        form.setUsername(account.user().username());
        form.setDisplayName(account.user().displayName());
        contacts.byId(account.user().id()).ifPresent(c -> form.setEmail(c.email()));
        form.setRoles(new ArrayList<>(account.user().roles()));
        form.setTeams(account.user().teams().stream().map(TeamId::value).sorted().collect(Collectors.toList()));
        form.setEnabled(account.enabled());
        return form(form, account, model);
    }

    @PostMapping("/users/{id}/edit")
    String update(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id,
            @ModelAttribute("form") UserForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        UserAccount account = find(id);
        form.setUsername(account.user().username());
        Set<TeamId> teams = teams(form, binding);
        boolean self = me.id().value().equals(id);
        if (self && (!form.isEnabled() || !roles(form).contains(Role.ADMIN))) {
            binding.reject("self", "You cannot disable yourself or take your own ADMIN role: ask another admin.");
        }
        if (form.getPassword() != null && !form.getPassword().isEmpty()
                && (form.getPassword().length() < 12 || form.getPassword().length() > 200)) {
            binding.rejectValue("password", "rule", "must be 12 to 200 characters, or empty to keep it");
        }
        checkEmail(form, binding);
        if (binding.hasErrors()) {
            return form(form, account, model);
        }
        try {
            identity.administer(new UserId(id), form.getDisplayName(), roles(form), teams, form.isEnabled());
            contacts.changeEmail(new UserId(id), form.getEmail());
            if (form.getPassword() != null && !form.getPassword().isEmpty()) {
                identity.setPassword(new UserId(id), form.getPassword());
            }
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e.violations());
            return form(form, account, model);
        }
        redirect.addFlashAttribute("success", "User " + account.user().username() + " saved. Changes apply to their open sessions "
                + "from their next request; disabling them or a new password ends those sessions.");
        return "redirect:/admin/users";
    }

    @PostMapping("/teams")
    String addTeam(@RequestParam String key, @RequestParam String name, RedirectAttributes redirect) {
        if (!TeamId.isValid(key) || name == null || name.isBlank() || name.length() > 100) {
            redirect.addFlashAttribute("failure", "A team needs a key (2 to 40 lowercase letters, digits or dashes) and a name.");
        } else if (identity.teamExists(new TeamId(key))) {
            redirect.addFlashAttribute("failure", "Team " + key + " already exists.");
        } else {
            identity.ensureTeam(new TeamId(key), name.strip());
            redirect.addFlashAttribute("success", "Team " + key + " created.");
        }
        return "redirect:/admin/users";
    }

    private UserAccount find(UUID id) {
        return identity.users().stream().filter(u -> u.user().id().value().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No user " + id));
    }

    private Set<TeamId> teams(UserForm form, BindingResult binding) {
        Set<TeamId> teams = new HashSet<>();
        for (String t : form.getTeams() == null ? List.<String>of() : form.getTeams()) {
            if (!TeamId.isValid(t) || !identity.teamExists(new TeamId(t))) {
                binding.rejectValue("teams", "rule", "'" + t + "' is not a team");
            } else {
                teams.add(new TeamId(t));
            }
        }
        return teams;
    }

    private static void checkEmail(UserForm form, BindingResult binding) {
        try {
            UserContacts.normalized(form.getEmail());
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e.violations());
        }
    }

    private static Set<Role> roles(UserForm form) {
        return form.getRoles() == null || form.getRoles().isEmpty() ? EnumSet.noneOf(Role.class)
                : EnumSet.copyOf(form.getRoles());
    }

    private String form(UserForm form, UserAccount account, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("account", account);
        model.addAttribute("roles", Role.values());
        model.addAttribute("teams", identity.teams());
        return "identity/user-form";
    }
}
