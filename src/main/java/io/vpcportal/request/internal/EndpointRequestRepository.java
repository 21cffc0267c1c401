package io.vpcportal.request.internal;

import io.vpcportal.request.EndpointRequest;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface EndpointRequestRepository extends JpaRepository<EndpointRequest, UUID>,
        JpaSpecificationExecutor<EndpointRequest> {

    Optional<EndpointRequest> findByRequesterIdAndIdempotencyKey(UUID requesterId, String idempotencyKey);

    /** Change requests of one request, newest first. */
    java.util.List<EndpointRequest> findByChangeOfOrderByCreatedAtDesc(UUID changeOf);
}
