package io.vpcportal.sharing;

import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.request.CreatedRequest;
import io.vpcportal.request.ItemDraft;
import io.vpcportal.request.RequestDraft;
import io.vpcportal.request.RequestDrafts;
import io.vpcportal.request.RequestQueries;
import io.vpcportal.sharing.internal.HubStore;
import io.vpcportal.sharing.internal.SharedEndpointRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shared endpoint requests: a request of the request module (one interface endpoint in the hub VPC, private DNS off,
 * approved like any request) and, stored with it in one transaction, the hub's zone names and spokes. Provisioning
 * builds the zones and associations through this module's provisioning steps once the endpoint exists.
 */
@Service
public class SharedEndpointRequests {

    private final RequestDrafts drafts;
    private final RequestQueries requests;
    private final SharedEndpointRules rules;
    private final HubStore store;

    SharedEndpointRequests(RequestDrafts drafts, RequestQueries requests, SharedEndpointRules rules, HubStore store) {
        this.drafts = drafts;
        this.requests = requests;
        this.rules = rules;
        this.store = store;
    }

    /**
     * Checks the hub and stores the request as a draft (submitted like any other). With an idempotency key, a repeat
     * of the same payload answers the first request.
     */
    @Transactional
    public SharedEndpointDetails create(PortalPrincipal by, SharedEndpointDraft draft, String idempotencyKey) {
        RequestDrafts.requireRequester(by);
        SharedEndpointRules.Checked checked = rules.check(by, draft);
        String title = draft.title() == null || draft.title().isBlank()
                ? "Shared " + checked.template().name() + " for " + draft.spokes().size() + " VPCs" : draft.title();
        ItemDraft item = new ItemDraft(draft.templateKey(), List.of(), draft.subnetIds(), draft.securityGroupIds(),
                false, null, List.of(), List.of(), null, null, Map.of("SharedEndpoint", "hub"));
        RequestDraft request = new RequestDraft(draft.team(), draft.hubAccountId(), draft.region(), draft.hubVpcId(),
                title, draft.justification(), null, null, List.of(item));
        CreatedRequest created;
        try {
            created = drafts.create(by, request, idempotencyKey);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.violations().stream().map(SharedEndpointRequests::ourField).toList());
        }
        UUID id = created.request().id();
        List<HubSpoke> spokes = draft.spokes().stream().map(s -> new HubSpoke(s.accountId(), s.vpcId(), draft.region()))
                .toList();
        store.save(new SharedEndpointDetails(id, draft.hubAccountId(), draft.region(), draft.hubVpcId(),
                checked.serviceName(), checked.zoneNames(), checked.transitGatewayId(), spokes, Map.of()));
        return store.find(id).orElseThrow();
    }

    /** The hub of a request the caller may see. */
    @Transactional(readOnly = true)
    public SharedEndpointDetails get(PortalPrincipal by, UUID requestId) {
        requests.requireVisible(by, requestId);
        return store.find(requestId).orElseThrow(() -> new NotFoundException("Request " + requestId
                + " is not a shared endpoint request"));
    }

    /** The hub of a request, for other modules (no visibility check: callers check their own). */
    @Transactional(readOnly = true)
    public Optional<SharedEndpointDetails> find(UUID requestId) {
        return store.find(requestId);
    }

    /** The hubs a VPC is a spoke of, or whose endpoint it holds. */
    @Transactional(readOnly = true)
    public List<SharedEndpointDetails> hubsOf(String vpcId) {
        return store.hubsOf(vpcId).stream().flatMap(id -> store.find(id).stream()).toList();
    }

    /** The request's field names as this API spells them. */
    private static FieldViolation ourField(FieldViolation v) {
        String field = v.field() == null ? null : v.field()
                .replaceFirst("^items\\[0\\]\\.", "")
                .replaceFirst("^vpcId$", "hubVpcId")
                .replaceFirst("^accountId$", "hubAccountId");
        return new FieldViolation(field, v.message());
    }
}
