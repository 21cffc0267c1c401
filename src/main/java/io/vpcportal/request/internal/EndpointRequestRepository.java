package io.vpcportal.request.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** Requests with their items and timeline; reads for many requests at once come as typed rows. */
public interface EndpointRequestRepository extends JpaRepository<EndpointRequest, UUID>,
        JpaSpecificationExecutor<EndpointRequest> {

    Optional<EndpointRequest> findByRequesterIdAndIdempotencyKey(UUID requesterId, String idempotencyKey);

    /** The columns of a request summary, for many requests in one statement (no items, no timeline). */
    @Query("""
            select new io.vpcportal.request.internal.SummaryColumns(r.id, r.title, r.status, r.requesterName, r.team,
                r.accountId, r.region, r.vpcId, r.createdAt)
            from EndpointRequest r where r.id in :ids""")
    List<SummaryColumns> summaryColumns(Collection<UUID> ids);

    /** (request id, template key) of every item of the requests, in item order: one statement. */
    @Query("""
            select new io.vpcportal.request.internal.ItemTemplateKey(i.requestId, i.templateKey)
            from EndpointRequestItem i where i.requestId in :ids
            order by i.requestId, i.position""")
    List<ItemTemplateKey> templateKeys(Collection<UUID> ids);

    /** Change requests of one request, newest first. */
    List<EndpointRequest> findByChangeOfOrderByCreatedAtDesc(UUID changeOf);
}
