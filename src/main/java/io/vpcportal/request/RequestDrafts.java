package io.vpcportal.request;

import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.UnprocessableException;
import io.vpcportal.request.internal.EndpointRequest;
import io.vpcportal.request.internal.EndpointRequestRepository;
import io.vpcportal.request.internal.PayloadHash;
import io.vpcportal.request.internal.RequestContents;
import io.vpcportal.request.internal.RequestRules;
import io.vpcportal.request.internal.RequestRules.CheckedRequest;
import io.vpcportal.request.internal.RequestStore;
import io.vpcportal.request.internal.RequestViews;
import io.vpcportal.request.internal.Requesters;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * A requester's own moves on a new request: create a draft (idempotently, with a key), revise it, submit it for
 * approval, cancel it. Every move checks the REQUESTER role and that the caller may see the request.
 */
@Service
public class RequestDrafts {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,100}");

    private final EndpointRequestRepository requests;
    private final RequestRules rules;
    private final RequestStore store;

    RequestDrafts(EndpointRequestRepository requests, RequestRules rules, RequestStore store) {
        this.requests = requests;
        this.rules = rules;
        this.store = store;
    }

    /**
     * Creating, revising, submitting, changing, decommissioning and asking to adopt need the REQUESTER role (or
     * ADMIN), checked before anything about the request is read or validated: team membership alone is not enough.
     * Other modules that act for a requester check it first with this.
     */
    public static void requireRequester(PortalPrincipal p) {
        Requesters.require(p);
    }

    /**
     * Stores a new draft. With an idempotency key, a repeat of the same payload returns the first request; the
     * same key with another payload is refused.
     */
    public CreatedRequest create(PortalPrincipal requester, RequestDraft draft, String idempotencyKey) {
        Requesters.require(requester);
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidInputException("Idempotency-Key", "must be 1 to 100 visible ASCII characters");
        }
        String hash = idempotencyKey == null ? null : PayloadHash.of(draft);
        if (idempotencyKey != null) {
            Optional<CreatedRequest> earlier = replay(requester, idempotencyKey, hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        try {
            // one transaction: the account and template checks read (or confirm the cached copies at) the same
            // committed state the request is stored against
            RequestDetails created = store.inTransaction(() -> RequestViews.details(store.insertNew(
                    RequestContents.newRequest(requester, rules.check(draft, requester), idempotencyKey, hash,
                            store.now()))));
            return new CreatedRequest(created, false);
        } catch (DataIntegrityViolationException e) {
            // a concurrent POST with the same key won the race: answer with its request
            if (idempotencyKey != null) {
                return replay(requester, idempotencyKey, hash).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** The requester replaces the content of a draft or of a request sent back for changes. */
    public RequestDetails revise(PortalPrincipal by, UUID id, RequestDraft draft) {
        Requesters.require(by);
        CheckedRequest checked = rules.check(draft, by);
        return store.inTransaction(() -> {
            EndpointRequest request = store.visible(by, id);
            RequestContents.revise(request, by, checked, store.now());
            requests.saveAndFlush(request); // old items go before new ones take their positions
            RequestContents.addItems(request, checked);
            return RequestViews.details(store.store(request));
        });
    }

    public RequestDetails submit(PortalPrincipal by, UUID id) {
        Requesters.require(by);
        return store.inTransaction(() -> {
            EndpointRequest request = store.visible(by, id);
            request.submit(by.id(), by.getUsername(), store.now());
            return RequestViews.details(store.store(request));
        });
    }

    public RequestDetails cancel(PortalPrincipal by, UUID id, String reason) {
        if (reason != null && reason.length() > 500) {
            throw new InvalidInputException("reason", "must be at most 500 characters");
        }
        return store.inTransaction(() -> {
            EndpointRequest request = store.visible(by, id);
            request.cancel(by.id(), by.getUsername(), reason, store.now());
            return RequestViews.details(store.store(request));
        });
    }

    private Optional<CreatedRequest> replay(PortalPrincipal requester, String key, String hash) {
        return store.inTransaction(() -> requests.findByRequesterIdAndIdempotencyKey(requester.id().value(), key)
                .map(earlier -> {
                    if (!earlier.payloadHash().equals(hash)) {
                        throw new UnprocessableException("Idempotency-Key '" + key
                                + "' was already used for another payload (request " + earlier.id() + ")");
                    }
                    return new CreatedRequest(RequestViews.details(earlier), true);
                }));
    }
}
