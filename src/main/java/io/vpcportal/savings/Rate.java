package io.vpcportal.savings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The price of one item in one region in force on a date: one tier for flat prices, several for interface
 * endpoint data (tiered on the region's monthly total).
 */
public record Rate(String region, PriceItem item, LocalDate effectiveFrom, String source, List<Tier> tiers) {

    public Rate {
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("a rate needs at least one tier");
        }
    }

    /**
     * One tier: from {@code beginGb} (inclusive) to {@code endGb} (exclusive, {@code null}: no end). Amounts are
     * kept without a negative scale, so that JSON shows {@code 5242880}, never {@code 5.24288E+6}.
     */
    public record Tier(BigDecimal beginGb, BigDecimal endGb, BigDecimal usd) {

        public Tier {
            beginGb = plain(beginGb);
            endGb = plain(endGb);
            usd = plain(usd);
        }

        private static BigDecimal plain(BigDecimal value) {
            return value == null || value.scale() >= 0 ? value : value.setScale(0);
        }
    }

    /** The price of the first tier: the whole price of a flat item. */
    public BigDecimal firstTier() {
        return tiers.get(0).usd();
    }

    public BigDecimal cost(BigDecimal quantity) {
        return cost(BigDecimal.ZERO, quantity);
    }

    /**
     * The cost of {@code quantity} units when {@code alreadyUsed} units of the same month were used before: each
     * part of the interval {@code [alreadyUsed, alreadyUsed + quantity)} is priced in the tier it falls in.
     */
    public BigDecimal cost(BigDecimal alreadyUsed, BigDecimal quantity) {
        BigDecimal from = alreadyUsed;
        BigDecimal to = alreadyUsed.add(quantity);
        BigDecimal total = BigDecimal.ZERO;
        for (Tier tier : tiers) {
            BigDecimal lo = from.max(tier.beginGb());
            BigDecimal hi = tier.endGb() == null ? to : to.min(tier.endGb());
            if (hi.compareTo(lo) > 0) {
                total = total.add(hi.subtract(lo).multiply(tier.usd()));
            }
        }
        return total;
    }
}
