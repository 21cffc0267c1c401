package io.vpcportal.request.internal;

import io.vpcportal.request.EndpointRequest;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface EndpointRequestRepository extends JpaRepository<EndpointRequest, UUID>,
        JpaSpecificationExecutor<EndpointRequest> {

    Optional<EndpointRequest> findByRequesterIdAndIdempotencyKey(UUID requesterId, String idempotencyKey);

    /** The columns of a request summary, for many requests in one statement (no items, no timeline). */
    @org.springframework.data.jpa.repository.Query("""
            select r.id, r.title, r.status, r.requesterName, r.team, r.accountId, r.region, r.vpcId, r.createdAt
            from EndpointRequest r where r.id in :ids""")
    java.util.List<Object[]> summaryColumns(java.util.Collection<UUID> ids);

    /** (request id, template key) of every item of the requests, in item order: one statement. */
    @org.springframework.data.jpa.repository.Query("""
            select i.requestId, i.templateKey from EndpointRequestItem i where i.requestId in :ids
            order by i.requestId, i.position""")
    java.util.List<Object[]> templateKeys(java.util.Collection<UUID> ids);

    /** Change requests of one request, newest first. */
    java.util.List<EndpointRequest> findByChangeOfOrderByCreatedAtDesc(UUID changeOf);
}
