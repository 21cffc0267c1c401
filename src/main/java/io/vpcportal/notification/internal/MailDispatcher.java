package io.vpcportal.notification.internal;

import io.vpcportal.notification.MailNotificationProperties;
import io.vpcportal.notification.NotificationProperties;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due mails. The claim is the webhook dispatcher's: one short statement with {@code FOR UPDATE SKIP LOCKED}
 * that counts the attempt and moves the row's next attempt past a lease, so two instances never send the same mail
 * and a mail an instance died sending is taken up again. Sending runs outside any transaction; each outcome is
 * recorded in its own.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int BATCH = 20;

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
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final MailDeliveryRepository mails;
    private final NotificationProperties settings;
    private final MailNotificationProperties mailSettings;
    private final Clock clock;

    MailDispatcher(MailServer server, JdbcClient jdbc, PlatformTransactionManager transactions,
            MailDeliveryRepository mails, NotificationProperties settings, MailNotificationProperties mailSettings,
            Clock clock) {
        this.server = server;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.mails = mails;
        this.settings = settings;
        this.mailSettings = mailSettings;
        this.clock = clock;
    }

    // the same pace as webhooks; the default repeats NotificationProperties' default
    @Scheduled(fixedDelayString = "${portal.notification.dispatch-interval:5s}",
            initialDelayString = "${portal.notification.dispatch-interval:5s}")
    void poll() {
        if (!server.configured()) {
            return;
        }
        try {
            int sent;
            do {
                sent = dispatchDue();
            } while (sent == BATCH);
        } catch (RuntimeException e) {
            log.warn("Mail dispatch failed; retrying at the next poll", e);
        }
    }

    /** Sends one batch of due mails and records each outcome; answers how many were attempted. */
    int dispatchDue() {
        JavaMailSender sender = server.sender().orElseThrow();
        List<ClaimedMail> claimed = claim();
        for (ClaimedMail mail : claimed) {
            String error = send(sender, mail);
            tx.executeWithoutResult(status -> mails.findById(mail.id()).ifPresent(m ->
                    m.attempted(error, clock.instant(), settings)));
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

    private List<ClaimedMail> claim() {
        Instant now = clock.instant();
        return tx.execute(status -> jdbc.sql(CLAIM)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("leaseUntil", OffsetDateTime.ofInstant(now.plus(settings.lease()), ZoneOffset.UTC))
                .param("batch", BATCH)
                .query((rs, row) -> new ClaimedMail(rs.getLong("id"), rs.getString("email"),
                        rs.getString("subject"), rs.getString("body")))
                .list());
    }
}
