package io.vpcportal.organization;

import io.vpcportal.account.AccountChange;
import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountSource;
import io.vpcportal.account.DiscoveredAccounts;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.aws.AwsAccess;
import io.vpcportal.organization.internal.DiscoveryPlan;
import io.vpcportal.organization.internal.DiscoveryRunStore;
import io.vpcportal.organization.internal.OrganizationDirectory;
import io.vpcportal.organization.internal.OrganizationDirectory.Access;
import io.vpcportal.organization.internal.OrganizationSourceStore;
import io.vpcportal.organization.internal.OrganizationWalks;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.shared.TeamId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Runs discovery: walks the organization, decides what changes ({@link DiscoveryPlan}) and, unless it is a dry run,
 * applies it account by account through {@link DiscoveredAccounts} (each change its own transaction and audit row).
 * Tags are read for new accounts and for a rotating slice of known ones ({@code portal.organization.tag-refresh-per-run}),
 * so that a rediscovery with nothing new costs only the listing calls. One run at a time per instance; the scheduled
 * run is a db-scheduler task, so one instance at a time runs it.
 */
@Service
public class OrganizationDiscovery {

    private static final Logger log = LoggerFactory.getLogger(OrganizationDiscovery.class);

    private final OrganizationSourceStore sources;
    private final DiscoveryRunStore runs;
    private final OrganizationDirectory directory;
    private final DiscoveredAccounts accounts;
    private final IdentityManagement identity;
    private final OrganizationProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AwsAccess aws;
    private final ReentrantLock running = new ReentrantLock();

