package io.vpcportal.inventory;

// Over 350 lines for now: the sync left for InventorySync this session; reads, adoption and drift decisions are
// still here and are to be split by use case under issue #19.
import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.catalog.CatalogManagement;
import io.vpcportal.catalog.EndpointTemplateDetails;
import io.vpcportal.catalog.EndpointType;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.identity.Role;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.ForbiddenException;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.platform.UnprocessableException;
import io.vpcportal.catalog.PolicyChoice;
import io.vpcportal.request.AdoptedEndpoint;
import io.vpcportal.request.ChangeDraft;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestAdoption;
import io.vpcportal.request.RequestChanges;
import io.vpcportal.request.RequestDrafts;
import io.vpcportal.shared.TeamId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory's API (syncs are {@link InventorySync}): list and read endpoints and VPCs as the caller may see them
 * (requesters: their teams' accounts; approvers and admins: every account), adopt unmanaged endpoints (admins
 * directly, the owning team through approval) and accept drift (admins), reconcile drift through a change request
 * (the owning team and admins).
 */
@Service
public class InventoryManagement {

    private final InventoryQueries queries;
    private final EndpointReads reads;
    private final Baselines baselines;
    private final TopologyReads topologies;
    private final AccountManagement accounts;
    private final CatalogManagement catalog;
    private final RequestChanges changes;
    private final RequestAdoption adoption;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final io.vpcportal.provisioning.ProvisioningManagement provisioning;

