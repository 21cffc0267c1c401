package io.vpcportal.savings.internal;

import io.vpcportal.savings.PriceDetails;
import io.vpcportal.savings.PriceItem;
import io.vpcportal.savings.Rate;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The price catalog table: prices per region, item, tier and effective date. */
@Repository
public class PriceCatalog {

    private final JdbcClient jdbc;

    PriceCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores prices. {@code correct}: a price already there for the same region, item, tier and date is replaced
     * (an admin's import is a correction); otherwise it is kept (the shipped snapshot never overrides).
     *
     * @return the prices added or changed
     */
    @Transactional
    public List<PriceDetails> store(List<PriceDetails> prices, boolean correct) {
        List<PriceDetails> changed = new ArrayList<>();
        for (PriceDetails p : prices) {
            int rows = jdbc.sql("""
                    insert into savings_price (region, to_region, item, tier_begin_gb, tier_end_gb, usd, unit,
                                               effective_from, usage_type, sku, source)
                    values (:region, :toRegion, :item, :begin, :end, :usd, :unit, :effective, :usageType, :sku, :source)
                    on conflict (region, to_region, item, tier_begin_gb, effective_from)""" + (correct ? " do update set " + """
                     tier_end_gb = excluded.tier_end_gb, usd = excluded.usd, unit = excluded.unit,
                                usage_type = excluded.usage_type, sku = excluded.sku, source = excluded.source,
                                imported_at = now()
                     where savings_price.usd <> excluded.usd
                        or savings_price.tier_end_gb is distinct from excluded.tier_end_gb""" : " do nothing"))
                    .param("region", p.region()).param("toRegion", p.toRegion()).param("item", p.item().name()).param("begin", p.tierBeginGb())
                    .param("end", p.tierEndGb()).param("usd", p.usd()).param("unit", p.unit())
                    .param("effective", Date.valueOf(p.effectiveFrom())).param("usageType", p.usageType())
                    .param("sku", p.sku()).param("source", p.source())
                    .update();
            if (rows > 0) {
                changed.add(p);
            }
        }
        return changed;
    }

    /** The rate of an item in a region in force on {@code day}: the tiers of the latest effective date not after it. */
    public Optional<Rate> rate(String region, PriceItem item, LocalDate day) {
        return rate(region, "", item, day);
    }

    /** The rate of data sent from {@code region} to {@code toRegion} ({@link PriceItem#INTER_REGION_GB}) on a day. */
    public Optional<Rate> rate(String region, String toRegion, PriceItem item, LocalDate day) {
        List<PriceDetails> rows = jdbc.sql("""
                select * from savings_price
                where region = :region and to_region = :toRegion and item = :item and effective_from = (
                    select max(effective_from) from savings_price
                    where region = :region and to_region = :toRegion and item = :item and effective_from <= :day)
                order by tier_begin_gb""")
                .param("region", region).param("toRegion", toRegion).param("item", item.name())
                .param("day", Date.valueOf(day))
                .query((rs, n) -> row(rs)).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Rate.Tier> tiers = new ArrayList<>();
        rows.forEach(r -> tiers.add(new Rate.Tier(r.tierBeginGb(), r.tierEndGb(), r.usd())));
        PriceDetails first = rows.get(0);
        return Optional.of(new Rate(region, item, first.effectiveFrom(), first.source(), tiers));
    }

    /** Regions with at least a NAT gateway price and an interface endpoint price. */
    public SortedSet<String> pricedRegions() {
        return new TreeSet<>(jdbc.sql("""
                select region from savings_price where item in ('NAT_GATEWAY_GB', 'INTERFACE_ENDPOINT_HOUR')
                group by region having count(distinct item) = 2""").query(String.class).list());
    }

    public List<PriceDetails> all() {
        return jdbc.sql("select * from savings_price order by region, item, to_region, effective_from desc, tier_begin_gb")
                .query((rs, n) -> row(rs)).list();
    }

    public boolean isEmpty() {
        return jdbc.sql("select count(*) from savings_price").query(Long.class).single() == 0;
    }

    private static PriceDetails row(ResultSet rs) throws SQLException {
        BigDecimal end = rs.getBigDecimal("tier_end_gb");
        return new PriceDetails(rs.getString("region"), rs.getString("to_region"), PriceItem.valueOf(rs.getString("item")),
                rs.getBigDecimal("tier_begin_gb").stripTrailingZeros(), end == null ? null : end.stripTrailingZeros(),
                rs.getBigDecimal("usd").stripTrailingZeros(), rs.getString("unit"),
                rs.getDate("effective_from").toLocalDate(), rs.getString("usage_type"), rs.getString("sku"),
                rs.getString("source"));
    }
}
