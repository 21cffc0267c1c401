package io.vpcportal.notification.web;

import io.vpcportal.identity.Contact;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.identity.UserContacts;
import io.vpcportal.notification.MailKind;
import io.vpcportal.notification.MailManagement;
import io.vpcportal.notification.NotificationPreferences;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.web.FormErrors;
import io.vpcportal.platform.web.PageController;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's own page: who they are, the e-mail address notifications go to, and which kinds they get.
 * Every signed-in user has it, whatever their roles.
 */
@PageController
class MyNotificationsController {

    private final UserContacts contacts;
    private final NotificationPreferences preferences;
    private final MailManagement mails;

    MyNotificationsController(UserContacts contacts, NotificationPreferences preferences, MailManagement mails) {
        this.contacts = contacts;
        this.preferences = preferences;
        this.mails = mails;
    }

    @GetMapping("/me")
    String page(@AuthenticationPrincipal PortalPrincipal me, Model model) {
        MyNotificationsForm form = new MyNotificationsForm();
        form.setEmail(contacts.byId(me.id()).map(Contact::email).orElse(null));
        preferences.of(me.id()).forEach((kind, on) -> {
            if (on) {
                form.getKinds().add(kind.name());
            }
        });
        return page(me, form, model);
    }

    @PostMapping("/me/notifications")
    String save(@AuthenticationPrincipal PortalPrincipal me, @ModelAttribute("form") MyNotificationsForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        List<String> checked = form.getKinds() == null ? List.of() : form.getKinds();
        for (String kind : checked) {
            if (Arrays.stream(MailKind.values()).noneMatch(k -> k.name().equals(kind))) {
                binding.rejectValue("kinds", "rule", "'" + kind + "' is not a kind of mail");
            }
        }
        try {
            UserContacts.normalized(form.getEmail());
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e.violations());
        }
        if (binding.hasErrors()) {
            return page(me, form, model);
        }
        contacts.changeEmail(me.id(), form.getEmail());
        Map<MailKind, Boolean> kinds = new EnumMap<>(MailKind.class);
        for (MailKind kind : MailKind.values()) {
            kinds.put(kind, checked.contains(kind.name()));
        }
        preferences.change(me.id(), kinds);
        redirect.addFlashAttribute("success", "Your notification settings are saved.");
        return "redirect:/me";
    }

    private String page(PortalPrincipal me, MyNotificationsForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("me", me);
        model.addAttribute("kinds", MailKind.values());
        model.addAttribute("smtp", mails.smtp());
        return "notification/me";
    }
}