    InventoryManagement(InventoryQueries queries, EndpointReads reads,
            Baselines baselines, TopologyReads topologies, AccountManagement accounts, CatalogManagement catalog,
            RequestChanges changes, RequestAdoption adoption,
            JdbcTemplate jdbc, ApplicationEventPublisher events,
            Clock clock, io.vpcportal.provisioning.ProvisioningManagement provisioning) {
        this.provisioning = provisioning;
        this.queries = queries;
        this.reads = reads;
        this.baselines = baselines;
        this.topologies = topologies;
        this.accounts = accounts;
        this.catalog = catalog;
        this.changes = changes;
        this.adoption = adoption;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public EndpointPage endpoints(PortalPrincipal by, EndpointFilter filter, String cursor, int limit) {
        return queries.page(filter, visibleAccounts(by), cursor, limit);
    }

    /** Every matching row in list order, read page by page so that an export of any size needs little memory. */
    public void forEachEndpoint(PortalPrincipal by, EndpointFilter filter, Consumer<EndpointSummary> sink) {
        String cursor = null;
        do {
            EndpointPage page = queries.page(filter, visibleAccounts(by), cursor, InventoryQueries.MAX_LIMIT);
            page.items().forEach(sink);
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    /** NotFound when unknown, or in an account the caller may not see. */
    @Transactional(readOnly = true)
    public EndpointDetails endpoint(PortalPrincipal by, String endpointId) {
        EndpointDetails details = reads.endpoint(endpointId).orElseThrow(() -> notFound(endpointId));
        if (!mayView(by, details.summary().accountId())) {
            throw notFound(endpointId);
        }
        return details;
    }

    @Transactional(readOnly = true)
    public VpcCoverage vpc(PortalPrincipal by, String vpcId) {
        String account = reads.accountOfVpc(vpcId).orElseThrow(() -> new NotFoundException("No VPC " + vpcId
                + " in the inventory"));
        if (!mayView(by, account)) {
            throw new NotFoundException("No VPC " + vpcId + " in the inventory");
        }
        return reads.vpc(vpcId);
    }

    /**
     * The VPC's subnets, route tables, NAT gateways, security groups and endpoints for drawing; empty when the
     * inventory has never seen the VPC, NotFound when it is in an account the caller may not see.
     */
    @Transactional(readOnly = true)
    public Optional<VpcTopology> topology(PortalPrincipal by, String vpcId) {
        Optional<String> account = reads.accountOfVpc(vpcId);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        if (!mayView(by, account.get())) {
            throw new NotFoundException("No VPC " + vpcId + " in the inventory");
        }
        return Optional.of(topologies.read(vpcId));
    }

    /** VPCs with a NAT gateway and no S3 or DynamoDB gateway endpoint, and VPCs with duplicate endpoints. */
    @Transactional(readOnly = true)
    public List<Recommendation> coverage(PortalPrincipal by) {
        return reads.coverage(visibleAccounts(by));
    }

    /**
     * Admins: makes an unmanaged endpoint an ACTIVE request of {@code team} (blank: the account's only team),
     * with its current settings and policy as the approved state. The request, the link and the audit row
     * commit together.
     */
    @Transactional
    public EndpointDetails adopt(PortalPrincipal by, String endpointId, String team) {
        requireAdmin(by);
        Adoptable a = adoptable(by, endpointId, team);
        RequestDetails request = adoption.adopt(by, a.endpoint());
        EndpointDetails e = a.details();
        String id = e.summary().id();
        jdbc.update("update inventory_endpoint set request_id = ?, request_position = 0, drift = false, "
                + "drift_summary = null where vpc_endpoint_id = ?", request.id(), id);
        baselines.record(id, request.id(), 0, new Drift.Approved("ADOPTED", e.policy(), e.routeTableIds(),
                e.subnetIds(), e.securityGroupIds(), e.privateDns(),
                // what it will carry once provisioning has tagged it: its own tags and the portal's
                provisioning.tagsOf(request.id(), 0).orElse(Drift.ownTags(e.tags())), by.getUsername(), now()));
        events.publishEvent(new EndpointAdopted(id, request.id(), a.endpoint().team(), by.getUsername()));
        // record and tag it through provisioning, so a change or a decommission of this request finds it
        provisioning.adoptedDirectly(new io.vpcportal.request.EndpointRequestId(request.id()));
        return endpoint(by, endpointId);
    }

    /**
     * A member of a team that may use the endpoint's account asks to adopt it for that team ({@code team} blank:
     * the caller's only such team): a request with the endpoint's current settings goes through the approval
     * rules (the caller may not approve it); once approved, provisioning tags the endpoint with the portal's tags
     * instead of creating one, and the next sync links it. Audited.
     */
    @Transactional
    public RequestDetails requestAdoption(PortalPrincipal by, String endpointId, String team, String reason) {
        RequestDrafts.requireRequester(by);
        if (reason != null && reason.length() > 500) {
            throw new InvalidInputException("reason", "must be at most 500 characters");
        }
        String owner = team;
        if (owner == null || owner.isBlank()) {
            EndpointDetails e = endpoint(by, endpointId);
            AccountDetails account = accounts.find(e.summary().accountId()).orElseThrow(() -> notFound(endpointId));
            List<String> mine = account.teams().stream().filter(t -> by.isMemberOf(new TeamId(t))).toList();
            if (mine.isEmpty()) {
                throw new ForbiddenException("Only members of a team that may use account " + account.id()
                        + " can ask to adopt its endpoints");
            }
            if (mine.size() > 1) {
                throw new InvalidInputException("team", "must name the team to own it: one of " + String.join(", ", mine));
            }
            owner = mine.get(0);
        }
        Adoptable a = adoptable(by, endpointId, owner);
        RequestDetails request = adoption.requestAdoption(by, a.endpoint(), reason);
        events.publishEvent(new EndpointAdoptionRequested(a.details().summary().id(), request.id(), a.endpoint().team(),
                by.getUsername()));
        return request;
    }

    /** Whether {@code by} belongs to a team that may use the endpoint's account (and so may ask to adopt it). */
    public boolean mayRequestAdoption(PortalPrincipal by, EndpointSummary endpoint) {
        return accounts.find(endpoint.accountId()).map(a -> a.teams().stream().anyMatch(t -> by.isMemberOf(new TeamId(t))))
                .orElse(false);
    }

    private record Adoptable(EndpointDetails details, AdoptedEndpoint endpoint) {
    }

    /** The endpoint as an adoption would take it over; Conflict when it cannot be adopted (any more). */
    private Adoptable adoptable(PortalPrincipal by, String endpointId, String team) {
        EndpointDetails e = endpoint(by, endpointId);
        EndpointSummary s = e.summary();
        if (s.managed()) {
            throw new ConflictException(endpointId + " is already managed by request " + s.requestId());
        }
        if (s.goneAt() != null) {
            throw new ConflictException(endpointId + " no longer exists");
        }
        adoption.openAdoption(s.id()).ifPresent(open -> {
            throw new ConflictException("Request " + open + " already adopts " + endpointId);
        });
        AccountDetails account = accounts.find(s.accountId()).orElseThrow(() -> notFound(endpointId));
        String owner = team == null || team.isBlank() ? soleTeam(account) : team.strip();
        if (!TeamId.isValid(owner) || !account.usableBy(new TeamId(owner))) {
            throw new InvalidInputException("team", "must be a team that may use account " + account.id() + ": "
                    + String.join(", ", account.teams()));
        }
        EndpointType type = Arrays.stream(EndpointType.values()).filter(t -> t.name().equalsIgnoreCase(s.endpointType()))
                .findFirst().orElseThrow(() -> new UnprocessableException("Endpoints of type " + s.endpointType()
                        + " cannot be adopted"));
        EndpointTemplateDetails template = catalog.latestVersions().stream().filter(t -> !t.retired())
                .filter(t -> t.endpointType() == type)
                .filter(t -> t.serviceNameIn(s.region()).filter(s.serviceName()::equals).isPresent())
                .findFirst().orElseThrow(() -> new UnprocessableException("No catalog template offers "
                        + s.serviceName() + " as a " + type + " endpoint in " + s.region() + ": add one before adopting"));
        return new Adoptable(e, new AdoptedEndpoint(s.id(), owner, s.accountId(), s.region(), s.vpcId(),
                template.key(), template.version(), type, s.serviceName(), e.routeTableIds(), e.subnetIds(),
                e.securityGroupIds(), e.privateDns(), e.policy(), itemTags(Drift.ownTags(e.tags()))));
    }

    /** Admins: records the endpoint's actual state as its approved state; audited with the reason. */
    @Transactional
    public EndpointDetails acceptDrift(PortalPrincipal by, String endpointId, String reason) {
        requireAdmin(by);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "must say why the actual state is accepted");
        }
        if (reason.length() > 500) {
            throw new InvalidInputException("reason", "must be at most 500 characters");
        }
        EndpointDetails e = endpoint(by, endpointId);
        EndpointSummary s = e.summary();
        if (!s.managed() || e.drift() == null) {
            throw new ConflictException(endpointId + " is not managed by the portal: adopt it instead");
        }
        if (s.goneAt() != null) {
            throw new ConflictException(endpointId + " no longer exists: there is no state to accept");
        }
        if (!e.drift().drifted()) {
            throw new ConflictException(endpointId + " matches its approved state: nothing to accept");
        }
        Drift.Approved before = baselines.find(s.id()).orElseThrow();
        Drift.Approved after = new Drift.Approved("ACCEPTED", e.policy(), e.routeTableIds(), e.subnetIds(),
                e.securityGroupIds(), e.privateDns(), Drift.ownTags(e.tags()), by.getUsername(), now());
        int position = jdbc.queryForObject("select request_position from inventory_baseline where vpc_endpoint_id = ?",
                Integer.class, s.id());
        baselines.record(s.id(), s.requestId(), position, after);
        jdbc.update("update inventory_endpoint set drift = false, drift_summary = null where vpc_endpoint_id = ?", s.id());
        events.publishEvent(new DriftAccepted(s.id(), s.requestId(), by.getUsername(), reason.strip(),
                auditState(before), auditState(after)));
        return endpoint(by, endpointId);
    }

    /**
     * Asks for a drifted endpoint's approved state to go back to AWS. Separation of duties: this only creates a
     * change request (kind CHANGE) of the endpoint's request whose settings are the approved ones; it goes through
     * the approval rules like any change, and once approved provisioning describes the endpoint, diffs it with
     * the approved settings and sends the difference with {@code ModifyVpcEndpoint}. Members of the owning team
     * and admins may ask; the request and its audit row commit together.
     */
    @Transactional
    public RequestDetails reconcile(PortalPrincipal by, String endpointId, String reason) {
        RequestDrafts.requireRequester(by);
        if (reason != null && reason.length() > 500) {
            throw new InvalidInputException("reason", "must be at most 500 characters");
        }
        EndpointDetails e = endpoint(by, endpointId);
        EndpointSummary s = e.summary();
        if (!s.managed() || e.drift() == null) {
            throw new ConflictException(endpointId + " is not managed by the portal: there is no approved state to "
                    + "restore (adopt it instead)");
        }
        if (s.goneAt() != null) {
            throw new ConflictException(endpointId + " no longer exists: there is nothing to reconcile");
        }
        if (!e.drift().drifted()) {
            throw new ConflictException(endpointId + " matches its approved state: nothing to reconcile");
        }
        Drift.Approved approved = baselines.find(s.id()).orElseThrow();
        int position = jdbc.queryForObject("select request_position from inventory_baseline where vpc_endpoint_id = ?",
                Integer.class, s.id());
        String drift = Drift.summary(e.drift());
        String why = "Reconcile drift of " + s.id() + " (" + drift + "): restore the approved state"
                + (reason == null || reason.isBlank() ? "" : ". " + reason.strip());
        // an approved state from the request keeps the request's own policy choice (it generates the policy);
        // an accepted or adopted one is a policy document of its own
        boolean fromRequest = "REQUEST".equals(approved.source());
        String policy = approved.policy() == null || approved.policy().isBlank() ? Drift.DEFAULT_POLICY : approved.policy();
        boolean gateway = "Gateway".equalsIgnoreCase(s.endpointType());
        RequestDetails change = changes.requestRestore(by, s.requestId(), new ChangeDraft(position,
                approved.routeTableIds(), approved.subnetIds(), approved.securityGroupIds(),
                gateway ? null : approved.privateDns(), fromRequest ? null : PolicyChoice.CUSTOM.key(), null, null,
                fromRequest ? null : policy, why, approved.tags() == null ? null : itemTags(approved.tags())));
        events.publishEvent(new DriftReconcileRequested(s.id(), s.requestId(), change.id(), by.getUsername(), drift,
                auditState(approved)));
        return change;
    }

    private static java.util.Map<String, Object> auditState(Drift.Approved a) {
        java.util.Map<String, Object> state = new java.util.TreeMap<>();
        state.put("source", a.source());
        state.put("policy", a.policy());
        state.put("routeTableIds", a.routeTableIds());
        state.put("subnetIds", a.subnetIds());
        state.put("securityGroupIds", a.securityGroupIds());
        state.put("privateDns", a.privateDns());
        state.put("tags", a.tags());
        return state;
    }

    /** A request item's own tags: the portal writes its {@code portal:…} tags itself, AWS its {@code aws:…} ones. */
    private static java.util.Map<String, String> itemTags(java.util.Map<String, String> tags) {
        java.util.Map<String, String> own = new java.util.TreeMap<>(Drift.ownTags(tags));
        own.keySet().removeIf(k -> k.regionMatches(true, 0, "portal:", 0, 7));
        return own;
    }

    private static String soleTeam(AccountDetails account) {
        if (account.teams().size() != 1) {
            throw new InvalidInputException("team", "must name the owning team: account " + account.id()
                    + " may be used by " + (account.teams().isEmpty() ? "no team" : String.join(", ", account.teams())));
        }
        return account.teams().first();
    }

    /** Null: every account. */
    private List<String> visibleAccounts(PortalPrincipal by) {
        return seesAll(by) ? null : accounts.usableBy(by.teams()).stream().map(AccountDetails::id).toList();
    }

    private boolean mayView(PortalPrincipal by, String accountId) {
        return seesAll(by) || accounts.find(accountId).map(a -> by.teams().stream().anyMatch(a::usableBy)).orElse(false);
    }

    static boolean seesAll(PortalPrincipal p) {
        return p.hasRole(Role.ADMIN) || p.hasRole(Role.APPROVER);
    }

    private static void requireAdmin(PortalPrincipal p) {
        if (!p.hasRole(Role.ADMIN)) {
            throw new ForbiddenException("Only administrators may do this");
        }
    }

    private static NotFoundException notFound(String endpointId) {
        return new NotFoundException("No endpoint " + endpointId + " in the inventory");
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
