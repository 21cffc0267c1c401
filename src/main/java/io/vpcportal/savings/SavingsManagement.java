package io.vpcportal.savings;

import io.vpcportal.aws.AwsAccess;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.savings.internal.Estimator;
import io.vpcportal.savings.internal.FlowLogLocations;
import io.vpcportal.savings.internal.Ledger;
import io.vpcportal.savings.internal.LedgerQueries;
import io.vpcportal.savings.internal.LedgerReadCache;
import io.vpcportal.savings.internal.LedgerRepricing;
import io.vpcportal.savings.internal.OfferFileParser;
import io.vpcportal.savings.internal.ParallelReads;
import io.vpcportal.savings.internal.PriceCatalog;
import io.vpcportal.savings.internal.TrafficCollector;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * The savings module's API: prices, estimates for an endpoint before it exists, collection of measured traffic,
 * and the ledger of what endpoints really saved. Other modules call {@link #estimate(EstimateInput)}. Just over 350
 * lines: it is the module's one facade, and each method is its input checks and a call into {@code internal} (the
 * reads through {@link LedgerReadCache}, the writes through {@link Ledger}); splitting it by use case would add three
 * facades for the pages and the API to hold, with nothing to share between them.
 */
@Service
public class SavingsManagement {

    /** Longest range one on-demand collection covers. */
    public static final int MAX_COLLECTION_DAYS = 31;

    private final PriceCatalog catalog;
    private final Estimator estimator;
    private final Ledger ledger;
    private final LedgerQueries queries;
    private final LedgerReadCache cached;
    private final ParallelReads parallel;
    private final LedgerRepricing repricing;
    private final TrafficCollector collector;
    private final FlowLogLocations flowLogs;
    private final AwsAccess aws;
    private final Clock clock;

