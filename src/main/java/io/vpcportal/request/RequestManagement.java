package io.vpcportal.request;

// Over 350 lines for now: drafts, lifecycle callbacks, changes, adoption and decommissioning are to be split into
// use-case services under issue #19.
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.identity.Role;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.platform.UnprocessableException;
import io.vpcportal.request.RequestRules.CheckedItem;
import io.vpcportal.request.RequestRules.CheckedRequest;
import io.vpcportal.request.internal.EndpointRequestRepository;
import io.vpcportal.shared.TeamId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates, submits, cancels and reads endpoint requests on behalf of the signed-in user. */
@Service
public class RequestManagement {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,100}");

    private final EndpointRequestRepository requests;
    private final RequestRules rules;
    private final RequestQueries queries;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final java.util.List<ChangeCheck> changeChecks;

    RequestManagement(EndpointRequestRepository requests, RequestRules rules, RequestQueries queries,
            PlatformTransactionManager transactions, Clock clock,
            org.springframework.context.ApplicationEventPublisher events,
            org.springframework.beans.factory.ObjectProvider<ChangeCheck> changeChecks) {
        this.changeChecks = changeChecks.orderedStream().toList();
        this.requests = requests;
        this.rules = rules;
        this.queries = queries;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.events = events;
    }

    /** Saves the request, then publishes its events inside the same transaction (listeners may write too). */
    private EndpointRequest store(EndpointRequest request) {
        EndpointRequest saved = requests.save(request);
        request.drainEvents().forEach(events::publishEvent);
        return saved;
    }

    /**
     * Stores a new draft. With an idempotency key, a repeat of the same payload returns the first request; the
     * same key with another payload is refused.
     */
    public CreatedRequest create(PortalPrincipal requester, RequestDraft draft, String idempotencyKey) {
        requireRequester(requester);
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
            RequestDetails created = tx.execute(status -> RequestDetails.of(store(
                    newRequest(requester, rules.check(draft, requester), idempotencyKey, hash))));
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
        requireRequester(by);
        CheckedRequest checked = rules.check(draft, by);
        return tx.execute(status -> {
            EndpointRequest request = visible(by, id);
            RequestDraft d = checked.draft();
            request.revise(by.id(), new TeamId(d.team()), d.accountId(), d.region(), d.vpcId(), titleOf(checked),
                    d.justification().strip(), MonthlyGb.total(d.expectedMonthlyGb(), d.items()),
                    blankToNull(d.natGatewayId()), Boolean.TRUE.equals(d.natGatewayRemoved()), now());
            requests.saveAndFlush(request); // old items go before new ones take their positions
            addItems(request, checked);
            return RequestDetails.of(store(request));
        });
    }

    /**
     * Makes an endpoint that exists without a request an ACTIVE request of {@code endpoint.team()}, owned by the
     * admin who adopts it. Joins the caller's transaction, so the adoption and what the caller records with it
     * commit together.
     */
    public RequestDetails adopt(PortalPrincipal by, AdoptedEndpoint endpoint) {
        String title = "Adopted " + endpoint.templateKey() + " " + endpoint.vpcEndpointId() + " in " + endpoint.vpcId();
        return tx.execute(status -> RequestDetails.of(store(EndpointRequest.adopted(UUID.randomUUID(), by.id(),
                by.getUsername(), endpoint, title.length() <= 120 ? title : title.substring(0, 119) + "…", now()))));
    }

    /**
     * The owning team asks to take over an endpoint found in AWS: a request (kind NEW) with the endpoint's
     * current settings, submitted at once so that it goes through the approval rules (the requester may not
     * approve it). Once approved, provisioning tags the endpoint with the portal's tags instead of creating one.
     * Conflict while another adoption of the endpoint is open.
     */
    public RequestDetails requestAdoption(PortalPrincipal by, AdoptedEndpoint endpoint, String reason) {
        requireRequester(by);
        if (!by.isMemberOf(new TeamId(endpoint.team()))) {
            throw new io.vpcportal.platform.ForbiddenException("Only members of team " + endpoint.team()
                    + " can ask to adopt an endpoint for it");
        }
        openAdoption(endpoint.vpcEndpointId()).ifPresent(open -> {
            throw new io.vpcportal.platform.ConflictException("Request " + open + " already adopts "
                    + endpoint.vpcEndpointId());
        });
        String title = "Adopt " + endpoint.templateKey() + " " + endpoint.vpcEndpointId() + " in " + endpoint.vpcId();
        String justification = "Adopt " + endpoint.vpcEndpointId() + ", found in the inventory, as it is"
                + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
        try {
            return tx.execute(status -> {
                EndpointRequest request = EndpointRequest.adoption(UUID.randomUUID(), by.id(), by.getUsername(),
                        endpoint, title.length() <= 120 ? title : title.substring(0, 119) + "…",
                        justification.length() <= 2000 ? justification : justification.substring(0, 1999) + "…", now());
                store(request);
                request.submit(by.id(), by.getUsername(), now());
                return RequestDetails.of(store(request));
            });
        } catch (DataIntegrityViolationException raced) {
            throw new io.vpcportal.platform.ConflictException("Another adoption of " + endpoint.vpcEndpointId()
                    + " was just opened");
        }
    }

    /** The adoption of an endpoint that is open (waiting for approval, approved, being tagged) or done, if any. */
    public Optional<UUID> openAdoption(String vpcEndpointId) {
        return tx.execute(status -> requests.findAll((root, query, cb) -> cb.equal(root.get("adoptsEndpoint"),
                vpcEndpointId)).stream().filter(r -> !java.util.Set.of(RequestStatus.REJECTED, RequestStatus.CANCELLED,
                RequestStatus.EXPIRED, RequestStatus.DELETED, RequestStatus.FAILED)
                .contains(r.status())).map(r -> r.id().value()).findFirst());
    }

    /** An approved adoption tagged its endpoint: the request is ACTIVE. */
    public RequestDetails adoptionCompleted(EndpointRequestId id, String endpointId) {
        return tx.execute(status -> RequestDetails.of(store(load(id).adoptionCompleted(endpointId, now()))));
    }

    /** Approves a submitted request; {@code by} is null when a rule approved it automatically. */
    public RequestDetails approve(EndpointRequestId id, io.vpcportal.shared.UserId by, String byName, String comment) {
        return tx.execute(status -> RequestDetails.of(store(load(id).approve(by, byName, comment, now()))));
    }

    public RequestDetails reject(EndpointRequestId id, io.vpcportal.shared.UserId by, String byName, String reason) {
        return tx.execute(status -> RequestDetails.of(store(load(id).reject(by, byName, reason, now()))));
    }

    public RequestDetails requestChanges(EndpointRequestId id, io.vpcportal.shared.UserId by, String byName,
            String reason) {
        return tx.execute(status -> RequestDetails.of(store(load(id).requestChanges(by, byName, reason, now()))));
    }

    public RequestDetails startProvisioning(EndpointRequestId id, String message) {
        return tx.execute(status -> RequestDetails.of(store(load(id).startProvisioning("portal", message, now()))));
    }

    public RequestDetails provisioned(EndpointRequestId id, java.util.List<String> endpointIds) {
        return tx.execute(status -> RequestDetails.of(store(load(id).provisioned(endpointIds, now()))));
    }

    public RequestDetails provisioningFailed(EndpointRequestId id, String error) {
        return tx.execute(status -> RequestDetails.of(store(load(id).provisioningFailed(error, now()))));
    }

    public RequestDetails note(EndpointRequestId id, String kind, String message) {
        return tx.execute(status -> RequestDetails.of(store(load(id).note("portal", kind, message, now()))));
    }

    /** Closes one request that waited longer than {@code days} for a decision. */
    public RequestDetails expire(EndpointRequestId id, int days) {
        return tx.execute(status -> RequestDetails.of(store(load(id).expire(days, now()))));
    }

    /** A request as the portal itself sees it, without a user's visibility rules. */
    public java.util.Optional<RequestDetails> find(EndpointRequestId id) {
        return tx.execute(status -> requests.findById(id.value()).map(RequestDetails::of));
    }

    /**
     * Summaries of many requests, as the portal itself sees them, in two statements however many there are (for
     * lists built from another module's rows, such as the approver's inbox). Unknown ids are left out.
     */
    public java.util.Map<java.util.UUID, RequestSummary> summaries(java.util.Collection<java.util.UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return tx.execute(status -> {
            java.util.Map<java.util.UUID, java.util.List<String>> keys = new java.util.HashMap<>();
            for (Object[] row : requests.templateKeys(ids)) {
                keys.computeIfAbsent((java.util.UUID) row[0], k -> new java.util.ArrayList<>()).add((String) row[1]);
            }
            java.util.Map<java.util.UUID, RequestSummary> summaries = new java.util.HashMap<>();
            for (Object[] row : requests.summaryColumns(ids)) {
                java.util.UUID id = (java.util.UUID) row[0];
                summaries.put(id, new RequestSummary(id, (String) row[1], (RequestStatus) row[2], (String) row[3],
                        (String) row[4], (String) row[5], (String) row[6], (String) row[7],
                        java.util.List.copyOf(keys.getOrDefault(id, java.util.List.of())), (java.time.Instant) row[8]));
            }
            return summaries;
        });
    }

    /** Every request in {@code status}, as the portal itself sees them (the savings collection reads ACTIVE ones). */
    public java.util.List<RequestDetails> inStatus(RequestStatus wanted) {
        return tx.execute(status -> requests.findAll((root, query, cb) -> cb.equal(root.get("status"), wanted))
                .stream().map(RequestDetails::of).toList());
    }

    /** Fails with NotFound (as for an unknown id) when {@code by} may not see the request. */
    public void requireVisible(PortalPrincipal by, UUID id) {
        if (!canSee(by, new EndpointRequestId(id))) {
            throw new NotFoundException("No request " + id);
        }
    }

    /** Whether {@code by} may see the request: the same rule as the API's. */
    public boolean canSee(PortalPrincipal by, EndpointRequestId id) {
        return Boolean.TRUE.equals(tx.execute(status -> requests.findById(id.value())
                .map(r -> RequestQueries.canSee(by, r)).orElse(false)));
    }

    private EndpointRequest load(EndpointRequestId id) {
        return requests.findById(id.value()).orElseThrow(() -> new NotFoundException("No request " + id));
    }

    public RequestDetails submit(PortalPrincipal by, UUID id) {
        requireRequester(by);
        return tx.execute(status -> {
            EndpointRequest request = visible(by, id);
            request.submit(by.id(), by.getUsername(), now());
            return RequestDetails.of(store(request));
        });
    }

    public RequestDetails cancel(PortalPrincipal by, UUID id, String reason) {
        if (reason != null && reason.length() > 500) {
            throw new InvalidInputException("reason", "must be at most 500 characters");
        }
        return tx.execute(status -> {
            EndpointRequest request = visible(by, id);
            request.cancel(by.id(), by.getUsername(), reason, now());
            return RequestDetails.of(store(request));
        });
    }

    public RequestDetails get(PortalPrincipal by, UUID id) {
        return tx.execute(status -> RequestDetails.of(visible(by, id)));
    }

    public RequestPage list(PortalPrincipal by, RequestFilter filter, String cursor, int limit) {
        return queries.page(by, filter, cursor, limit);
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

    private RequestDetails change(PortalPrincipal by, UUID id, ChangeDraft change, boolean restore) {
        requireRequester(by);
        RequestDetails original = get(by, id);
        if (!by.isMemberOf(new TeamId(original.team())) && !original.requester().equals(by.getUsername())
                && !(restore && by.hasRole(Role.ADMIN))) {
            throw new io.vpcportal.platform.ForbiddenException("Only members of team " + original.team()
                    + (restore ? " and admins can reconcile" : " can change") + " its endpoints");
        }
        requireChangeable(original);
        int position = change.position() == null ? 0 : change.position();
        RequestDetails.ItemDetails current = original.items().stream().filter(i -> i.position() == position)
                .findFirst().orElseThrow(() -> new InvalidInputException("position", "must be the position of an "
                        + "endpoint of the request (0 to " + (original.items().size() - 1) + ")"));
        CheckedRequest checked;
        try {
            checked = rules.check(changeDraft(original, current, change), by);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.violations().stream().map(v -> new io.vpcportal.platform.FieldViolation(
                    v.field().replaceFirst("^items\\[0]\\.", ""), v.message())).toList());
        }
        ItemDraft wanted = checked.items().get(0).draft();
        RequestDetails.ItemDetails changed = new RequestDetails.ItemDetails(position, current.templateKey(),
                current.templateVersion(), current.endpointType(), current.serviceName(), current.serviceRegion(),
                sortedDistinct(wanted.routeTableIds()), sortedDistinct(wanted.subnetIds()),
                sortedDistinct(wanted.securityGroupIds()),
                !"Gateway".equals(current.endpointType()) && Boolean.TRUE.equals(wanted.privateDns()),
                checked.items().get(0).policy().key(), sortedDistinct(wanted.bucketNames()),
                sortedDistinct(wanted.tableNames()), blankToNull(wanted.customPolicy()),
                new java.util.TreeMap<>(wanted.tags()), current.expectedMonthlyGb());
        if (!restore && sameSettings(current, changed)) {
            throw new UnprocessableException("The change leaves endpoint " + position + " as it is: nothing to approve");
        }
        java.util.List<String> problems = changeChecks.stream()
                .flatMap(c -> c.problems(original, position, changed).stream()).toList();
        if (!problems.isEmpty()) {
            throw new UnprocessableException("The change cannot be applied: " + String.join("; ", problems));
        }
        return tx.execute(status -> {
            EndpointRequest request = visible(by, id);
            requireChangeable(RequestDetails.of(request));
            EndpointRequest draft = new EndpointRequest(UUID.randomUUID(), request, position, by.id(),
                    by.getUsername(), checked.draft().justification().strip(), now());
            addItems(draft, checked);
            store(draft);
            request.changeRequested(draft.id(), position, by.getUsername(), now());
            store(request);
            draft.submit(by.id(), by.getUsername(), now());
            return RequestDetails.of(store(draft));
        });
    }

    /** The change requests of a request, newest first. */
    public java.util.List<RequestSummary> changesOf(PortalPrincipal by, UUID id) {
        return tx.execute(status -> {
            visible(by, id);
            return requests.findByChangeOfOrderByCreatedAtDesc(id).stream().map(RequestSummary::of).toList();
        });
    }

    /** The requester asks for the endpoints of an ACTIVE request to be removed; it goes through approval. */
    public RequestDetails requestDecommission(PortalPrincipal by, UUID id, String reason) {
        requireRequester(by);
        if (reason != null && (reason.length() > 500 || io.vpcportal.platform.TextRules.containsNul(reason))) {
            throw new InvalidInputException("reason", "must be at most 500 characters");
        }
        return tx.execute(status -> {
            EndpointRequest request = visible(by, id);
            if (request.status() == RequestStatus.ACTIVE && openChange(id).isPresent()) {
                throw new io.vpcportal.platform.ConflictException("Change " + openChange(id).get()
                        + " is still open: let it finish (or fail) before decommissioning");
            }
            request.requestDecommission(by.id(), by.getUsername(), reason, now());
            return RequestDetails.of(store(request));
        });
    }

    public RequestDetails startDecommissioning(EndpointRequestId id, String message) {
        return tx.execute(status -> RequestDetails.of(store(load(id).startDecommissioning("portal", message, now()))));
    }

    public RequestDetails decommissioned(EndpointRequestId id, java.util.List<String> endpointIds) {
        return tx.execute(status -> RequestDetails.of(store(load(id).decommissioned(endpointIds, now()))));
    }

    /**
     * A change reached AWS: the change request ends APPLIED and the request it changes takes the new state of
     * the endpoint, in one transaction.
     */
    public RequestDetails changeApplied(EndpointRequestId changeId, String endpointId) {
        return tx.execute(status -> {
            EndpointRequest change = load(changeId);
            EndpointRequest original = load(change.changeOf());
            change.changeApplied(endpointId, now());
            store(change);
            original.adoptChange(change, endpointId, now());
            store(original);
            return RequestDetails.of(change);
        });
    }

    private void requireChangeable(RequestDetails original) {
        if (original.isChange()) {
            throw new io.vpcportal.platform.ConflictException("Request " + original.id() + " is itself a change: change "
                    + "request " + original.changeOf() + " instead");
        }
        if (original.status() != RequestStatus.ACTIVE) {
            throw new io.vpcportal.platform.ConflictException("Only the endpoints of an ACTIVE request can be changed "
                    + "(this one is " + original.status() + ")");
        }
        openChange(original.id()).ifPresent(open -> {
            throw new io.vpcportal.platform.ConflictException("Change " + open + " of this request is still open: "
                    + "let it finish (or fail and be retried) first");
        });
    }

    /** A change of {@code id} that has not ended yet (a failed one stays open until an operator retries it). */
    private Optional<UUID> openChange(UUID id) {
        return requests.findByChangeOfOrderByCreatedAtDesc(id).stream()
                .filter(c -> !c.status().isTerminal()).map(c -> c.id().value()).findFirst();
    }

    private static RequestDraft changeDraft(RequestDetails original, RequestDetails.ItemDetails current,
            ChangeDraft change) {
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
                change.justification(), null, original.natGatewayId(), java.util.List.of(item),
                original.natGatewayRemoved());
    }

    private static boolean sameSettings(RequestDetails.ItemDetails a, RequestDetails.ItemDetails b) {
        return a.routeTableIds().equals(b.routeTableIds()) && a.subnetIds().equals(b.subnetIds())
                && a.securityGroupIds().equals(b.securityGroupIds()) && a.privateDns() == b.privateDns()
                && a.policyChoice().equals(b.policyChoice()) && a.bucketNames().equals(b.bucketNames())
                && a.tableNames().equals(b.tableNames()) && java.util.Objects.equals(a.customPolicy(), b.customPolicy())
                && a.tags().equals(b.tags());
    }

    private static java.util.List<String> sortedDistinct(java.util.List<String> values) {
        return values.stream().distinct().sorted().toList();
    }

    private Optional<CreatedRequest> replay(PortalPrincipal requester, String key, String hash) {
        return tx.execute(status -> requests.findByRequesterIdAndIdempotencyKey(requester.id().value(), key)
                .map(earlier -> {
                    if (!earlier.payloadHash().equals(hash)) {
                        throw new UnprocessableException("Idempotency-Key '" + key
                                + "' was already used for another payload (request " + earlier.id() + ")");
                    }
                    return new CreatedRequest(RequestDetails.of(earlier), true);
                }));
    }

    private EndpointRequest newRequest(PortalPrincipal requester, CheckedRequest checked, String key, String hash) {
        RequestDraft d = checked.draft();
        UUID id = UUID.randomUUID();
        EndpointRequest request = new EndpointRequest(id, requester.id(), requester.getUsername(), new TeamId(d.team()),
                d.accountId(), d.region(), d.vpcId(), titleOf(checked), d.justification().strip(),
                MonthlyGb.total(d.expectedMonthlyGb(), d.items()),
                blankToNull(d.natGatewayId()), Boolean.TRUE.equals(d.natGatewayRemoved()), key, hash, now());
        addItems(request, checked);
        return request;
    }

    private static String titleOf(CheckedRequest checked) {
        String title = checked.draft().title();
        return title == null || title.isBlank() ? defaultTitle(checked) : title.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private void addItems(EndpointRequest request, CheckedRequest checked) {
        UUID id = request.id().value();
        int position = 0;
        java.util.List<BigDecimal> gb = MonthlyGb.perItem(checked.draft().expectedMonthlyGb(),
                checked.items().stream().map(CheckedItem::draft).toList());
        for (CheckedItem item : checked.items()) {
            ItemDraft i = item.draft();
            boolean privateDns = item.template().endpointType() != io.vpcportal.catalog.EndpointType.Gateway
                    && (i.privateDns() != null ? i.privateDns()
                    : item.template().field("privateDns").map(f -> "true".equals(f.defaultValue())).orElse(false));
            BigDecimal itemGb = gb.get(position);
            request.addItem(new EndpointRequestItem(id, position++, item.template().key(), item.template().version(),
                    item.template().endpointType(), item.serviceName(),
                    i.serviceRegion() == null || i.serviceRegion().isBlank() ? null : i.serviceRegion(),
                    i.routeTableIds(), i.subnetIds(), i.securityGroupIds(), privateDns, item.policy(),
                    i.bucketNames(), i.tableNames(), blankToNull(i.customPolicy()), i.tags(), itemGb));
        }
    }

    private static String defaultTitle(CheckedRequest checked) {
        String names = checked.items().stream().map(i -> i.template().name()).collect(Collectors.joining(" + "));
        String title = names + " in " + checked.draft().vpcId();
        return title.length() <= 120 ? title : title.substring(0, 119) + "…";
    }

    private EndpointRequest visible(PortalPrincipal by, UUID id) {
        return requests.findById(id).filter(r -> RequestQueries.canSee(by, r))
                .orElseThrow(() -> new NotFoundException("No request " + id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Creating, revising, submitting, changing, decommissioning and asking to adopt need the REQUESTER role (or
     * ADMIN), checked before anything about the request is read or validated: team membership alone is not enough.
     */
    public static void requireRequester(PortalPrincipal p) {
        if (!p.hasRole(Role.REQUESTER) && !p.hasRole(Role.ADMIN)) {
            throw new io.vpcportal.platform.ForbiddenException(
                    "Creating, changing, submitting or decommissioning requests needs the REQUESTER role");
        }
    }

    static boolean isAdminOrApprover(PortalPrincipal p) {
        return p.hasRole(Role.ADMIN) || p.hasRole(Role.APPROVER);
    }
}
