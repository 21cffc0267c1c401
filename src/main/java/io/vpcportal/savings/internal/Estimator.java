package io.vpcportal.savings.internal;

import io.vpcportal.catalog.EndpointType;
import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.UnprocessableException;
import io.vpcportal.savings.Estimate;
import io.vpcportal.savings.EstimateInput;
import io.vpcportal.savings.PriceItem;
import io.vpcportal.savings.Rate;
import io.vpcportal.shared.AwsRegion;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Prices one endpoint against the NAT gateway it replaces, with the prices in force on the period's first day. */
@Component
public class Estimator {

    /** AWS's month in its price calculators and bills of monthly figures. */
    public static final BigDecimal MONTH_HOURS = BigDecimal.valueOf(730);

    private final PriceCatalog catalog;

    Estimator(PriceCatalog catalog) {
        this.catalog = catalog;
    }

    public Estimate estimate(EstimateInput in, LocalDate today) {
        check(in);
        LocalDate day = in.from() == null ? today : in.from();
        BigDecimal hours = in.from() == null ? MONTH_HOURS
                : BigDecimal.valueOf((ChronoUnit.DAYS.between(in.from(), in.to()) + 1) * 24);
        if (!catalog.pricedRegions().contains(in.region())) {
            throw new UnprocessableException("No prices for region " + in.region() + "; priced regions: "
                    + String.join(", ", catalog.pricedRegions()));
        }
        boolean gbGiven = in.gb() != null;
        List<Estimate.Component> parts = new ArrayList<>();
        BigDecimal enis = BigDecimal.valueOf(in.enis());
        Rate natGb = rate(in.region(), PriceItem.NAT_GATEWAY_GB, day);
        Rate endpointHour = null;
        Rate endpointGb = null;
        switch (in.endpointType()) {
            case Interface -> {
                endpointHour = rate(in.region(), PriceItem.INTERFACE_ENDPOINT_HOUR, day);
                endpointGb = rate(in.region(), PriceItem.INTERFACE_ENDPOINT_GB, day);
            }
            case GatewayLoadBalancer -> {
                endpointHour = rate(in.region(), PriceItem.GWLB_ENDPOINT_HOUR, day);
                endpointGb = rate(in.region(), PriceItem.GWLB_ENDPOINT_GB, day);
            }
            case Gateway -> {
            }
        }
        // the data leaves the VPC's region for the service's: billed in the VPC's region, per GB sent
        Rate transfer = in.crossRegion() ? catalog.rate(in.region(), in.serviceRegion(), PriceItem.INTER_REGION_GB, day)
                .orElseThrow(() -> new UnprocessableException("No inter-region transfer price from " + in.region()
                        + " to " + in.serviceRegion() + " in force on " + day + "; import an AWSDataTransfer offer file"))
                : null;
        if (endpointHour != null) {
            parts.add(part("endpointHours", "cost", enis.multiply(hours), "ENI-hours", endpointHour));
            if (gbGiven) {
                parts.add(part("endpointData", "cost", in.gb(), "GB", endpointGb));
            }
        }
        if (transfer != null && gbGiven) {
            parts.add(part("interRegionTransfer", "cost", in.gb(), "GB", transfer));
        }
        if (gbGiven) {
            parts.add(part("natData", "avoided", in.gb(), "GB", natGb));
        }
        if (in.natGatewayRemoved()) {
            parts.add(part("natHours", "avoided", hours, "hours", rate(in.region(), PriceItem.NAT_GATEWAY_HOUR, day)));
            parts.add(part("natPublicIpv4", "avoided", hours, "hours", rate(in.region(), PriceItem.PUBLIC_IPV4_HOUR, day)));
        }
        BigDecimal cost = sum(parts, "cost");
        BigDecimal avoided = sum(parts, "avoided");
        BigDecimal net = gbGiven ? avoided.subtract(cost) : null;
        BigDecimal breakEven = null;
        if (endpointHour != null && !in.natGatewayRemoved()) {
            BigDecimal margin = natGb.firstTier().subtract(endpointGb.firstTier())
                    .subtract(transfer == null ? BigDecimal.ZERO : transfer.firstTier());
            if (margin.signum() > 0) {
                breakEven = enis.multiply(hours).multiply(endpointHour.firstTier())
                        .divide(margin, MathContext.DECIMAL64).setScale(6, RoundingMode.HALF_UP);
            }
        }
        String per = in.from() == null ? " per month" : " from " + in.from() + " to " + in.to();
        String warning = null;
        if (endpointHour != null && net != null && net.signum() < 0) {
            warning = "This endpoint costs " + Estimate.usd(net.negate()) + " more than it saves" + per
                    + (breakEven == null ? "." : ": it breaks even at " + breakEven.setScale(0, RoundingMode.CEILING)
                    + " GB" + per + ".");
        }
        String prompt = gbGiven ? null : "Give the expected GB" + per + " to see the saving: "
                + (endpointHour == null ? "the endpoint is free and saves the NAT data charge on every GB."
                : "the endpoint costs " + Estimate.usd(cost) + per + " before data"
                + (breakEven == null ? "." : " and breaks even at " + breakEven.setScale(0, RoundingMode.CEILING)
                + " GB" + per + "."));
        return new Estimate(in.region(), in.endpointType().name(), hours, day, List.copyOf(parts), cost, avoided, net,
                breakEven, warning, in.crossRegion() ? in.serviceRegion() : null, prompt);
    }

