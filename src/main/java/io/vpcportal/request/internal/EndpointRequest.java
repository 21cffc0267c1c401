package io.vpcportal.request.internal;

import io.vpcportal.catalog.PolicyChoice;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.ForbiddenException;
import io.vpcportal.request.AdoptedEndpoint;
import io.vpcportal.request.ChangeApplied;
import io.vpcportal.request.ChangeRequested;
import io.vpcportal.request.DecommissionApproved;
import io.vpcportal.request.DecommissionRequested;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestApproved;
import io.vpcportal.request.RequestCancelled;
import io.vpcportal.request.RequestKind;
import io.vpcportal.request.RequestRevised;
import io.vpcportal.request.RequestStatus;
import io.vpcportal.request.RequestStatusChanged;
import io.vpcportal.request.RequestSubmitted;
import io.vpcportal.request.SelfApprovalNotAllowed;
import io.vpcportal.shared.TeamId;
import io.vpcportal.shared.UserId;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

// Over 300 lines: the aggregate owns every transition of its lifecycle (and its timeline and events) in one place,
// as the state machine in RequestStatus allows them.
/**
 * A team's request for one or more VPC endpoints in one VPC. It owns its lifecycle: every move is checked
 * against {@link RequestStatus}, written to the timeline and announced as an event. Over 350 lines because it is
 * the aggregate: its mapped state and every transition that changes it (submit, approve, reject, changes, provisioning,
 * decommission, adoption) belong to one class, so no transition can bypass the status checks and the timeline.
 */
@Entity
@Table(name = "endpoint_request")
public class EndpointRequest {

    @Id
    private UUID id;

    @Column(name = "requester_id", nullable = false, updatable = false)
    private UUID requesterId;

    @Column(name = "requester_name", nullable = false, updatable = false)
    private String requesterName;

    @Column(name = "team_id", nullable = false)
    private String team;

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(nullable = false)
    private String region;

    @Column(name = "vpc_id", nullable = false)
    private String vpcId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String justification;

    @Column(name = "expected_monthly_gb", nullable = false)
    private BigDecimal expectedMonthlyGb;

    @Column(name = "nat_gateway_id")
    private String natGatewayId;

    @Column(name = "nat_gateway_removed", nullable = false)
    private boolean natGatewayRemoved;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestStatus status;

    @Column(name = "idempotency_key", updatable = false)
    private String idempotencyKey;

    @Column(name = "payload_hash", updatable = false)
    private String payloadHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private RequestKind kind = RequestKind.NEW;

    /** For a change: the request whose endpoint it changes, and the item's position there. */
    @Column(name = "change_of", updatable = false)
    private UUID changeOf;

    @Column(name = "change_position", updatable = false)
    private Integer changePosition;

    /** The endpoint this request takes over instead of creating one (an adoption); null for the others. */
    @Column(name = "adopts_endpoint_id", updatable = false)
    private String adoptsEndpoint;

