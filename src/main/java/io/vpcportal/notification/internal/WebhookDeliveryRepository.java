package io.vpcportal.notification.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, Long> {

    List<WebhookDelivery> findByWebhookIdOrderByIdDesc(UUID webhookId, Limit limit);

    List<WebhookDelivery> findByWebhookIdAndIdLessThanOrderByIdDesc(UUID webhookId, Long id, Limit limit);
}
