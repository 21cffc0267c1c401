package io.vpcportal.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Webhook deliveries that did not arrive: FAILED (another attempt is due) and GIVING_UP (every attempt failed; only
 * an admin's retry sends it again). The admin's start page counts them and links the webhooks page.
 */
@Component
public class DeliveryHealth {

    private final JdbcClient jdbc;

    DeliveryHealth(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Summary summary() {
        return jdbc.sql("""
                select count(*) filter (where status = 'FAILED') as retrying,
                       count(*) filter (where status = 'GIVING_UP') as given_up
                from webhook_delivery where status in ('FAILED', 'GIVING_UP')""")
                .query((rs, row) -> new Summary(rs.getLong("retrying"), rs.getLong("given_up"))).single();
    }

    /**
     * @param retrying deliveries whose last attempt failed and which will be tried again
     * @param givenUp  deliveries whose every attempt failed
     */
    public record Summary(long retrying, long givenUp) {

        public long failed() {
            return retrying + givenUp;
        }
    }
}
