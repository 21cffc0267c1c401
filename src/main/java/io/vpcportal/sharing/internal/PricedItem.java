package io.vpcportal.sharing.internal;

import io.vpcportal.savings.PriceDetails;
import io.vpcportal.savings.Rate;
import io.vpcportal.sharing.SharedEndpointAdvice.CostLine;
import io.vpcportal.sharing.SharedEndpointAdvice.Measured;
import io.vpcportal.sharing.SharedEndpointAdvice.PriceRef;
import java.math.BigDecimal;
import java.util.List;

/**
 * A catalog rate with the offer-file rows it came from, so that every line it prices names its usage type, the
 * price of the tier used, the effective date and the source.
 */
public record PricedItem(String region, Rate rate, List<PriceDetails> rows) {

    /** {@code quantity} units, the month's tiers counted from {@code alreadyUsed}. */
    public CostLine line(String label, String resourceId, BigDecimal quantity, BigDecimal alreadyUsed,
            Measured measured) {
        Rate.Tier tier = rate.tiers().stream().filter(t -> t.beginGb().compareTo(alreadyUsed) <= 0)
                .reduce((a, b) -> b).orElse(rate.tiers().get(0));
        String usageType = rows.stream().filter(r -> r.tierBeginGb().compareTo(tier.beginGb()) == 0)
                .map(PriceDetails::usageType).findFirst().orElse(rate.item().usageSuffix());
        PriceRef ref = new PriceRef(rate.item(), region, usageType, tier.usd(), rate.item().unit(),
                rate.effectiveFrom(), rate.source());
        return new CostLine(label, resourceId, quantity, rate.item().unit(), ref, measured,
                rate.cost(alreadyUsed, quantity));
    }

    public CostLine line(String label, String resourceId, BigDecimal quantity, Measured measured) {
        return line(label, resourceId, quantity, BigDecimal.ZERO, measured);
    }

    /** The price of the first tier: the whole price of a flat item. */
    public BigDecimal firstTier() {
        return rate.firstTier();
    }
}
