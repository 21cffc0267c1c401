package io.vpcportal.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail notifications. The SMTP server itself is Spring's {@code spring.mail.*}; without {@code spring.mail.host}
 * no mail is written or sent. Retries follow {@code portal.notification.max-attempts} and the backoff settings, as
 * webhooks do.
 *
 * @param from               the sender address of every mail
 * @param slaCheckInterval   how often stages past their SLA are looked for (one reminder per stage)
 */
@ConfigurationProperties("portal.notification.mail")
public record MailNotificationProperties(@DefaultValue("vpc-portal@localhost") String from,
        @DefaultValue("5m") Duration slaCheckInterval) {

    public MailNotificationProperties {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("portal.notification.mail.from must be an e-mail address");
        }
        if (slaCheckInterval == null || slaCheckInterval.isNegative() || slaCheckInterval.isZero()) {
            throw new IllegalArgumentException("portal.notification.mail.sla-check-interval must be a positive duration");
        }
    }
}
