package io.vpcportal.notification.internal;

import io.vpcportal.notification.MailNotificationProperties;
import io.vpcportal.notification.NotificationProperties;
import jakarta.mail.internet.MimeMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due mails, one at a time, in the claim-and-send loop of {@link DeliveryClaims} (the webhook dispatcher's):
 * two instances never send the same mail, and a mail an instance died sending is taken up again.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private static final String CLAIM = """
            update mail_delivery m
               set attempts = m.attempts + 1, next_attempt_at = :leaseUntil
             where m.id in (select due.id
                              from mail_delivery due
                             where due.status in ('PENDING', 'FAILED')
                               and due.next_attempt_at <= :now
                             order by due.next_attempt_at, due.id
                             limit :batch
                               for update skip locked)
            returning m.id, m.email, m.subject, m.body
            """;

    record ClaimedMail(long id, String email, String subject, String body) {
    }

    private final MailServer server;
    private final DeliveryClaims claims;
    private final MailDeliveryRepository mails;
    private final NotificationProperties settings;
    private final MailNotificationProperties mailSettings;

    MailDispatcher(MailServer server, DeliveryClaims claims, MailDeliveryRepository mails,
            NotificationProperties settings, MailNotificationProperties mailSettings) {
        this.server = server;
        this.claims = claims;
        this.mails = mails;
        this.settings = settings;
        this.mailSettings = mailSettings;
    }

    // the same pace as webhooks; the default repeats NotificationProperties' default
    @Scheduled(fixedDelayString = "${portal.notification.dispatch-interval:5s}",
            initialDelayString = "${portal.notification.dispatch-interval:5s}")
    void poll() {
        if (!server.configured()) {
            return;
        }
        claims.drain("Mail", CLAIM, MailDispatcher::claimed, this::send, log);
    }

    /** Sends one claimed batch and records each outcome; answers how many were attempted. */
    private int send(List<ClaimedMail> claimed) {
        JavaMailSender sender = server.sender().orElseThrow();
        for (ClaimedMail mail : claimed) {
            String error = send(sender, mail);
            claims.record(() -> mails.findById(mail.id()).ifPresent(m -> m.attempted(error, claims.now(), settings)));
            if (error != null) {
                log.info("Mail {} failed: {}", mail.id(), error);
            }
        }
        return claimed.size();
    }

    private String send(JavaMailSender sender, ClaimedMail mail) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(mailSettings.from());
            helper.setTo(mail.email());
            helper.setSubject(mail.subject());
            helper.setText(mail.body(), false);
            message.setHeader("Auto-Submitted", "auto-generated");
            sender.send(message);
            return null;
        } catch (MailAuthenticationException e) {
            return "SMTP authentication failed";
        } catch (Exception e) {
            return "SMTP: " + reason(e);
        }
    }

    /** The innermost cause's message, one line: the server's answer or why the connection failed. */
    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        String line = message.replaceAll("[\\r\\n]+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) : line;
    }

    private static ClaimedMail claimed(ResultSet rs, int row) throws SQLException {
        return new ClaimedMail(rs.getLong("id"), rs.getString("email"), rs.getString("subject"), rs.getString("body"));
    }
}
