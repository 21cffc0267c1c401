package io.vpcportal.request.internal;

import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.request.EndpointRequestId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every request facade does the same way: run in a transaction, load a request (for the portal, or as a
 * user may see it), store it and publish its events, and tell the time.
 */
@Component
public class RequestStore {

    private final EndpointRequestRepository requests;
    private final NewRequestRows newRows;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RequestStore(EndpointRequestRepository requests, NewRequestRows newRows, PlatformTransactionManager transactions,
            Clock clock, ApplicationEventPublisher events) {
        this.requests = requests;
        this.newRows = newRows;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.events = events;
    }

    /** Runs {@code work} in a transaction, joining the caller's when there is one. */
    public <T> T inTransaction(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }

    /** Saves the request, then publishes its events inside the same transaction (listeners may write too). */
    public EndpointRequest store(EndpointRequest request) {
        EndpointRequest saved = requests.save(request);
        request.drainEvents().forEach(events::publishEvent);
        return saved;
    }

    /**
     * Inserts a request that does not exist yet, with its items and timeline, then publishes its events inside the
     * same transaction. The object stays outside the persistence context: later changes load the request again.
     */
    public EndpointRequest insertNew(EndpointRequest request) {
        newRows.insert(request);
        request.drainEvents().forEach(events::publishEvent);
        return request;
    }

    /** A request as the portal sees it; NotFound when there is none. */
    public EndpointRequest load(EndpointRequestId id) {
        return requests.findById(id.value()).orElseThrow(() -> new NotFoundException("No request " + id));
    }

    /** A request {@code by} may see; NotFound (as for an unknown id) when there is none or it is not visible. */
    public EndpointRequest visible(PortalPrincipal by, UUID id) {
        return requests.findById(id).filter(r -> Requesters.canSee(by, r))
                .orElseThrow(() -> new NotFoundException("No request " + id));
    }

    /** A change of {@code id} that has not ended yet (a failed one stays open until an operator retries it). */
    public Optional<UUID> openChange(UUID id) {
        return requests.findByChangeOfOrderByCreatedAtDesc(id).stream()
                .filter(c -> !c.status().isTerminal()).map(c -> c.id().value()).findFirst();
    }

    /** Now, to the microsecond PostgreSQL keeps. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
