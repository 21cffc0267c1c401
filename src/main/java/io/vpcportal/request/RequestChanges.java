package io.vpcportal.request;

import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.identity.Role;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.ForbiddenException;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.TextRules;
import io.vpcportal.platform.UnprocessableException;
import io.vpcportal.request.RequestDetails.ItemDetails;
import io.vpcportal.request.internal.EndpointRequest;
import io.vpcportal.request.internal.EndpointRequestRepository;
import io.vpcportal.request.internal.RequestContents;
import io.vpcportal.request.internal.RequestRules;
import io.vpcportal.request.internal.RequestRules.CheckedRequest;
import io.vpcportal.request.internal.RequestStore;
import io.vpcportal.request.internal.RequestViews;
import io.vpcportal.request.internal.Requesters;
import io.vpcportal.shared.TeamId;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * What the owners of an ACTIVE request ask for afterwards, each through the approval rules like any request:
 * a change to one of its endpoints, the approved state of one pushed back after it drifted, or the removal of
 * all of them (decommissioning). Only one change of a request may be open at a time.
 */
@Service
public class RequestChanges {

    private final EndpointRequestRepository requests;
    private final RequestRules rules;
    private final RequestStore store;
    private final RequestQueries queries;
    private final List<ChangeCheck> changeChecks;

    RequestChanges(EndpointRequestRepository requests, RequestRules rules, RequestStore store, RequestQueries queries,
            ObjectProvider<ChangeCheck> changeChecks) {
        this.requests = requests;
        this.rules = rules;
        this.store = store;
        this.queries = queries;
        this.changeChecks = changeChecks.orderedStream().toList();
    }

    /**
     * Asks for a change to one endpoint of an ACTIVE request: a change request (kind CHANGE) is stored and
     * submitted at once, so it goes through the approval rules like any request. The request it changes stays
     * ACTIVE until the change is applied; only one change at a time may be open.
     */
    public RequestDetails requestChange(PortalPrincipal by, UUID id, ChangeDraft change) {
        return change(by, id, change, false);
    }

    /**
     * Asks for the approved state of one endpoint to be pushed back to AWS after it drifted: a change request
     * (kind CHANGE) whose settings are {@code approved} (null properties: the request's own), which may equal
     * what the request already holds. It goes through the approval rules like any change; once approved,
     * provisioning diffs it against what EC2 describes and sends the difference. Members of the owning team
     * and admins may ask.
     */
    public RequestDetails requestRestore(PortalPrincipal by, UUID id, ChangeDraft approved) {
        return change(by, id, approved, true);
    }

    /** The change requests of a request, newest first. */
    public List<RequestSummary> changesOf(PortalPrincipal by, UUID id) {
        return store.inTransaction(() -> {
            store.visible(by, id);
            return requests.findByChangeOfOrderByCreatedAtDesc(id).stream().map(RequestViews::summary).toList();
        });
    }

    /** The requester asks for the endpoints of an ACTIVE request to be removed; it goes through approval. */
    public RequestDetails requestDecommission(PortalPrincipal by, UUID id, String reason) {
        Requesters.require(by);
        if (reason != null && (reason.length() > 500 || TextRules.containsNul(reason))) {
            throw new InvalidInputException("reason", "must be at most 500 characters");
        }
        return store.inTransaction(() -> {
            EndpointRequest request = store.visible(by, id);
            if (request.status() == RequestStatus.ACTIVE && store.openChange(id).isPresent()) {
                throw new ConflictException("Change " + store.openChange(id).get()
                        + " is still open: let it finish (or fail) before decommissioning");
            }
            request.requestDecommission(by.id(), by.getUsername(), reason, store.now());
            return RequestViews.details(store.store(request));
        });
    }

