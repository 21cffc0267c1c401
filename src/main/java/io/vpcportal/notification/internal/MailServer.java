package io.vpcportal.notification.internal;

import io.vpcportal.notification.NotificationProperties;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The SMTP server, if one is configured: Spring Boot creates a mail sender only when {@code spring.mail.host} is
 * set. Without it the portal writes no mail at all (nothing would ever send it) and the admin page says so.
 */
@Component
public class MailServer {

    private final JavaMailSender sender;

    MailServer(ObjectProvider<JavaMailSender> senders, NotificationProperties settings) {
        this.sender = senders.getIfAvailable();
        if (sender instanceof JavaMailSenderImpl impl) {
            // JavaMail waits forever by default: a hanging server would hold the dispatcher
            var properties = impl.getJavaMailProperties();
            String connect = Long.toString(settings.connectTimeout().toMillis());
            String answer = Long.toString(settings.requestTimeout().toMillis());
            properties.putIfAbsent("mail.smtp.connectiontimeout", connect);
            properties.putIfAbsent("mail.smtp.timeout", answer);
            properties.putIfAbsent("mail.smtp.writetimeout", answer);
        }
    }

    public boolean configured() {
        return sender != null;
    }

    Optional<JavaMailSender> sender() {
        return Optional.ofNullable(sender);
    }

    /** {@code host:port} of the server, without user name or password; empty when none is configured. */
    public Optional<String> address() {
        if (sender instanceof JavaMailSenderImpl impl) {
            return Optional.of(impl.getHost() + ":" + (impl.getPort() > 0 ? impl.getPort() : 25));
        }
        return sender == null ? Optional.empty() : Optional.of("configured through JNDI");
    }
}