    SavingsManagement(PriceCatalog catalog, Estimator estimator, Ledger ledger, LedgerQueries queries,
            LedgerReadCache cached, ParallelReads parallel, LedgerRepricing repricing, TrafficCollector collector, FlowLogLocations flowLogs, AwsAccess aws, Clock clock) {
        this.catalog = catalog;
        this.estimator = estimator;
        this.ledger = ledger;
        this.queries = queries;
        this.cached = cached;
        this.parallel = parallel;
        this.repricing = repricing;
        this.collector = collector;
        this.flowLogs = flowLogs;
        this.aws = aws;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Cost and saving of one endpoint, with the prices in force on the period's first day (today by default). */
    public Estimate estimate(EstimateInput input) {
        return estimator.estimate(input, today());
    }

    public SortedSet<String> pricedRegions() {
        return catalog.pricedRegions();
    }

    public List<PriceDetails> prices() {
        return catalog.all();
    }

    /** The rate of an item in a region in force today; empty when the catalog has no price for it. */
    public Optional<Rate> rate(String region, PriceItem item) {
        return catalog.rate(region, item, today());
    }

    /**
     * Loads the shipped price snapshot (an offer file), never replacing a price already there, and schedules the
     * ledger's repricing where a price it is priced with was added ({@link LedgerRepricing}): the portal answers
     * meanwhile.
     */
    public PriceImport importSnapshot(InputStream offerFile, String source) {
        OfferFileParser.Result parsed = OfferFileParser.parse(offerFile, source);
        return imported(source, parsed, repricing.storeThenReprice(parsed.prices()));
    }

    /**
     * Imports an AWS Price List offer file in CSV or JSON form (told apart by its first character). {@code correct}: prices already there for the same date are
     * replaced, and ledger days priced with them are priced again.
     */
    public PriceImport importPrices(InputStream offerFile, String source, boolean correct) {
        OfferFileParser.Result parsed = OfferFileParser.parse(offerFile, source);
        List<PriceDetails> changed = catalog.store(parsed.prices(), correct);
        Ledger.repricedBy(changed).forEach(ledger::reprice);
        return imported(source, parsed, changed);
    }

    private static PriceImport imported(String source, OfferFileParser.Result parsed, List<PriceDetails> changed) {
        SortedSet<String> regions = new TreeSet<>();
        parsed.prices().forEach(p -> regions.add(p.region()));
        return new PriceImport(source, parsed.rows(), parsed.prices().size(), changed.size(), regions);
    }

    /** Prices the whole ledger again with the catalog as it is. */
    public void reprice() {
        LocalDate first = queries.firstDay();
        if (first != null) {
            ledger.regionsWithRows().forEach(r -> ledger.reprice(r, first));
        }
    }

    /** Collects the measured traffic of each day from {@code from} to {@code to} (inclusive), replacing those days. */
    public List<TrafficCollection> collect(LocalDate from, LocalDate to) {
        return collect(from, to, "MANUAL", "portal");
    }

    /**
     * As {@link #collect(LocalDate, LocalDate)}, each day a run of units (one per account and region) that every
     * instance works on; {@code trigger} ({@code MANUAL} or {@code SCHEDULE}) and {@code by} are kept with the run.
     * Conflict while another collection runs.
     */
    public List<TrafficCollection> collect(LocalDate from, LocalDate to, String trigger, String by) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidInputException("to", "must be a day not before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_COLLECTION_DAYS) {
            throw new InvalidInputException("to", "a collection covers at most " + MAX_COLLECTION_DAYS + " days");
        }
        if (to.isAfter(today())) {
            throw new InvalidInputException("to", "must not be in the future");
        }
        if (!aws.applies()) {
            throw new ConflictException("AWS is not configured (plan-only mode): there is no traffic to collect");
        }
        List<TrafficCollection> done = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            done.add(collector.collect(day, trigger, by));
        }
        return done;
    }

    /** Whether the portal calls AWS, so that collection can run. */
    public boolean collects() {
        return aws.applies();
    }

    /** Adds measured days that did not come from a collection (imported history, the demo). */
    public void record(List<MeasuredDay> days) {
        ledger.record(days);
    }

    /** Ledger totals per team, account, region, service, month or endpoint between two days (inclusive). */
    public List<SavingsGroup> groups(String groupBy, LocalDate from, LocalDate to) {
        return groups(groupBy, from, to, SavingsScope.EVERY_ACCOUNT);
    }

    /** The same, of the accounts in {@code scope} only. */
    public List<SavingsGroup> groups(String groupBy, LocalDate from, LocalDate to, SavingsScope scope) {
        checkGrouping(groupBy, from, to);
        return cached.get(List.of("groups", groupBy, from, to, scope), () -> queries.groups(groupBy, from, to, scope));
    }

    /** The most groups one page of {@link #groups(String, LocalDate, LocalDate, long, int, SavingsScope)} answers. */
    public static final int MAX_GROUPS_PER_PAGE = 10_000;

    /**
     * One page of {@link #groups(String, LocalDate, LocalDate, SavingsScope)}: the groups from {@code offset} on (in
     * the grouping's order), at most {@code limit} (1 to {@link #MAX_GROUPS_PER_PAGE}), with the number of groups.
     */
    public SavingsGroup.Page groups(String groupBy, LocalDate from, LocalDate to, long offset, int limit,
            SavingsScope scope) {
        checkGrouping(groupBy, from, to);
        if (limit < 1 || limit > MAX_GROUPS_PER_PAGE) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_GROUPS_PER_PAGE);
        }
        if (offset < 0) {
            throw new InvalidInputException("offset", "must not be negative");
        }
        return cached.page(List.of("page", groupBy, from, to, offset, limit, scope), limit,
                () -> queries.groups(groupBy, from, to, offset, limit, scope));
    }

    /**
     * Several groupings by team, account, region or service over one period, read together: the same lists as
     * {@link #groups} for each, keyed by the group name in the order given.
     */
    public Map<String, List<SavingsGroup>> groupings(List<String> groupBys, LocalDate from, LocalDate to) {
        return groupings(groupBys, from, to, SavingsScope.EVERY_ACCOUNT);
    }

    /** The same, of the accounts in {@code scope} only. */
    public Map<String, List<SavingsGroup>> groupings(List<String> groupBys, LocalDate from, LocalDate to,
            SavingsScope scope) {
        if (groupBys.isEmpty() || !LedgerQueries.GROUPINGS.containsAll(groupBys)) {
            throw new InvalidInputException("groupBy", "must be some of " + new TreeSet<>(LedgerQueries.GROUPINGS));
        }
        checkPeriod(from, to);
        return cached.get(List.of("groupings", List.copyOf(groupBys), from, to, scope),
                () -> queries.groupings(groupBys, from, to, scope));
    }

    /**
     * The dashboard's figures that do not depend on the period it shows, as of today: the totals of this month, this
     * year and since the ledger's first day, and the monthly trend of the last twelve months.
     *
     * @param firstDay   the ledger's first day, null when it is empty ({@code sinceStart} is null then)
     * @param months     the trend: one group per month with rows, oldest first, this month so far last
     */
    public record Overview(SavingsGroup thisMonth, SavingsGroup thisYear, SavingsGroup sinceStart, LocalDate firstDay,
            List<SavingsGroup> months) {
    }

    /**
     * {@link Overview} from one read of the ledger per month since its first day: this month, this year and since
     * the start are sums of those months (each month's sum is the same whatever period around it is read, so the
     * sums are those of {@link #total} for each period, to the cent).
     */
    public Overview overview(SavingsScope scope) {
        LocalDate today = today();
        return cached.get(List.of("overview", today, scope), () -> {
            LocalDate first = queries.firstDay();
            LocalDate trendFrom = today.withDayOfMonth(1).minusMonths(11);
            LocalDate from = first != null && first.isBefore(trendFrom) ? first : trendFrom;
            List<SavingsGroup> months = from.isAfter(today) ? List.of() : queries.groups("month", from, today, scope);
            String thisMonth = today.toString().substring(0, 7);
            String thisYear = today.toString().substring(0, 4);
            String trendMonth = trendFrom.toString().substring(0, 7);
            return new Overview(SavingsGroup.total(months.stream().filter(m -> m.key().equals(thisMonth)).toList()),
                    SavingsGroup.total(months.stream().filter(m -> m.key().startsWith(thisYear)).toList()),
                    first == null ? null : SavingsGroup.total(months), first,
                    months.stream().filter(m -> m.key().compareTo(trendMonth) >= 0).toList());
        });
    }

    /**
     * Everything the dashboard shows for a period: the {@link Overview}, the groupings by team, account and service,
     * and the per-resource lists ({@link #resourceRankings}).
     */
    public record Dashboard(Overview overview, Map<String, List<SavingsGroup>> groupings, EndpointRankings resources) {
    }

    /** {@link Dashboard} for {@code from}..{@code to}: its three reads run side by side ({@link ParallelReads}). */
    public Dashboard dashboard(LocalDate from, LocalDate to, int top, int below, int nat, SavingsScope scope) {
        CompletableFuture<Overview> overview = parallel.start(() -> overview(scope));
        CompletableFuture<Map<String, List<SavingsGroup>>> groupings = parallel.start(
                () -> groupings(List.of("team", "account", "service"), from, to, scope));
        EndpointRankings resources = resourceRankings(from, to, top, below, nat, scope);
        return new Dashboard(ParallelReads.answer(overview), ParallelReads.answer(groupings), resources);
    }

    private static void checkGrouping(String groupBy, LocalDate from, LocalDate to) {
        if (!LedgerQueries.GROUPS.containsKey(groupBy)) {
            throw new InvalidInputException("groupBy", "must be one of " + new TreeSet<>(LedgerQueries.GROUPS.keySet()));
        }
        checkPeriod(from, to);
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidInputException("to", "must not be before from");
        }
    }

    public SavingsGroup total(LocalDate from, LocalDate to) {
        return total(from, to, SavingsScope.EVERY_ACCOUNT);
    }

    public SavingsGroup total(LocalDate from, LocalDate to, SavingsScope scope) {
        return cached.get(List.of("total", from, to, scope), () -> queries.total(from, to, scope));
    }

    /** Endpoints by realized saving; {@code belowBreakEven}: only those that cost more than they saved. */
    public List<SavingsGroup> endpoints(LocalDate from, LocalDate to, boolean belowBreakEven, int limit) {
        return queries.endpoints(from, to, belowBreakEven, limit, SavingsScope.EVERY_ACCOUNT);
    }

    /**
     * The dashboard's endpoint lists in one read: the {@code top} endpoints by realized saving, and up to
     * {@code below} endpoints that cost more than they saved, most lost first.
     */
    public EndpointRankings endpointRankings(LocalDate from, LocalDate to, int top, int below) {
        return endpointRankings(from, to, top, below, SavingsScope.EVERY_ACCOUNT);
    }

    public EndpointRankings endpointRankings(LocalDate from, LocalDate to, int top, int below, SavingsScope scope) {
        return resourceRankings(from, to, top, below, 0, scope);
    }

    /**
     * The dashboard's per-resource lists in one read: {@link #endpointRankings} and up to {@code nat} NAT gateways
     * and VPCs with missed savings each, as {@link #natTraffic} answers them.
     */
    public EndpointRankings resourceRankings(LocalDate from, LocalDate to, int top, int below, int nat,
            SavingsScope scope) {
        return cached.get(List.of("rankings", from, to, top, below, nat, scope),
                () -> queries.rankings(from, to, top, below, nat, scope));
    }

    /** NAT gateways by what they still charge ({@link LedgerKind#NAT}), or VPCs by savings missed ({@link LedgerKind#MISSED}). */
    public List<SavingsGroup> natTraffic(LocalDate from, LocalDate to, LedgerKind kind, int limit) {
        return natTraffic(from, to, kind, limit, SavingsScope.EVERY_ACCOUNT);
    }

    public List<SavingsGroup> natTraffic(LocalDate from, LocalDate to, LedgerKind kind, int limit, SavingsScope scope) {
        return queries.natTraffic(from, to, kind, limit, scope);
    }

    /**
     * What the ledger measured for these resources of one account (endpoints, NAT gateways, {@code <vpc>/S3} and
     * {@code <vpc>/DYNAMODB} for savings missed) between two days: one query for all of them (the VPC diagrams).
     */
    public List<MeasuredTraffic> measured(String accountId, Collection<String> resourceIds, LocalDate from,
            LocalDate to) {
        return queries.traffic(accountId, resourceIds, from, to);
    }

    public void ledgerRows(LocalDate from, LocalDate to, SavingsScope scope, Consumer<LedgerRow> sink) {
        queries.rows(from, to, scope, sink);
    }

    public List<LedgerRow> ledgerOf(String resourceId) {
        return queries.rowsOf(resourceId);
    }

    /** The first day in the ledger, or null when it is empty. */
    public LocalDate firstLedgerDay() {
        return queries.firstDay();
    }

    /** Where an account's VPC Flow Logs are delivered; a blank bucket removes the setting. */
    public void flowLogLocation(String accountId, String bucket, String prefix) {
        if (bucket == null || bucket.isBlank()) {
            flowLogs.set(accountId, null);
            return;
        }
        if (!bucket.strip().matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new InvalidInputException("bucket", "must be an S3 bucket name");
        }
        flowLogs.set(accountId, new FlowLogLocations.Location(bucket.strip(), prefix == null ? "" : prefix.strip()));
    }

    public Map<String, String> flowLogLocations() {
        Map<String, String> all = new TreeMap<>();
        flowLogs.all().forEach((account, l) -> all.put(account, "s3://" + l.bucket() + "/" + l.prefix()));
        return all;
    }
}
