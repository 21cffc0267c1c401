package io.vpcportal.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vpcportal.notification.MailDeliverySummary;
import io.vpcportal.notification.MailManagement;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications/mails")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Notifications", description = "E-mail notifications: SMTP status and the mail log (admins)")
class MailRestController {

    private final MailManagement mails;

    MailRestController(MailManagement mails) {
        this.mails = mails;
    }

    /** Whether SMTP is configured, and the newest mails with their delivery state. */
    record MailLog(MailManagement.SmtpStatus smtp, List<MailDeliverySummary> items) {
    }

    @GetMapping
    @Operation(summary = "SMTP status and the newest mails, newest first")
    MailLog list(@RequestParam(required = false, defaultValue = "50") int limit) {
        return new MailLog(mails.smtp(), mails.recent(limit));
    }

    @PostMapping("/{deliveryId}/retry")
    @Operation(summary = "Send a FAILED or GIVING_UP mail again now")
    MailDeliverySummary retry(@PathVariable long deliveryId) {
        return mails.retry(deliveryId);
    }
}
