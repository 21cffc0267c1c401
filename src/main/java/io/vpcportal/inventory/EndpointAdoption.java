package io.vpcportal.inventory;

import static io.vpcportal.inventory.InventoryReads.notFound;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.catalog.CatalogManagement;
import io.vpcportal.catalog.EndpointTemplateDetails;
import io.vpcportal.catalog.EndpointType;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.inventory.internal.Baselines;
import io.vpcportal.inventory.internal.Drift;
import io.vpcportal.inventory.internal.InventoryStore;
import io.vpcportal.inventory.internal.InventoryVisibility;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.ForbiddenException;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.UnprocessableException;
import io.vpcportal.provisioning.ProvisioningManagement;
import io.vpcportal.request.AdoptedEndpoint;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestAdoption;
import io.vpcportal.request.RequestDrafts;
import io.vpcportal.shared.TeamId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adoption of unmanaged endpoints: admins adopt directly, a member of a team that may use the endpoint's account asks
 * for it through the approval rules. Either way the endpoint becomes an ACTIVE request's, with its current settings
 * and policy as the approved state.
 */
@Service
public class EndpointAdoption {

    private final InventoryReads reads;
    private final Baselines baselines;
    private final InventoryStore store;
    private final AccountManagement accounts;
    private final CatalogManagement catalog;
    private final RequestAdoption requests;
    private final ProvisioningManagement provisioning;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EndpointAdoption(InventoryReads reads, Baselines baselines, InventoryStore store, AccountManagement accounts,
            CatalogManagement catalog, RequestAdoption requests, ProvisioningManagement provisioning,
            ApplicationEventPublisher events, Clock clock) {
        this.reads = reads;
        this.baselines = baselines;
        this.store = store;
        this.accounts = accounts;
        this.catalog = catalog;
        this.requests = requests;
        this.provisioning = provisioning;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Admins: makes an unmanaged endpoint an ACTIVE request of {@code team} (blank: the account's only team),
     * with its current settings and policy as the approved state. The request, the link and the audit row
     * commit together.
     */
    @Transactional
    public EndpointDetails adopt(PortalPrincipal by, String endpointId, String team) {
        InventoryVisibility.requireAdmin(by);
        Adoptable a = adoptable(by, endpointId, team);
        RequestDetails request = requests.adopt(by, a.endpoint());
        EndpointDetails e = a.details();
        String id = e.summary().id();
        store.linkAdopted(id, request.id());
        baselines.record(id, request.id(), 0, new Drift.Approved("ADOPTED", e.policy(), e.routeTableIds(),
                e.subnetIds(), e.securityGroupIds(), e.privateDns(),
                // what it will carry once provisioning has tagged it: its own tags and the portal's
                provisioning.tagsOf(request.id(), 0).orElse(Drift.ownTags(e.tags())), by.getUsername(),
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
        events.publishEvent(new EndpointAdopted(id, request.id(), a.endpoint().team(), by.getUsername()));
        // record and tag it through provisioning, so a change or a decommission of this request finds it
        provisioning.adoptedDirectly(new EndpointRequestId(request.id()));
        return reads.endpoint(by, endpointId);
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
            EndpointDetails e = reads.endpoint(by, endpointId);
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
        RequestDetails request = requests.requestAdoption(by, a.endpoint(), reason);
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
        EndpointDetails e = reads.endpoint(by, endpointId);
        EndpointSummary s = e.summary();
        if (s.managed()) {
            throw new ConflictException(endpointId + " is already managed by request " + s.requestId());
        }
        if (s.goneAt() != null) {
            throw new ConflictException(endpointId + " no longer exists");
        }
        requests.openAdoption(s.id()).ifPresent(open -> {
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
                e.securityGroupIds(), e.privateDns(), e.policy(), Drift.itemTags(Drift.ownTags(e.tags()))));
    }

    private static String soleTeam(AccountDetails account) {
        if (account.teams().size() != 1) {
            throw new InvalidInputException("team", "must name the owning team: account " + account.id()
                    + " may be used by " + (account.teams().isEmpty() ? "no team" : String.join(", ", account.teams())));
        }
        return account.teams().first();
    }
}
