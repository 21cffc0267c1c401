package io.vpcportal.request;

import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.request.internal.EndpointRequestRepository;
import io.vpcportal.request.internal.ItemTemplateKey;
import io.vpcportal.request.internal.RequestPages;
import io.vpcportal.request.internal.RequestStore;
import io.vpcportal.request.internal.RequestViews;
import io.vpcportal.request.internal.Requesters;
import io.vpcportal.request.internal.SummaryColumns;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Reads of requests: as a user may see them ({@link #get}, {@link #list}, {@link #requireVisible}) and as the
 * portal itself sees them, for other modules' work ({@link #find}, {@link #summaries}, {@link #inStatus}).
 */
@Service
public class RequestQueries {

    private final EndpointRequestRepository requests;
    private final RequestPages pages;
    private final RequestStore store;

    RequestQueries(EndpointRequestRepository requests, RequestPages pages, RequestStore store) {
        this.requests = requests;
        this.pages = pages;
        this.store = store;
    }

    /** A request {@code by} may see; NotFound (as for an unknown id) otherwise. */
    public RequestDetails get(PortalPrincipal by, UUID id) {
        return store.inTransaction(() -> RequestViews.details(store.visible(by, id)));
    }

    /** The requests {@code by} may see, newest first, one page after {@code cursor}. */
    public RequestPage list(PortalPrincipal by, RequestFilter filter, String cursor, int limit) {
        return pages.page(by, filter, cursor, limit);
    }

    /** Fails with NotFound (as for an unknown id) when {@code by} may not see the request. */
    public void requireVisible(PortalPrincipal by, UUID id) {
        if (!canSee(by, new EndpointRequestId(id))) {
            throw new NotFoundException("No request " + id);
        }
    }

    /** Whether {@code by} may see the request: the same rule as the API's. */
    public boolean canSee(PortalPrincipal by, EndpointRequestId id) {
        return Boolean.TRUE.equals(store.inTransaction(() -> requests.findById(id.value())
                .map(r -> Requesters.canSee(by, r)).orElse(false)));
    }

    /** A request as the portal itself sees it, without a user's visibility rules. */
    public Optional<RequestDetails> find(EndpointRequestId id) {
        return store.inTransaction(() -> requests.findById(id.value()).map(RequestViews::details));
    }

    /**
     * Summaries of many requests, as the portal itself sees them, in two statements however many there are (for
     * lists built from another module's rows, such as the approver's inbox). Unknown ids are left out.
     */
    public Map<UUID, RequestSummary> summaries(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return store.inTransaction(() -> {
            Map<UUID, List<String>> keys = new HashMap<>();
            for (ItemTemplateKey key : requests.templateKeys(ids)) {
                keys.computeIfAbsent(key.requestId(), k -> new ArrayList<>()).add(key.templateKey());
            }
            Map<UUID, RequestSummary> summaries = new HashMap<>();
            for (SummaryColumns columns : requests.summaryColumns(ids)) {
                summaries.put(columns.id(), RequestViews.summary(columns, keys.getOrDefault(columns.id(), List.of())));
            }
            return summaries;
        });
    }

    /** Every request in {@code status}, as the portal itself sees them (the savings collection reads ACTIVE ones). */
    public List<RequestDetails> inStatus(RequestStatus wanted) {
        return store.inTransaction(() -> requests.findAll((root, query, cb) -> cb.equal(root.get("status"), wanted))
                .stream().map(RequestViews::details).toList());
    }
}
