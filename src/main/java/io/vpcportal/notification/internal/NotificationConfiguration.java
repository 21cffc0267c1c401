package io.vpcportal.notification.internal;

import io.vpcportal.notification.NotificationProperties;
import java.net.InetAddress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The webhook dispatcher polls on a schedule; nothing else in the portal schedules work yet. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {

    @Bean
    WebhookDestinations webhookDestinations(NotificationProperties settings) {
        return new WebhookDestinations(settings.allowedDestinations(), InetAddress::getAllByName);
    }
}
