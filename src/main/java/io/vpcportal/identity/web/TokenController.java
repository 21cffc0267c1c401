package io.vpcportal.identity.web;

import io.vpcportal.identity.ApiTokens;
import io.vpcportal.identity.CreatedApiToken;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.web.FormErrors;
import io.vpcportal.platform.web.PageController;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** API tokens page: create (the token is shown once), list and revoke. */
@PageController
@RequestMapping("/tokens")
class TokenController {

    private final ApiTokens tokens;
    private final Clock clock;

    TokenController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping
    String list(@AuthenticationPrincipal PortalPrincipal me, Model model) {
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new TokenForm("", 90));
        }
        model.addAttribute("tokens", tokens.tokensOf(me.id()));
        return "identity/tokens";
    }

    @PostMapping
    String create(@AuthenticationPrincipal PortalPrincipal me, @Valid @ModelAttribute("tokenForm") TokenForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("tokens", tokens.tokensOf(me.id()));
            return "identity/tokens";
        }
        int days = form.expiresInDays() == null ? 90 : form.expiresInDays();
        try {
            CreatedApiToken created = tokens.create(me.id(), form.name(), clock.instant().plus(Duration.ofDays(days)));
            redirect.addFlashAttribute("createdToken", created.token());
            redirect.addFlashAttribute("success", "Token '" + created.summary().name() + "' created. Copy it now: it is not shown again.");
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e.violations());
            model.addAttribute("tokens", tokens.tokensOf(me.id()));
            return "identity/tokens";
        }
        return "redirect:/tokens";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(me.id(), id);
        redirect.addFlashAttribute("success", "Token revoked.");
        return "redirect:/tokens";
    }
}
