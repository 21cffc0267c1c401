package io.vpcportal.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vpcportal.identity.Contact;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.identity.UserContacts;
import io.vpcportal.notification.MailKind;
import io.vpcportal.notification.NotificationPreferences;
import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own e-mail address and which kinds of mail they get. */
@RestController
@RequestMapping("/api/v1/me/notification-preferences")
@Tag(name = "Notifications")
class MyNotificationsRestController {

    private final UserContacts contacts;
    private final NotificationPreferences preferences;

    MyNotificationsRestController(UserContacts contacts, NotificationPreferences preferences) {
        this.contacts = contacts;
        this.preferences = preferences;
    }

    /** {@code kinds}: every kind by its key ({@code approval.waiting}), true when it is mailed. */
    record NotificationPreferencesDetails(String email, Map<String, Boolean> kinds) {
    }

    /** Both optional: an absent {@code email} keeps the address ("" removes it); absent kinds stay as they are. */
    record NotificationPreferencesPayload(
            @Schema(example = "jane@example.com", nullable = true) String email,
            @Schema(example = "{\"approval.sla_reminder\": false}", nullable = true) Map<String, Boolean> kinds) {
    }

    @GetMapping
    @Operation(summary = "My e-mail address and which kinds of mail I get")
    NotificationPreferencesDetails get(@AuthenticationPrincipal PortalPrincipal me) {
        return details(me);
    }

    @PutMapping
    @Operation(summary = "Change my e-mail address or turn kinds of mail on and off")
    NotificationPreferencesDetails put(@AuthenticationPrincipal PortalPrincipal me,
            @RequestBody NotificationPreferencesPayload payload) {
        Map<MailKind, Boolean> kinds = new EnumMap<>(MailKind.class);
        List<FieldViolation> violations = new ArrayList<>();
        if (payload.kinds() != null) {
            payload.kinds().forEach((key, on) -> {
                var kind = MailKind.fromKey(key);
                if (kind.isEmpty()) {
                    violations.add(new FieldViolation("kinds", "'" + key + "' is not a kind of mail; use "
                            + Arrays.stream(MailKind.values()).map(MailKind::key).toList()));
                } else if (on == null) {
                    violations.add(new FieldViolation("kinds." + key, "must be true or false"));
                } else {
                    kinds.put(kind.get(), on);
                }
            });
        }
        if (payload.email() != null) {
            try {
                UserContacts.normalized(payload.email());
            } catch (InvalidInputException e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (payload.email() != null) {
            contacts.changeEmail(me.id(), payload.email());
        }
        preferences.change(me.id(), kinds);
        return details(me);
    }

    private NotificationPreferencesDetails details(PortalPrincipal me) {
        String email = contacts.byId(me.id()).map(Contact::email).orElse(null);
        Map<String, Boolean> kinds = new LinkedHashMap<>();
        preferences.of(me.id()).forEach((kind, on) -> kinds.put(kind.key(), on));
        return new NotificationPreferencesDetails(email, kinds);
    }
}
