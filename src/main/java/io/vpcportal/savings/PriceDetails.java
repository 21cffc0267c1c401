package io.vpcportal.savings;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One price as the catalog holds it: a tier of an item in a region from a date on, with where it came from.
 *
 * @param toRegion    the region data goes to, for {@link PriceItem#INTER_REGION_GB}; "" for every other item
 * @param tierBeginGb first GB of the tier (0 for untiered items); tiers count the region's monthly total
 * @param tierEndGb   first GB past the tier, or {@code null} for the last tier
 * @param source      the offer file (URL or uploaded file name) the price was read from
 */
public record PriceDetails(String region, String toRegion, PriceItem item, BigDecimal tierBeginGb, BigDecimal tierEndGb, BigDecimal usd,
        String unit, LocalDate effectiveFrom, String usageType, String sku, String source) {

    public PriceDetails {
        toRegion = toRegion == null ? "" : toRegion;
    }
}
