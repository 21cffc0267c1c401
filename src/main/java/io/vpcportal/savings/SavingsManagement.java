package io.vpcportal.savings;

import io.vpcportal.savings.internal.Estimator;
import io.vpcportal.savings.internal.Ledger;
import io.vpcportal.savings.internal.OfferFileParser;
import io.vpcportal.savings.internal.PriceCatalog;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * The savings module's API: prices, estimates for an endpoint before it exists, and the ledger of what endpoints
 * really saved. Other modules call {@link #estimate(EstimateInput)}; nothing here depends on them knowing more.
 */
@Service
public class SavingsManagement {

    private final PriceCatalog catalog;
    private final Estimator estimator;
    private final Ledger ledger;
    private final Clock clock;

    SavingsManagement(PriceCatalog catalog, Estimator estimator, Ledger ledger, Clock clock) {
        this.catalog = catalog;
        this.estimator = estimator;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Cost and saving of one endpoint, with the prices in force on the period's first day (today by default). */
    public Estimate estimate(EstimateInput input) {
        return estimator.estimate(input, LocalDate.now(clock));
    }

    public SortedSet<String> pricedRegions() {
        return catalog.pricedRegions();
    }

    public List<PriceDetails> prices() {
        return catalog.all();
    }

    /**
     * Imports an AWS Price List offer file in CSV form. {@code correct}: prices already there for the same date are
     * replaced, and ledger days priced with them are priced again.
     */
    public PriceImport importPrices(InputStream offerFile, String source, boolean correct) {
        OfferFileParser.Result parsed = OfferFileParser.parse(offerFile, source);
        int changed = catalog.store(parsed.prices(), correct);
        SortedSet<String> regions = new TreeSet<>();
        parsed.prices().forEach(p -> regions.add(p.region()));
        if (changed > 0) {
            parsed.prices().stream().map(PriceDetails::effectiveFrom).min(LocalDate::compareTo)
                    .ifPresent(from -> regions.forEach(r -> ledger.reprice(r, from)));
        }
        return new PriceImport(source, parsed.rows(), parsed.prices().size(), changed, regions);
    }
}
