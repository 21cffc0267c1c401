package io.vpcportal.savings.internal;

import io.vpcportal.savings.LedgerKind;
import io.vpcportal.savings.LedgerRow;
import io.vpcportal.savings.MeasuredDay;
import io.vpcportal.savings.PriceDetails;
import io.vpcportal.savings.PriceItem;
import io.vpcportal.savings.Rate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The savings ledger: one row per resource and day. Rows are written with their bytes and then priced per region
 * and month in (day, resource) order, so the interface endpoint data tiers follow the region's running monthly total
 * and every day is priced with the prices in force that day. Pricing again gives the same figures, which is what
 * makes a correction of prices (or a second collection of a day) safe.
 *
 * <p>Every write of days ends by recomputing the rollups of the months it touched from their daily rows, in its own
 * transaction ({@code savings_ledger_month_refresh}), so the rollups stay exact. Writes take one lock for the whole
 * ledger first ({@code lockLedger}), held until they commit: pricing a month updates every row of it in its region, and
 * two writers of one month (two instances collecting units of one day, a price correction during a collection) would
 * otherwise lock rows in each other's way and deadlock. Writes are a few a day, so waiting costs nothing that matters.
 */
@Repository
public class Ledger {

    static final BigDecimal BYTES_PER_GB = BigDecimal.valueOf(1L << 30);
    private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);
    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    /** The prices a ledger row is priced with; a change to any other leaves the ledger as it is. */
    public static final Set<PriceItem> PRICED_WITH = Collections.unmodifiableSet(EnumSet.of(PriceItem.NAT_GATEWAY_GB,
            PriceItem.INTERFACE_ENDPOINT_HOUR, PriceItem.INTERFACE_ENDPOINT_GB, PriceItem.GWLB_ENDPOINT_HOUR,
            PriceItem.GWLB_ENDPOINT_GB));

    /**
     * Where new or changed prices make the ledger be priced again: each region with a price it is priced with, from
     * the earliest first day of those prices. Other prices (the advisor's Transit Gateway and Route 53 ones) leave it.
     */
    public static Map<String, LocalDate> repricedBy(Collection<PriceDetails> prices) {
        Map<String, LocalDate> from = new TreeMap<>();
        prices.stream().filter(p -> PRICED_WITH.contains(p.item()))
                .forEach(p -> from.merge(p.region(), p.effectiveFrom(), (a, b) -> a.isBefore(b) ? a : b));
        return from;
    }

    private final JdbcClient jdbc;
    private final PriceCatalog catalog;
    private final NamedParameterJdbcTemplate batchJdbc;

    Ledger(JdbcClient jdbc, PriceCatalog catalog,
            NamedParameterJdbcTemplate batchJdbc) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.catalog = catalog;
    }

    /** GB as AWS bills them (2^30 bytes), exactly. */
    public static BigDecimal gb(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BYTES_PER_GB);
    }

    /**
     * Replaces one account and region of a day (one unit of a collection run): its rows of {@code day} go,
     * {@code rows} come in. The months are priced again once the whole run has ended ({@link #repriceDay}).
     */
    @Transactional
    public void replaceDay(LocalDate day, String account, String region, List<MeasuredDay> rows) {
        lockLedger();
        jdbc.sql("delete from savings_ledger_day where day = :day and account_id = :account and region = :region")
                .param("day", Date.valueOf(day)).param("account", account).param("region", region).update();
        for (MeasuredDay m : rows) {
            if (!m.day().equals(day) || !m.accountId().equals(account) || !m.region().equals(region)) {
                throw new IllegalArgumentException("row of " + m.day() + " " + m.accountId() + " " + m.region()
                        + " given for " + day + " " + account + " " + region);
            }
            insert(m);
        }
    }

    /** Prices the month of {@code day} again in every region with rows, and refreshes its rollups. */
    @Transactional
    public void repriceDay(LocalDate day) {
        lockLedger();
        LocalDate month = day.withDayOfMonth(1);
        new TreeSet<>(jdbc.sql("select distinct region from savings_ledger_day where day = :day")
                .param("day", Date.valueOf(day)).query(String.class).list()).forEach(r -> repriceMonth(r, month));
        refreshMonth(month, null);
    }

    /**
     * Replaces a day: every row of {@code day} in {@code accounts} goes, {@code rows} come in, and the months of the
     * regions concerned are priced again. Collecting a day twice therefore leaves the same ledger.
     */
    @Transactional
    public void replaceDay(LocalDate day, Collection<String> accounts, List<MeasuredDay> rows) {
        lockLedger();
        Set<String> regions = new TreeSet<>(jdbc.sql("""
                select distinct region from savings_ledger_day where day = :day and account_id in (:accounts)""")
                .param("day", Date.valueOf(day)).param("accounts", accounts.isEmpty() ? List.of("-") : accounts)
                .query(String.class).list());
        if (!accounts.isEmpty()) {
            jdbc.sql("delete from savings_ledger_day where day = :day and account_id in (:accounts)")
                    .param("day", Date.valueOf(day)).param("accounts", accounts).update();
        }
        for (MeasuredDay m : rows) {
            if (!m.day().equals(day)) {
                throw new IllegalArgumentException("row of " + m.day() + " given for " + day);
            }
            insert(m);
            regions.add(m.region());
        }
        regions.forEach(r -> repriceMonth(r, day.withDayOfMonth(1)));
        refreshMonth(day.withDayOfMonth(1), null);
    }

    /** Adds rows for days not collected from AWS (the demo's history), replacing rows of the same resource and day. */
    @Transactional
    public void record(List<MeasuredDay> rows) {
        lockLedger();
        Map<String, LocalDate> firstDays = new HashMap<>();
        List<SqlParameterSource> batch = new ArrayList<>();
        for (MeasuredDay m : rows) {
            batch.add(new MapSqlParameterSource()
                    .addValue("day", Date.valueOf(m.day())).addValue("id", m.resourceId()).addValue("kind", m.kind().name())
                    .addValue("request", m.requestId()).addValue("team", m.team()).addValue("account", m.accountId())
                    .addValue("region", m.region()).addValue("vpc", m.vpcId()).addValue("service", m.service())
                    .addValue("enis", m.enis()).addValue("bytes", m.bytes()));
            firstDays.merge(m.region(), m.day(), (a, b) -> a.isBefore(b) ? a : b);
        }
        batchJdbc.batchUpdate("delete from savings_ledger_day where day = :day and account_id = :account and resource_id = :id",
                batch.toArray(SqlParameterSource[]::new));
        batchJdbc.batchUpdate(INSERT, batch.toArray(SqlParameterSource[]::new));
        Set<LocalDate> rowMonths = new TreeSet<>();
        rows.forEach(m -> rowMonths.add(m.day().withDayOfMonth(1)));
        firstDays.forEach((region, first) -> repriceFrom(region, first).stream()
                .filter(m -> !rowMonths.contains(m)).forEach(m -> refreshMonth(m, region)));
        // every region of those months: a replaced row may have been of another region
        rowMonths.forEach(m -> refreshMonth(m, null));
    }

    private static final String INSERT = """
            insert into savings_ledger_day (day, resource_id, kind, request_id, team_id, account_id, region, vpc_id,
                                            service, enis, bytes)
            values (:day, :id, :kind, :request, :team, :account, :region, :vpc, :service, :enis, :bytes)""";

    private void insert(MeasuredDay m) {
        jdbc.sql(INSERT)
                .param("day", Date.valueOf(m.day())).param("id", m.resourceId()).param("kind", m.kind().name())
                .param("request", m.requestId()).param("team", m.team()).param("account", m.accountId())
                .param("region", m.region()).param("vpc", m.vpcId()).param("service", m.service())
                .param("enis", m.enis()).param("bytes", m.bytes())
                .update();
    }

    /** Prices again every row of {@code region} from the month of {@code from} on (after a price correction). */
    @Transactional
    public void reprice(String region, LocalDate from) {
        lockLedger();
        repriceFrom(region, from).forEach(m -> refreshMonth(m, region));
    }

    /** Waits for the other writers of the ledger to commit; the lock is the transaction's until it ends. */
    private void lockLedger() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('savings_ledger_write'))").query((rs, n) -> 1).list();
    }

    /** Prices the months of {@code region} from the month of {@code from} on; answers those months. */
    private List<LocalDate> repriceFrom(String region, LocalDate from) {
        List<LocalDate> months = jdbc.sql("""
                select distinct date_trunc('month', day)::date from savings_ledger_day
                where region = :region and day >= :from order by 1""")
                .param("region", region).param("from", Date.valueOf(from.withDayOfMonth(1)))
                .query(LocalDate.class).list();
        months.forEach(m -> repriceMonth(region, m));
        return months;
    }

    /**
     * Recomputes the monthly rollup ({@code savings_ledger_month}) of {@code month} from its days, for one region or
     * for all ({@code null}). Every write of days ends with it, in the same transaction.
     */
    private void refreshMonth(LocalDate month, String region) {
        jdbc.sql("select savings_ledger_month_refresh(:month, cast(:region as varchar))")
                .param("month", Date.valueOf(month)).param("region", region).query((rs, n) -> 1).list();
    }

    private void repriceMonth(String region, LocalDate month) {
        List<LedgerRow> rows = jdbc.sql("""
                select * from savings_ledger_day where region = :region and day >= :first and day < :next
                order by day, resource_id, account_id""")
                .param("region", region).param("first", Date.valueOf(month))
                .param("next", Date.valueOf(month.plusMonths(1)))
                .query((rs, n) -> LedgerQueries.row(rs)).list();
        Map<String, Optional<Rate>> rates = new HashMap<>();
        BigDecimal interfaceGbSoFar = BigDecimal.ZERO;
        List<SqlParameterSource> updates = new ArrayList<>();
        for (LedgerRow row : rows) {
            BigDecimal gb = gb(row.bytes());
            Optional<Rate> natGb = rate(rates, region, PriceItem.NAT_GATEWAY_GB, row.day());
            if (natGb.isEmpty()) {
                log.warn("No NAT gateway price in {} on {}: {} left unpriced", region, row.day(), row.resourceId());
                continue;
            }
            BigDecimal endpointCost = BigDecimal.ZERO;
            BigDecimal avoided = BigDecimal.ZERO;
            BigDecimal natCost = BigDecimal.ZERO;
            switch (row.kind()) {
                case INTERFACE -> {
                    Rate hour = rate(rates, region, PriceItem.INTERFACE_ENDPOINT_HOUR, row.day()).orElseThrow();
                    Rate data = rate(rates, region, PriceItem.INTERFACE_ENDPOINT_GB, row.day()).orElseThrow();
                    endpointCost = hour.cost(BigDecimal.valueOf(row.enis()).multiply(HOURS_PER_DAY))
                            .add(data.cost(interfaceGbSoFar, gb));
                    interfaceGbSoFar = interfaceGbSoFar.add(gb);
                    avoided = natGb.get().cost(gb);
                }
                case GATEWAY_LOAD_BALANCER -> {
                    Rate hour = rate(rates, region, PriceItem.GWLB_ENDPOINT_HOUR, row.day()).orElseThrow();
                    Rate data = rate(rates, region, PriceItem.GWLB_ENDPOINT_GB, row.day()).orElseThrow();
                    endpointCost = hour.cost(BigDecimal.valueOf(row.enis()).multiply(HOURS_PER_DAY)).add(data.cost(gb));
                    avoided = natGb.get().cost(gb);
                }
                case GATEWAY -> avoided = natGb.get().cost(gb);
                case NAT, MISSED -> natCost = natGb.get().cost(gb);
            }
            updates.add(new MapSqlParameterSource()
                    .addValue("cost", money(endpointCost)).addValue("avoided", money(avoided))
                    .addValue("net", money(row.kind().isEndpoint() ? avoided.subtract(endpointCost) : BigDecimal.ZERO))
                    .addValue("nat", money(natCost)).addValue("day", Date.valueOf(row.day()))
                    .addValue("account", row.accountId()).addValue("id", row.resourceId()));
        }
        batchJdbc.batchUpdate(UPDATE, updates.toArray(SqlParameterSource[]::new));
    }

    private static final String UPDATE = """
            update savings_ledger_day set endpoint_cost = :cost, avoided_nat_cost = :avoided, net_saving = :net,
                                          nat_cost = :nat
            where day = :day and account_id = :account and resource_id = :id""";

    private Optional<Rate> rate(Map<String, Optional<Rate>> cache, String region, PriceItem item, LocalDate day) {
        return cache.computeIfAbsent(item + "@" + day, k -> catalog.rate(region, item, day));
    }

    /** Ten decimals of a dollar: a rounding far below a cent even summed over millions of rows. */
    private static BigDecimal money(BigDecimal usd) {
        return usd.setScale(10, RoundingMode.HALF_EVEN);
    }

    public List<String> regionsWithRows() {
        return new ArrayList<>(jdbc.sql("select distinct region from savings_ledger_day order by 1")
                .query(String.class).list());
    }
}
