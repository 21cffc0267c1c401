package io.vpcportal.request;

import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.ForbiddenException;
import io.vpcportal.request.internal.EndpointRequest;
import io.vpcportal.request.internal.EndpointRequestRepository;
import io.vpcportal.request.internal.RequestContents;
import io.vpcportal.request.internal.RequestStore;
import io.vpcportal.request.internal.RequestViews;
import io.vpcportal.request.internal.Requesters;
import io.vpcportal.shared.TeamId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Endpoints found in AWS without a request become requests: an admin adopts one at once, or the owning team asks
 * for it to be adopted through approval. Provisioning reports a finished adoption through
 * {@link RequestLifecycle#adoptionCompleted}.
 */
@Service
public class RequestAdoption {

    private static final Set<RequestStatus> CLOSED = Set.of(RequestStatus.REJECTED, RequestStatus.CANCELLED,
            RequestStatus.EXPIRED, RequestStatus.DELETED, RequestStatus.FAILED);

    private final EndpointRequestRepository requests;
    private final RequestStore store;

    RequestAdoption(EndpointRequestRepository requests, RequestStore store) {
        this.requests = requests;
        this.store = store;
    }

    /**
     * Makes an endpoint that exists without a request an ACTIVE request of {@code endpoint.team()}, owned by the
     * admin who adopts it. Joins the caller's transaction, so the adoption and what the caller records with it
     * commit together.
     */
    public RequestDetails adopt(PortalPrincipal by, AdoptedEndpoint endpoint) {
        String title = "Adopted " + endpoint.templateKey() + " " + endpoint.vpcEndpointId() + " in " + endpoint.vpcId();
        return store.inTransaction(() -> RequestViews.details(store.insertNew(EndpointRequest.adopted(UUID.randomUUID(),
                by.id(), by.getUsername(), endpoint, RequestContents.abbreviate(title, 120), store.now()))));
    }

    /**
     * The owning team asks to take over an endpoint found in AWS: a request (kind NEW) with the endpoint's
     * current settings, submitted at once so that it goes through the approval rules (the requester may not
     * approve it). Once approved, provisioning tags the endpoint with the portal's tags instead of creating one.
     * Conflict while another adoption of the endpoint is open.
     */
    public RequestDetails requestAdoption(PortalPrincipal by, AdoptedEndpoint endpoint, String reason) {
        Requesters.require(by);
        if (!by.isMemberOf(new TeamId(endpoint.team()))) {
            throw new ForbiddenException("Only members of team " + endpoint.team()
                    + " can ask to adopt an endpoint for it");
        }
        openAdoption(endpoint.vpcEndpointId()).ifPresent(open -> {
            throw new ConflictException("Request " + open + " already adopts " + endpoint.vpcEndpointId());
        });
        String title = "Adopt " + endpoint.templateKey() + " " + endpoint.vpcEndpointId() + " in " + endpoint.vpcId();
        String justification = "Adopt " + endpoint.vpcEndpointId() + ", found in the inventory, as it is"
                + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
        try {
            return store.inTransaction(() -> {
                EndpointRequest request = EndpointRequest.adoption(UUID.randomUUID(), by.id(), by.getUsername(),
                        endpoint, RequestContents.abbreviate(title, 120),
                        RequestContents.abbreviate(justification, 2000), store.now());
                store.store(request);
                request.submit(by.id(), by.getUsername(), store.now());
                return RequestViews.details(store.store(request));
            });
        } catch (DataIntegrityViolationException raced) {
            throw new ConflictException("Another adoption of " + endpoint.vpcEndpointId() + " was just opened");
        }
    }

    /** The adoption of an endpoint that is open (waiting for approval, approved, being tagged) or done, if any. */
    public Optional<UUID> openAdoption(String vpcEndpointId) {
        return store.inTransaction(() -> requests.findAll((root, query, cb) -> cb.equal(root.get("adoptsEndpoint"),
                vpcEndpointId)).stream().filter(r -> !CLOSED.contains(r.status()))
                .map(r -> r.id().value()).findFirst());
    }
}
