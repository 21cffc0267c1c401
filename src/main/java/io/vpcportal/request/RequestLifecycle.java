package io.vpcportal.request;

import io.vpcportal.request.internal.EndpointRequest;
import io.vpcportal.request.internal.RequestStore;
import io.vpcportal.request.internal.RequestViews;
import io.vpcportal.shared.UserId;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;

/**
 * The moves other modules make on a request once it is out of the requester's hands: the approval module's
 * decisions and expiry, and the provisioning module's progress reports (provisioning, a change applied, an
 * adoption tagged, decommissioning). Each move is checked by the request itself, stored and announced as an event
 * in one transaction, joining the caller's.
 */
@Service
public class RequestLifecycle {

    private final RequestStore store;

    RequestLifecycle(RequestStore store) {
        this.store = store;
    }

    /** Approves a submitted request; {@code by} is null when a rule approved it automatically. */
    public RequestDetails approve(EndpointRequestId id, UserId by, String byName, String comment) {
        return move(id, r -> r.approve(by, byName, comment, store.now()));
    }

    public RequestDetails reject(EndpointRequestId id, UserId by, String byName, String reason) {
        return move(id, r -> r.reject(by, byName, reason, store.now()));
    }

    public RequestDetails requestChanges(EndpointRequestId id, UserId by, String byName, String reason) {
        return move(id, r -> r.requestChanges(by, byName, reason, store.now()));
    }

    /** Closes one request that waited longer than {@code days} for a decision. */
    public RequestDetails expire(EndpointRequestId id, int days) {
        return move(id, r -> r.expire(days, store.now()));
    }

    public RequestDetails startProvisioning(EndpointRequestId id, String message) {
        return move(id, r -> r.startProvisioning("portal", message, store.now()));
    }

    public RequestDetails provisioned(EndpointRequestId id, List<String> endpointIds) {
        return move(id, r -> r.provisioned(endpointIds, store.now()));
    }

    public RequestDetails provisioningFailed(EndpointRequestId id, String error) {
        return move(id, r -> r.provisioningFailed(error, store.now()));
    }

    /** Adds a line to the request's timeline without moving it. */
    public RequestDetails note(EndpointRequestId id, String kind, String message) {
        return move(id, r -> r.note("portal", kind, message, store.now()));
    }

    /** An approved adoption tagged its endpoint: the request is ACTIVE. */
    public RequestDetails adoptionCompleted(EndpointRequestId id, String endpointId) {
        return move(id, r -> r.adoptionCompleted(endpointId, store.now()));
    }

    /**
     * A change reached AWS: the change request ends APPLIED and the request it changes takes the new state of
     * the endpoint, in one transaction.
     */
    public RequestDetails changeApplied(EndpointRequestId changeId, String endpointId) {
        return store.inTransaction(() -> {
            EndpointRequest change = store.load(changeId);
            EndpointRequest original = store.load(change.changeOf());
            change.changeApplied(endpointId, store.now());
            store.store(change);
            original.adoptChange(change, endpointId, store.now());
            store.store(original);
            return RequestViews.details(change);
        });
    }

    public RequestDetails startDecommissioning(EndpointRequestId id, String message) {
        return move(id, r -> r.startDecommissioning("portal", message, store.now()));
    }

    public RequestDetails decommissioned(EndpointRequestId id, List<String> endpointIds) {
        return move(id, r -> r.decommissioned(endpointIds, store.now()));
    }

    private RequestDetails move(EndpointRequestId id, UnaryOperator<EndpointRequest> step) {
        return store.inTransaction(() -> RequestViews.details(store.store(step.apply(store.load(id)))));
    }
}
