package io.vpcportal.sharing.internal;

import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.savings.PriceDetails;
import io.vpcportal.savings.PriceItem;
import io.vpcportal.savings.Rate;
import io.vpcportal.savings.SavingsManagement;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The prices one advice uses, read from the savings catalog in force today: interface endpoint hour and data and
 * Transit Gateway attachment hour and data in the region; Route 53 zone and queries, which are global and kept
 * under us-east-1 (their usage types have no region prefix).
 */
@Component
public class AdvicePrices {

    /** Where the catalog keeps prices of usage types without a region prefix. */
    static final String GLOBAL = "us-east-1";

    public record Prices(PricedItem endpointHour, PricedItem endpointGb, PricedItem attachmentHour,
            PricedItem transitGb, PricedItem hostedZone, PricedItem dnsQuery) {
    }

    private final SavingsManagement savings;

    AdvicePrices(SavingsManagement savings) {
        this.savings = savings;
    }

    /** Bad input on {@code region} when the catalog lacks one of them. */
    public Prices of(String region) {
        List<PriceDetails> all = savings.prices();
        return new Prices(item(all, region, PriceItem.INTERFACE_ENDPOINT_HOUR),
                item(all, region, PriceItem.INTERFACE_ENDPOINT_GB),
                item(all, region, PriceItem.TRANSIT_GATEWAY_ATTACHMENT_HOUR),
                item(all, region, PriceItem.TRANSIT_GATEWAY_GB), item(all, GLOBAL, PriceItem.HOSTED_ZONE_MONTH),
                item(all, GLOBAL, PriceItem.DNS_QUERY));
    }

    private PricedItem item(List<PriceDetails> all, String region, PriceItem item) {
        Rate rate = savings.rate(region, item).orElseThrow(() -> new InvalidInputException("region",
                "the price catalog has no " + item.usageSuffix() + " price (" + item.serviceCode() + ") for "
                        + region + ": import the offer file under Prices"));
        List<PriceDetails> rows = all.stream().filter(p -> p.region().equals(region) && p.item() == item
                && p.toRegion().isEmpty() && p.effectiveFrom().equals(rate.effectiveFrom())).toList();
        return new PricedItem(region, rate, rows);
    }
}
