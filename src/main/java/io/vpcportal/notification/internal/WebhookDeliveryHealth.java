package io.vpcportal.notification.internal;

import io.vpcportal.platform.DeliveryHealth;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Webhook deliveries that did not arrive: FAILED (another attempt is due) and GIVING_UP (every attempt failed; only
 * an admin's retry sends it again). The admin's start page counts them and links the webhooks page.
 */
@Component
class WebhookDeliveryHealth implements DeliveryHealth {

    private final JdbcClient jdbc;

    WebhookDeliveryHealth(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Summary summary() {
        return jdbc.sql("""
                select count(*) filter (where status = 'FAILED') as retrying,
                       count(*) filter (where status = 'GIVING_UP') as given_up
                from webhook_delivery where status in ('FAILED', 'GIVING_UP')""")
                .query((rs, row) -> new Summary(rs.getLong("retrying"), rs.getLong("given_up"))).single();
    }
}
