package io.vpcportal.savings.internal;

import io.vpcportal.catalog.EndpointType;
import io.vpcportal.inventory.CoverageAdvisor;
import io.vpcportal.inventory.EndpointSummary;
import io.vpcportal.inventory.Recommendation;
import io.vpcportal.inventory.VpcCoverage;
import io.vpcportal.platform.UnprocessableException;
import io.vpcportal.savings.Estimate;
import io.vpcportal.savings.EstimateInput;
import io.vpcportal.savings.LedgerRow;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Dollars on the inventory's coverage: a missing S3 or DynamoDB gateway endpoint gets the NAT charge for that
 * service's traffic measured in the VPC over the last 30 days (the dashboard's missed savings); and from the ledger,
 * interface endpoints that carried nothing in their last 30 collected days ({@code IDLE_ENDPOINT}: removing one saves
 * its monthly cost) or less than their break-even ({@code BELOW_BREAK_EVEN}: they cost more than the NAT traffic they
 * take). Figures use today's prices and AWS's 730-hour month.
 */
@Component
@Order(100)
class SavingsCoverageAdvisor implements CoverageAdvisor {

    static final int WINDOW_DAYS = 30;
    /** Fewer measured days than this say too little to call an endpoint below break-even. */
    static final int MIN_DAYS = 7;
    private static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);

    private final LedgerQueries ledger;
    private final Estimator estimator;
    private final Clock clock;

    SavingsCoverageAdvisor(LedgerQueries ledger, Estimator estimator, Clock clock) {
        this.ledger = ledger;
        this.estimator = estimator;
        this.clock = clock;
    }

    @Override
    public List<Recommendation> advise(VpcCoverage vpc, List<Recommendation> sofar) {
        if (vpc.accountId() == null || vpc.region() == null) {
            return sofar;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.minusDays(WINDOW_DAYS);
        LocalDate to = today.minusDays(1);
        List<Recommendation> out = new ArrayList<>();
        for (Recommendation r : sofar) {
            String service = switch (r.kind()) {
                case "MISSING_S3_GATEWAY" -> "S3";
                case "MISSING_DYNAMODB_GATEWAY" -> "DYNAMODB";
                default -> null;
            };
            BigDecimal missed = service == null || !vpc.vpcId().equals(r.vpcId()) ? null
                    : ledger.missed(vpc.accountId(), vpc.vpcId() + "/" + service, from, to);
            if (missed == null) {
                out.add(r);
                continue;
            }
            out.add(r.withSaving(missed, "NAT traffic to " + (service.equals("S3") ? "S3" : "DynamoDB")
                    + " measured over the last " + WINDOW_DAYS + " days (" + from + " to " + to + ")"));
        }
        for (EndpointSummary e : vpc.endpoints()) {
            if (e.goneAt() == null && e.endpointType().equalsIgnoreCase("Interface")) {
                interfaceAdvice(vpc, e, today).ifPresent(out::add);
            }
        }
        return out;
    }

    private Optional<Recommendation> interfaceAdvice(VpcCoverage vpc, EndpointSummary e, LocalDate today) {
        List<LedgerRow> days = ledger.latest(vpc.accountId(), e.id(), WINDOW_DAYS);
        if (days.size() < MIN_DAYS) {
            return Optional.empty();
        }
        long bytes = days.stream().mapToLong(LedgerRow::bytes).sum();
        int enis = Math.max(1, days.get(0).enis());
        BigDecimal monthlyGb = BigDecimal.valueOf(bytes).divide(GIB, MathContext.DECIMAL64)
                .multiply(Estimator.MONTH_HOURS).divide(BigDecimal.valueOf(days.size() * 24L), MathContext.DECIMAL64);
        Estimate estimate;
        try {
            estimate = estimator.estimate(new EstimateInput(vpc.region(), EndpointType.Interface, enis,
                    monthlyGb.setScale(3, RoundingMode.HALF_UP), false, null, null), today);
        } catch (UnprocessableException ex) {
            return Optional.empty();
        }
        String period = days.get(days.size() - 1).day() + " to " + days.get(0).day();
        if (bytes == 0 && days.size() >= WINDOW_DAYS) {
            return Optional.of(new Recommendation("IDLE_ENDPOINT", vpc.accountId(), vpc.region(), vpc.vpcId(),
                    "Interface endpoint " + e.id() + " (" + e.serviceName() + ") carried no bytes in its last "
                    + WINDOW_DAYS + " collected days; removing it saves its " + enis + " ENI"
                    + (enis > 1 ? "s'" : "'s") + " hours", null, null).withSaving(estimate.endpointCost(),
                    "its monthly cost: " + enis + " ENI x 730 h, no bytes measured from " + period));
        }
        BigDecimal breakEven = estimate.breakEvenGb();
        if (breakEven != null && monthlyGb.compareTo(breakEven) < 0 && estimate.netSaving().signum() < 0) {
            String gb = monthlyGb.setScale(1, RoundingMode.HALF_UP).toPlainString();
            return Optional.of(new Recommendation("BELOW_BREAK_EVEN", vpc.accountId(), vpc.region(),
                    vpc.vpcId(), "Interface endpoint " + e.id() + " (" + e.serviceName() + ") carries about " + gb
                    + " GB per month, below its break-even of " + breakEven.setScale(0, RoundingMode.CEILING)
                    + " GB: it costs more than the NAT traffic it takes", null, null)
                    .withSaving(estimate.netSaving().negate(), "endpoint cost minus the NAT charge it avoids, at "
                            + gb + " GB per month measured over " + days.size() + " days (" + period + ")"));
        }
        return Optional.empty();
    }
}
