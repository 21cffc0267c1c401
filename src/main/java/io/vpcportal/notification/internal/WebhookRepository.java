package io.vpcportal.notification.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WebhookRepository extends JpaRepository<Webhook, UUID> {

    List<Webhook> findAllByOrderByCreatedAtAscNameAsc();

    /** A handful of rows at most; JPQL rather than SQL so that it does not flush the caller's pending changes. */
    List<Webhook> findByEnabledTrueOrderByCreatedAtAsc();
}
