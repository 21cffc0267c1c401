package io.vpcportal.notification.internal;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MailDeliveryRepository extends JpaRepository<MailDelivery, Long> {

    List<MailDelivery> findAllByOrderByIdDesc(Limit limit);
}