    private static void check(EstimateInput in) {
        List<FieldViolation> errors = new ArrayList<>();
        if (in.region() == null || in.region().isBlank()) {
            errors.add(new FieldViolation("region", "is required"));
        }
        if (in.endpointType() == null) {
            errors.add(new FieldViolation("endpointType", "must be Gateway, Interface or GatewayLoadBalancer"));
        }
        if (in.gb() != null && in.gb().signum() < 0) {
            errors.add(new FieldViolation("monthlyGb", "must be 0 or more"));
        }
        if (in.serviceRegion() != null && !in.serviceRegion().isBlank()) {
            if (!AwsRegion.isKnown(in.serviceRegion())) {
                errors.add(new FieldViolation("serviceRegion", "is not a known AWS region"));
            } else if (in.crossRegion() && in.endpointType() != null && in.endpointType() != EndpointType.Interface) {
                errors.add(new FieldViolation("serviceRegion",
                        "applies to Interface endpoints only: " + in.endpointType() + " endpoints are regional"));
            }
        }
        if (in.endpointType() != null && in.endpointType() != EndpointType.Gateway && (in.enis() < 1 || in.enis() > 64)) {
            errors.add(new FieldViolation("enis", "must be between 1 and 64 for an "
                    + in.endpointType() + " endpoint"));
        }
        if ((in.from() == null) != (in.to() == null)) {
            errors.add(new FieldViolation(in.from() == null ? "from" : "to",
                    "is required when " + (in.from() == null ? "to" : "from") + " is given"));
        } else if (in.from() != null && in.to().isBefore(in.from())) {
            errors.add(new FieldViolation("to", "must not be before from"));
        } else if (in.from() != null && ChronoUnit.DAYS.between(in.from(), in.to()) > 366) {
            errors.add(new FieldViolation("to", "must be at most 366 days after from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private Rate rate(String region, PriceItem item, LocalDate day) {
        return catalog.rate(region, item, day).orElseThrow(() -> new UnprocessableException("No " + item
                + " price in force in " + region + " on " + day + "; import an offer file with it"));
    }

    private static Estimate.Component part(String name, String side, BigDecimal quantity, String unit, Rate rate) {
        return new Estimate.Component(name, side, quantity, unit, rate.item(), rate.tiers(), rate.cost(quantity),
                rate.effectiveFrom(), rate.source());
    }

    private static BigDecimal sum(List<Estimate.Component> parts, String side) {
        return parts.stream().filter(p -> p.side().equals(side)).map(Estimate.Component::usd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
