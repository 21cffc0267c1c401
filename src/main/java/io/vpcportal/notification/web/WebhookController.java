package io.vpcportal.notification.web;

import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.notification.CreatedWebhook;
import io.vpcportal.notification.MailManagement;
import io.vpcportal.notification.WebhookEventType;
import io.vpcportal.notification.WebhookFormat;
import io.vpcportal.notification.WebhookManagement;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.web.FormErrors;
import io.vpcportal.platform.web.PageController;
import java.util.UUID;
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

/** Admin pages: webhooks (list, register, enable, disable, remove) and each one's delivery log. */
@PageController
@RequestMapping("/admin/webhooks")
@PreAuthorize("hasRole('ADMIN')")
class WebhookController {

    private static final int LOG_PAGE = 50;

    private final WebhookManagement webhooks;
    private final MailManagement mails;

    WebhookController(WebhookManagement webhooks, MailManagement mails) {
        this.webhooks = webhooks;
        this.mails = mails;
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            WebhookForm form = new WebhookForm();
            form.getEventTypes().add(WebhookEventType.SUBMITTED.wireName());
            model.addAttribute("form", form);
        }
        return page(model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal PortalPrincipal me, @ModelAttribute("form") WebhookForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return page(model);
        }
        try {
            CreatedWebhook created = webhooks.create(form.toChange(), form.getSecret(), me.getUsername());
            redirect.addFlashAttribute("createdSecret", created.secret());
            redirect.addFlashAttribute("success", "Webhook '" + created.webhook().name()
                    + "' registered. Copy its secret now: it is not shown again.");
            return "redirect:/admin/webhooks";
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e.violations());
            form.setSecret(null);
            return page(model);
        }
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("success", "Webhook '" + webhooks.enable(id, true).name() + "' enabled.");
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("success", "Webhook '" + webhooks.enable(id, false).name()
                + "' disabled: it gets no new events, and its pending deliveries wait until it is enabled again.");
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        String name = webhooks.get(id).name();
        webhooks.delete(id);
        redirect.addFlashAttribute("success", "Webhook '" + name + "' and its delivery log removed.");
        return "redirect:/admin/webhooks";
    }

    @GetMapping("/{id}/deliveries")
    String deliveries(@PathVariable UUID id, @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("webhook", webhooks.get(id));
        model.addAttribute("page", webhooks.deliveries(id, cursor, LOG_PAGE));
        model.addAttribute("cursor", cursor);
        return "notification/deliveries";
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/retry")
    String retry(@PathVariable UUID id, @PathVariable long deliveryId, RedirectAttributes redirect) {
        try {
            webhooks.retry(id, deliveryId);
            redirect.addFlashAttribute("success", "Delivery " + deliveryId + " will be sent again at the next poll.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/admin/webhooks/" + id + "/deliveries";
    }

    @PostMapping("/mails/{deliveryId}/retry")
    String retryMail(@PathVariable long deliveryId, RedirectAttributes redirect) {
        try {
            mails.retry(deliveryId);
            redirect.addFlashAttribute("success", "Mail " + deliveryId + " will be sent again at the next poll.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/admin/webhooks#mail";
    }

    private String page(Model model) {
        model.addAttribute("smtp", mails.smtp());
        model.addAttribute("mails", mails.recent(LOG_PAGE));
        model.addAttribute("webhooks", webhooks.all());
        model.addAttribute("eventTypes", WebhookEventType.values());
        model.addAttribute("formats", WebhookFormat.values());
        return "notification/webhooks";
    }
}