    private RequestDetails change(PortalPrincipal by, UUID id, ChangeDraft change, boolean restore) {
        Requesters.require(by);
        RequestDetails original = queries.get(by, id);
        if (!by.isMemberOf(new TeamId(original.team())) && !original.requester().equals(by.getUsername())
                && !(restore && by.hasRole(Role.ADMIN))) {
            throw new ForbiddenException("Only members of team " + original.team()
                    + (restore ? " and admins can reconcile" : " can change") + " its endpoints");
        }
        requireChangeable(original);
        int position = change.position() == null ? 0 : change.position();
        ItemDetails current = original.items().stream().filter(i -> i.position() == position)
                .findFirst().orElseThrow(() -> new InvalidInputException("position", "must be the position of an "
                        + "endpoint of the request (0 to " + (original.items().size() - 1) + ")"));
        CheckedRequest checked;
        try {
            checked = rules.check(changeDraft(original, current, change), by);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.violations().stream().map(v -> new FieldViolation(
                    v.field().replaceFirst("^items\\[0]\\.", ""), v.message())).toList());
        }
        ItemDraft wanted = checked.items().get(0).draft();
        ItemDetails changed = new ItemDetails(position, current.templateKey(),
                current.templateVersion(), current.endpointType(), current.serviceName(), current.serviceRegion(),
                sortedDistinct(wanted.routeTableIds()), sortedDistinct(wanted.subnetIds()),
                sortedDistinct(wanted.securityGroupIds()),
                !"Gateway".equals(current.endpointType()) && Boolean.TRUE.equals(wanted.privateDns()),
                checked.items().get(0).policy().key(), sortedDistinct(wanted.bucketNames()),
                sortedDistinct(wanted.tableNames()), RequestContents.blankToNull(wanted.customPolicy()),
                new TreeMap<>(wanted.tags()), current.expectedMonthlyGb());
        if (!restore && sameSettings(current, changed)) {
            throw new UnprocessableException("The change leaves endpoint " + position + " as it is: nothing to approve");
        }
        List<String> problems = changeChecks.stream()
                .flatMap(c -> c.problems(original, position, changed).stream()).toList();
        if (!problems.isEmpty()) {
            throw new UnprocessableException("The change cannot be applied: " + String.join("; ", problems));
        }
        return store.inTransaction(() -> {
            EndpointRequest request = store.visible(by, id);
            requireChangeable(RequestViews.details(request));
            EndpointRequest draft = new EndpointRequest(UUID.randomUUID(), request, position, by.id(),
                    by.getUsername(), checked.draft().justification().strip(), store.now());
            RequestContents.addItems(draft, checked);
            store.store(draft);
            request.changeRequested(draft.id(), position, by.getUsername(), store.now());
            store.store(request);
            draft.submit(by.id(), by.getUsername(), store.now());
            return RequestViews.details(store.store(draft));
        });
    }

    private void requireChangeable(RequestDetails original) {
        if (original.isChange()) {
            throw new ConflictException("Request " + original.id() + " is itself a change: change "
                    + "request " + original.changeOf() + " instead");
        }
        if (original.status() != RequestStatus.ACTIVE) {
            throw new ConflictException("Only the endpoints of an ACTIVE request can be changed "
                    + "(this one is " + original.status() + ")");
        }
        store.openChange(original.id()).ifPresent(open -> {
            throw new ConflictException("Change " + open + " of this request is still open: "
                    + "let it finish (or fail and be retried) first");
        });
    }

    private static RequestDraft changeDraft(RequestDetails original, ItemDetails current, ChangeDraft change) {
        ItemDraft item = new ItemDraft(current.templateKey(),
                change.routeTableIds() != null ? change.routeTableIds() : current.routeTableIds(),
                change.subnetIds() != null ? change.subnetIds() : current.subnetIds(),
                change.securityGroupIds() != null ? change.securityGroupIds() : current.securityGroupIds(),
                change.privateDns() != null ? change.privateDns() : current.privateDns(),
                change.policyChoice() != null ? change.policyChoice() : current.policyChoice(),
                change.bucketNames() != null ? change.bucketNames() : current.bucketNames(),
                change.tableNames() != null ? change.tableNames() : current.tableNames(),
                current.serviceRegion(),
                change.customPolicy() != null ? change.customPolicy() : current.customPolicy(),
                change.tags() != null ? change.tags() : current.tags(), current.expectedMonthlyGb());
        // the request-level figure is the original's total: left out, so the item's own figure is the change's
        return new RequestDraft(original.team(), original.accountId(), original.region(), original.vpcId(), null,
                change.justification(), null, original.natGatewayId(), List.of(item),
                original.natGatewayRemoved());
    }

    private static boolean sameSettings(ItemDetails a, ItemDetails b) {
        return a.routeTableIds().equals(b.routeTableIds()) && a.subnetIds().equals(b.subnetIds())
                && a.securityGroupIds().equals(b.securityGroupIds()) && a.privateDns() == b.privateDns()
                && a.policyChoice().equals(b.policyChoice()) && a.bucketNames().equals(b.bucketNames())
                && a.tableNames().equals(b.tableNames()) && Objects.equals(a.customPolicy(), b.customPolicy())
                && a.tags().equals(b.tags());
    }

    private static List<String> sortedDistinct(List<String> values) {
        return values.stream().distinct().sorted().toList();
    }
}
