package io.vpcportal.request.internal;

import io.vpcportal.request.ItemDraft;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The expected monthly GB of a request's items. When no item gives its own figure, a request-level figure (older
 * API clients, requests stored before items had one) is shared evenly: 3 decimals rounded down, the remainder on
 * the first item, so that the items add up exactly. Migration V61 copied stored requests' figures the same way.
 */
public final class MonthlyGb {

    private MonthlyGb() {
    }

    static boolean anyItemGives(List<ItemDraft> items) {
        return items.stream().anyMatch(i -> i != null && i.expectedMonthlyGb() != null);
    }

    /** Sum of the items' figures (items without one count 0). */
    static BigDecimal sum(List<ItemDraft> items) {
        return items.stream().filter(i -> i != null && i.expectedMonthlyGb() != null).map(ItemDraft::expectedMonthlyGb)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Each item's figure: its own, or a share of {@code requestGb} when no item gives one. */
    static List<BigDecimal> perItem(BigDecimal requestGb, List<ItemDraft> items) {
        List<BigDecimal> figures = new ArrayList<>();
        if (anyItemGives(items)) {
            items.forEach(i -> figures.add(i.expectedMonthlyGb()));
            return figures;
        }
        if (requestGb == null || requestGb.signum() <= 0 || items.isEmpty()) {
            items.forEach(i -> figures.add(null));
            return figures;
        }
        BigDecimal n = BigDecimal.valueOf(items.size());
        BigDecimal share = requestGb.divide(n, 3, RoundingMode.DOWN);
        figures.add(requestGb.subtract(share.multiply(n.subtract(BigDecimal.ONE))).setScale(3, RoundingMode.UNNECESSARY));
        for (int i = 1; i < items.size(); i++) {
            figures.add(share);
        }
        return figures;
    }

    /** What the request stores as its own figure: the items' sum when they give theirs, else the given figure. */
    public static BigDecimal total(BigDecimal requestGb, List<ItemDraft> items) {
        if (anyItemGives(items)) {
            return sum(items);
        }
        return requestGb == null ? BigDecimal.ZERO : requestGb;
    }
}