    @Version
    private Long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "request_id", insertable = false, updatable = false)
    @OrderBy("position")
    private List<EndpointRequestItem> items = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "request_id", insertable = false, updatable = false)
    @OrderBy("id")
    private List<TimelineEntry> timeline = new ArrayList<>();

    /** Events of the changes since the last {@link #drainEvents()}; published by {@code RequestStore}. */
    @Transient
    private final List<Object> events = new ArrayList<>();

    protected EndpointRequest() {
    }

    EndpointRequest(UUID id, UserId requester, String requesterName, TeamId team, String accountId, String region,
            String vpcId, String title, String justification, BigDecimal expectedMonthlyGb, String natGatewayId,
            boolean natGatewayRemoved, String idempotencyKey, String payloadHash, Instant now) {
        this.id = id;
        this.requesterId = requester.value();
        this.requesterName = requesterName;
        this.team = team.value();
        this.accountId = accountId;
        this.region = region;
        this.vpcId = vpcId;
        this.title = title;
        this.justification = justification;
        this.expectedMonthlyGb = expectedMonthlyGb;
        this.natGatewayId = natGatewayId;
        this.natGatewayRemoved = natGatewayRemoved && natGatewayId != null;
        this.idempotencyKey = idempotencyKey;
        this.payloadHash = payloadHash;
        this.status = RequestStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
        record(now, requesterName, "CREATED", null, RequestStatus.DRAFT,
                "Request created as a draft");
        registerEvent(new RequestStatusChanged(id(), null, RequestStatus.DRAFT, requesterName, "Request created as a draft", now));
    }

    /** A request that keeps its NAT gateway. */
    EndpointRequest(UUID id, UserId requester, String requesterName, TeamId team, String accountId, String region,
            String vpcId, String title, String justification, BigDecimal expectedMonthlyGb, String natGatewayId,
            String idempotencyKey, String payloadHash, Instant now) {
        this(id, requester, requesterName, team, accountId, region, vpcId, title, justification, expectedMonthlyGb,
                natGatewayId, false, idempotencyKey, payloadHash, now);
    }

    /** A change request: one item, the new state of item {@code position} of {@code original}. */
    public EndpointRequest(UUID id, EndpointRequest original, int position, UserId requester, String requesterName,
            String justification, Instant now) {
        this(id, requester, requesterName, original.team(), original.accountId(), original.region(), original.vpcId(),
                abbreviate("Change: " + original.title(), 120), justification, original.expectedMonthlyGb(),
                original.natGatewayId(), original.natGatewayRemoved(), null, null, now);
        this.kind = RequestKind.CHANGE;
        this.changeOf = original.id;
        this.changePosition = position;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /**
     * An endpoint found in AWS that the portal did not make, taken over as it is: the request starts ACTIVE
     * with one item holding the endpoint's current settings, and the timeline says who adopted it.
     */
    public static EndpointRequest adopted(UUID id, UserId by, String byName, AdoptedEndpoint e, String title,
            Instant now) {
        EndpointRequest request = new EndpointRequest();
        request.id = id;
        request.requesterId = by.value();
        request.requesterName = byName;
        request.team = e.team();
        request.accountId = e.accountId();
        request.region = e.region();
        request.vpcId = e.vpcId();
        request.title = title;
        request.justification = "Adopted from the inventory: " + e.vpcEndpointId() + " existed before the portal managed it";
        request.expectedMonthlyGb = BigDecimal.ZERO;
        request.status = RequestStatus.ACTIVE;
        request.createdAt = now;
        request.updatedAt = now;
        request.adoptsEndpoint = e.vpcEndpointId();
        request.items.add(item(id, e));
        String message = "Adopted " + e.vpcEndpointId() + " with its current settings and policy";
        request.record(now, byName, "ADOPTED", null, RequestStatus.ACTIVE, message);
        request.registerEvent(new RequestStatusChanged(request.id(), null, RequestStatus.ACTIVE, byName, message, now));
        return request;
    }

    /**
     * The owning team asks to take over an endpoint found in AWS: a draft with one item holding the endpoint's
     * current settings; once approved, provisioning tags the endpoint instead of creating one
     * ({@link #adoptionCompleted}).
     */
    public static EndpointRequest adoption(UUID id, UserId by, String byName, AdoptedEndpoint e, String title,
            String justification, Instant now) {
        EndpointRequest request = new EndpointRequest(id, by, byName, new TeamId(e.team()), e.accountId(), e.region(),
                e.vpcId(), title, justification, BigDecimal.ZERO, null, null, null, now);
        request.adoptsEndpoint = e.vpcEndpointId();
        request.items.add(item(id, e));
        return request;
    }

    private static EndpointRequestItem item(UUID id, AdoptedEndpoint e) {
        return new EndpointRequestItem(id, 0, e.templateKey(), e.templateVersion(), e.endpointType(),
                e.serviceName(), null, e.routeTableIds(), e.subnetIds(), e.securityGroupIds(), e.privateDns(),
                PolicyChoice.CUSTOM, List.of(), List.of(), e.policy(), e.tags());
    }

    /** An approved adoption reached AWS: the endpoint carries the portal's tags; nothing was created. */
    public EndpointRequest adoptionCompleted(String endpointId, Instant now) {
        if (adoptsEndpoint == null || !adoptsEndpoint.equals(endpointId)) {
            throw new ConflictException("Request " + id + " does not adopt " + endpointId);
        }
        move(RequestStatus.ACTIVE, now, "portal", "ADOPTED", "Adopted " + endpointId
                + ": tagged with the portal's tags, nothing created");
        return this;
    }

    void addItem(EndpointRequestItem item) {
        if (!status.isEditable()) {
            throw new ConflictException("A " + status + " request cannot be edited");
        }
        items.add(item);
    }

    /**
     * The requester replaces the content of a draft, or of a request sent back with changes requested.
     * Items are replaced by {@link #addItem} calls that follow.
     */
    void revise(UserId by, TeamId team, String accountId, String region, String vpcId, String title,
            String justification, BigDecimal expectedMonthlyGb, String natGatewayId, boolean natGatewayRemoved,
            Instant now) {
        requireRequester(by, "edit");
        if (!status.isEditable()) {
            throw new ConflictException("A " + status + " request cannot be edited");
        }
        this.team = team.value();
        this.accountId = accountId;
        this.region = region;
        this.vpcId = vpcId;
        this.title = title;
        this.justification = justification;
        this.expectedMonthlyGb = expectedMonthlyGb;
        this.natGatewayId = natGatewayId;
        this.natGatewayRemoved = natGatewayRemoved && natGatewayId != null;
        this.items.clear();
        this.updatedAt = now;
        record(now, requesterName, "REVISED", status, status, "Request edited");
        registerEvent(new RequestRevised(id(), requesterName));
    }

    /** The requester sends the draft (or the revised request) to the approvers. */
    public EndpointRequest submit(UserId by, String byName, Instant now) {
        requireRequester(by, "submit");
        if (items.isEmpty()) {
            throw new ConflictException("A request without endpoints cannot be submitted");
        }
        boolean resubmission = status == RequestStatus.CHANGES_REQUESTED;
        move(RequestStatus.SUBMITTED, now, byName, "SUBMITTED",
                resubmission ? "Resubmitted for approval after changes" : "Submitted for approval");
        submittedAt = now;
        registerEvent(new RequestSubmitted(id(), by, new TeamId(team), accountId, region));
        return this;
    }

    /** The last approval stage passed. {@code automatic} approvals name the rule instead of a person. */
    public EndpointRequest approve(UserId by, String byName, String comment, Instant now) {
        refuseSelfDecision(by);
        String said = comment == null || comment.isBlank() ? "" : ": " + comment.strip();
        if (status == RequestStatus.DECOMMISSION_REQUESTED) {
            move(RequestStatus.DECOMMISSIONING, now, byName, "DECOMMISSION_APPROVED", "Decommission approved" + said);
            registerEvent(new DecommissionApproved(id(), byName, by == null));
            return this;
        }
        move(RequestStatus.APPROVED, now, byName, "APPROVED", "Approved" + said);
        registerEvent(new RequestApproved(id(), byName, by == null));
        return this;
    }

    /** Separation of duties: the requester decides nothing about their own request ({@code by} null: a rule). */
    private void refuseSelfDecision(UserId by) {
        if (by != null && by.value().equals(requesterId)) {
            throw new SelfApprovalNotAllowed(id());
        }
    }

    public EndpointRequest reject(UserId by, String byName, String reason, Instant now) {
        refuseSelfDecision(by);
        if (status == RequestStatus.DECOMMISSION_REQUESTED) {
            move(RequestStatus.ACTIVE, now, byName, "DECOMMISSION_REJECTED", "Decommission rejected: " + reason.strip());
            return this;
        }
        move(RequestStatus.REJECTED, now, byName, "REJECTED", "Rejected: " + reason.strip());
        return this;
    }

    public EndpointRequest requestChanges(UserId by, String byName, String reason, Instant now) {
        refuseSelfDecision(by);
        if (status == RequestStatus.DECOMMISSION_REQUESTED) {
            // nothing to edit in a decommission: it goes back to ACTIVE with the approver's reason
            move(RequestStatus.ACTIVE, now, byName, "DECOMMISSION_REJECTED", "Decommission sent back: " + reason.strip());
            return this;
        }
        move(RequestStatus.CHANGES_REQUESTED, now, byName, "CHANGES_REQUESTED", "Changes requested: " + reason.strip());
        return this;
    }

    /** Provisioning begins (or begins again after a failure an operator retried). */
    public EndpointRequest startProvisioning(String actor, String message, Instant now) {
        if (status != RequestStatus.PROVISIONING) {
            move(RequestStatus.PROVISIONING, now, actor, "PROVISIONING", message);
        }
        return this;
    }

    public EndpointRequest provisioned(List<String> endpointIds, Instant now) {
        move(RequestStatus.ACTIVE, now, "portal", "ACTIVE", "Provisioned: " + String.join(", ", endpointIds));
        return this;
    }

    public EndpointRequest provisioningFailed(String error, Instant now) {
        String message = error.length() > 1900 ? error.substring(0, 1900) + "…" : error;
        String what = status == RequestStatus.DECOMMISSIONING ? "Decommissioning"
                : kind == RequestKind.CHANGE ? "Applying the change" : "Provisioning";
        move(RequestStatus.FAILED, now, "portal", "FAILED", what + " failed: " + message);
        return this;
    }

    /** A note in the timeline that does not change the status (a plan was computed, a step finished). */
    public EndpointRequest note(String actor, String kind, String message, Instant now) {
        record(now, actor, kind, status, status, message);
        return this;
    }

    /** Nobody decided in time, or the requester did not resubmit in time. */
    public EndpointRequest expire(int days, Instant now) {
        if (status == RequestStatus.DECOMMISSION_REQUESTED) {
            move(RequestStatus.ACTIVE, now, "portal", "DECOMMISSION_EXPIRED",
                    "Decommission request expired: no decision within " + days + " days");
            return this;
        }
        if (status == RequestStatus.ACTIVE) {
            return note("portal", "DECOMMISSION_EXPIRED", "Decommission request closed after " + days + " days", now);
        }
        move(RequestStatus.EXPIRED, now, "portal", "EXPIRED", status == RequestStatus.CHANGES_REQUESTED
                ? "Expired: not resubmitted within " + days + " days"
                : "Expired: no decision within " + days + " days");
        return this;
    }

    /** The requester withdraws the request; only possible before provisioning starts. */
    public EndpointRequest cancel(UserId by, String byName, String reason, Instant now) {
        requireRequester(by, "cancel");
        move(RequestStatus.CANCELLED, now, byName, "CANCELLED",
                reason == null || reason.isBlank() ? "Cancelled by the requester" : "Cancelled: " + reason.strip());
        registerEvent(new RequestCancelled(id(), by, reason));
        return this;
    }

    /** The requester asks for the endpoints to be removed; approvers decide as for a submission. */
    public EndpointRequest requestDecommission(UserId by, String byName, String reason, Instant now) {
        requireRequester(by, "decommission");
        if (kind != RequestKind.NEW) {
            throw new ConflictException("A change request has no endpoint of its own: "
                    + "decommission request " + changeOf + " instead");
        }
        if (status != RequestStatus.ACTIVE) {
            throw new ConflictException("Only an ACTIVE request can be decommissioned (this one is "
                    + status + ")");
        }
        String why = reason == null || reason.isBlank() ? "" : ": " + reason.strip();
        move(RequestStatus.DECOMMISSION_REQUESTED, now, byName, "DECOMMISSION_REQUESTED", "Decommission requested" + why);
        submittedAt = now;
        registerEvent(new DecommissionRequested(id(), by, team(), reason == null ? null : reason.strip()));
        return this;
    }

    /** Decommissioning begins, or begins again after a failure an operator retried. */
    public EndpointRequest startDecommissioning(String actor, String message, Instant now) {
        if (status != RequestStatus.DECOMMISSIONING) {
            move(RequestStatus.DECOMMISSIONING, now, actor, "DECOMMISSIONING", message);
        }
        return this;
    }

    public EndpointRequest decommissioned(List<String> endpointIds, Instant now) {
        move(RequestStatus.DELETED, now, "portal", "DELETED", endpointIds.isEmpty() ? "Decommissioned: nothing was left"
                : "Decommissioned: " + String.join(", ", endpointIds) + " deleted");
        return this;
    }

    /** This change request reached AWS. */
    public EndpointRequest changeApplied(String endpointId, Instant now) {
        requireKind(RequestKind.CHANGE);
        move(RequestStatus.APPLIED, now, "portal", "APPLIED", "Change applied to " + endpointId);
        return this;
    }

    /** A change of item {@code position} waits for approval; the request stays as it is meanwhile. */
    public EndpointRequest changeRequested(EndpointRequestId changeId, int position, String byName, Instant now) {
        requireKind(RequestKind.NEW);
        if (status != RequestStatus.ACTIVE) {
            throw new ConflictException("Only the endpoints of an ACTIVE request can be changed "
                    + "(this one is " + status + ")");
        }
        record(now, byName, "CHANGE_REQUESTED", status, status, "Change " + changeId + " of endpoint " + position
                + " requested");
        registerEvent(new ChangeRequested(id(), changeId, position, byName));
        return this;
    }

    /** Takes the approved and applied state of item {@code position} from {@code change}. */
    public EndpointRequest adoptChange(EndpointRequest change, String endpointId, Instant now) {
        requireKind(RequestKind.NEW);
        if (change.kind != RequestKind.CHANGE || !id.equals(change.changeOf)) {
            throw new IllegalArgumentException(change.id + " is not a change of " + id);
        }
        EndpointRequestItem item = items.stream().filter(i -> i.position() == change.changePosition).findFirst()
                .orElseThrow(() -> new IllegalStateException("No item " + change.changePosition + " in " + id));
        item.adopt(change.items.get(0));
        updatedAt = now;
        record(now, "portal", "CHANGE_APPLIED", status, status, "Change " + change.id + " applied to " + endpointId);
        registerEvent(new ChangeApplied(id(), change.id(), change.changePosition, endpointId));
        return this;
    }

    private void requireKind(RequestKind wanted) {
        if (kind != wanted) {
            throw new ConflictException("Request " + id + " is a " + kind + " request, not " + wanted);
        }
    }

    private void requireRequester(UserId by, String action) {
        if (!by.value().equals(requesterId)) {
            throw new ForbiddenException("Only the requester can " + action + " this request");
        }
    }

    private void move(RequestStatus target, Instant now, String actor, String kind, String message) {
        RequestStatus from = status;
        status = status.moveTo(target);
        updatedAt = now;
        record(now, actor, kind, from, target, message);
        registerEvent(new RequestStatusChanged(id(), from, target, actor, message, now));
    }

    private void record(Instant now, String actor, String kind, RequestStatus from, RequestStatus to, String message) {
        timeline.add(new TimelineEntry(id, now, actor, kind, from, to, message));
    }

    private void registerEvent(Object event) {
        events.add(event);
    }

    /**
     * Hands over the pending events and forgets them, so that a listener that changes the request again
     * (an automatic approval) never sees the first events published twice.
     */
    List<Object> drainEvents() {
        List<Object> drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    public EndpointRequestId id() { return new EndpointRequestId(id); }
    public UserId requester() { return new UserId(requesterId); }
    public String requesterName() { return requesterName; }
    public TeamId team() { return new TeamId(team); }
    public String accountId() { return accountId; }
    public String region() { return region; }
    public String vpcId() { return vpcId; }
    public String title() { return title; }
    public String justification() { return justification; }
    public BigDecimal expectedMonthlyGb() { return expectedMonthlyGb; }
    public String natGatewayId() { return natGatewayId; }
    public boolean natGatewayRemoved() { return natGatewayRemoved; }
    public RequestStatus status() { return status; }
    public String idempotencyKey() { return idempotencyKey; }
    public String payloadHash() { return payloadHash; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant submittedAt() { return submittedAt; }
    public List<EndpointRequestItem> items() { return List.copyOf(items); }
    public RequestKind kind() { return kind; }
    /** The request this change changes; null for a request of kind NEW. */
    public EndpointRequestId changeOf() { return changeOf == null ? null : new EndpointRequestId(changeOf); }
    public Integer changePosition() { return changePosition; }
    /** The endpoint an adoption takes over; null when the request creates its endpoints. */
    public String adoptsEndpoint() { return adoptsEndpoint; }
    public List<TimelineEntry> timeline() { return List.copyOf(timeline); }
}