    OrganizationDiscovery(OrganizationSourceStore sources, DiscoveryRunStore runs, OrganizationDirectory directory,
            DiscoveredAccounts accounts, IdentityManagement identity, OrganizationProperties properties, Clock clock,
            ApplicationEventPublisher events, AwsAccess aws) {
        this.aws = aws;
        this.sources = sources;
        this.runs = runs;
        this.directory = directory;
        this.accounts = accounts;
        this.identity = identity;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /** Discovers now; a dry run answers the same but writes nothing except its line in the history. */
    public DiscoveryReport discover(boolean dryRun, String by) {
        OrganizationSource source = sources.find().orElseThrow(() -> new ConflictException(
                "No organization source is configured: save one first (PUT /api/v1/organization)"));
        if (!aws.applies()) {
            throw new ConflictException("The portal is in plan-only mode (portal.aws.mode): discovery reads AWS "
                    + "Organizations, so it needs AWS calls enabled");
        }
        if (!running.tryLock()) {
            throw new ConflictException("A discovery run is already running on this instance");
        }
        try {
            return run(source, dryRun, by);
        } finally {
            running.unlock();
        }
    }

    /** The scheduled run: nothing without a source. */
    public void scheduled() {
        if (aws.applies() && sources.find().isPresent() && !running.isLocked()) {
            DiscoveryReport report = discover(false, "organization-discovery");
            if (report.error() != null) {
                log.warn("Scheduled organization discovery failed: {}", report.error());
            }
        }
    }

    public List<DiscoveryRun> recentRuns(int limit) {
        return runs.recent(Math.max(1, Math.min(limit, properties.keptRuns())));
    }

    private DiscoveryReport run(OrganizationSource source, boolean dryRun, String by) {
        UUID id = UUID.randomUUID();
        Instant started = clock.instant();
        runs.started(id, started, by, dryRun);
        DiscoveryReport report;
        try {
            report = apply(id, started, source, dryRun, by);
        } catch (OrganizationUnavailable e) {
            report = failed(id, dryRun, started, e.getMessage());
        } catch (RuntimeException e) {
            // the run's row must not stay "running": record what stopped it, then let the caller see the failure
            log.error("Organization discovery {} failed", id, e);
            runs.finished(failed(id, dryRun, started, "Discovery stopped: " + e), properties.keptRuns());
            throw e;
        }
        runs.finished(report, properties.keptRuns());
        events.publishEvent(new DiscoveryRunFinished(by, report));
        return report;
    }

    private DiscoveryReport failed(UUID id, boolean dryRun, Instant started, String error) {
        return new DiscoveryReport(id, dryRun, started, clock.instant(), 0, List.of(), List.of(), List.of(), List.of(),
                List.of(), 0, error);
    }

    private DiscoveryReport apply(UUID id, Instant started, OrganizationSource source, boolean dryRun, String by) {
        Access access = new Access(source.roleArn(), source.externalId());
        var listed = OrganizationWalks.walk(directory, access, source.includeOus(), new HashSet<>(source.skipOus()));
        Map<String, AccountDetails> registered = accounts.byId();
        List<String> toRead = new ArrayList<>();
        List<String> known = new ArrayList<>();
        listed.values().stream().filter(p -> p.member().active()).forEach(p -> {
            AccountDetails a = registered.get(p.member().id());
            if (a == null) {
                toRead.add(p.member().id());
            } else if (a.source() == AccountSource.ORGANIZATION) {
                known.add(a.id());
            }
        });
        List<String> slice = rotatingSlice(known, sources.tagCursor().orElse(""), properties.tagRefreshPerRun());
        toRead.addAll(slice);
        Map<String, SortedMap<String, String>> tags = new HashMap<>();
        for (String accountId : toRead) {
            tags.put(accountId, new TreeMap<>(directory.tags(access, accountId)));
        }
        DiscoveryPlan plan = DiscoveryPlan.of(source, listed, registered, tags,
                t -> TeamId.isValid(t) && identity.teamExists(new TeamId(t)));
        String error = null;
        if (!dryRun) {
            error = write(source, plan, by);
            if (!slice.isEmpty()) {
                sources.moveTagCursor(slice.get(slice.size() - 1));
            }
        }
        return new DiscoveryReport(id, dryRun, started, clock.instant(), listed.size(), plan.added(), plan.updated(),
                plan.deactivated(), List.copyOf(plan.unchanged), List.copyOf(plan.skipped), toRead.size(), error);
    }

    /** Applies the plan; an account that cannot be written is reported, the others still are. */
    private String write(OrganizationSource source, DiscoveryPlan plan, String by) {
        List<String> failures = new ArrayList<>();
        for (DiscoveryPlan.Addition a : plan.additions) {
            try {
                accounts.register(a.accountId(), new AccountChange(a.name(), source.memberRoleOf(a.accountId()),
                        source.externalId(), source.environment(), new TreeSet<>(source.regions()), a.teams()),
                        a.tags(), by);
            } catch (RuntimeException e) {
                failures.add(a.accountId() + ": " + e.getMessage());
            }
        }
        for (DiscoveryPlan.Refresh r : plan.refreshes) {
            try {
                accounts.refresh(r.accountId(), r.name(), r.tags(), r.teams(), by);
            } catch (RuntimeException e) {
                failures.add(r.accountId() + ": " + e.getMessage());
            }
        }
        for (DiscoveryPlan.Deactivation d : plan.deactivations) {
            try {
                accounts.deactivate(d.accountId(), d.reason(), by);
            } catch (RuntimeException e) {
                failures.add(d.accountId() + ": " + e.getMessage());
            }
        }
        return failures.isEmpty() ? null : "Some accounts could not be written: " + String.join("; ", failures);
    }

    /** Up to {@code size} ids after the cursor in id order, wrapping around to the start. */
    static List<String> rotatingSlice(List<String> ids, String cursor, int size) {
        List<String> sorted = ids.stream().sorted().toList();
        List<String> slice = new ArrayList<>();
        sorted.stream().filter(i -> i.compareTo(cursor) > 0).limit(size).forEach(slice::add);
        sorted.stream().filter(i -> i.compareTo(cursor) <= 0).limit(size - slice.size()).forEach(slice::add);
        return slice;
    }
}
