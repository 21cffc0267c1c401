package io.vpcportal.diagram.internal;

import io.vpcportal.diagram.PlannedEndpoints;

import io.vpcportal.catalog.EndpointType;
import io.vpcportal.diagram.internal.NetworkModel.Traffic;
import io.vpcportal.diagram.PlannedEndpoints.Item;
import io.vpcportal.inventory.VpcTopology;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.UnprocessableException;
import io.vpcportal.savings.Estimate;
import io.vpcportal.savings.EstimateInput;
import io.vpcportal.savings.LedgerKind;
import io.vpcportal.savings.MeasuredTraffic;
import io.vpcportal.savings.SavingsManagement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The savings module's figures for one diagram: what the ledger measured for the VPC's endpoints, NAT gateways and
 * S3/DynamoDB traffic through NAT over the last {@value Figures#MEASURED_DAYS} days (one query for the whole VPC),
 * and the planned items' estimates, priced like the request form's cost panel (the request's GB shared evenly among
 * its endpoints unless an item has its own, the NAT gateway staying).
 */
@Component
public class TrafficFigures {

    private static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);

    private final SavingsManagement savings;

    public TrafficFigures(SavingsManagement savings) {
        this.savings = savings;
    }

    public Figures of(VpcTopology vpc, PlannedEndpoints plan) {
        return new Figures(measured(vpc), plan == null ? Map.of() : estimated(plan, vpc.region()));
    }

    Map<String, Traffic> measured(VpcTopology vpc) {
        if (vpc.accountId() == null) {
            return Map.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        vpc.endpoints().forEach(e -> ids.add(e.id()));
        vpc.natGateways().forEach(n -> ids.add(n.id()));
        ids.add(Figures.missed(vpc.vpcId(), "s3"));
        ids.add(Figures.missed(vpc.vpcId(), "dynamodb"));
        LocalDate to = savings.today().minusDays(1);
        LocalDate from = to.minusDays(Figures.MEASURED_DAYS - 1L);
        Map<String, Traffic> figures = new HashMap<>();
        for (MeasuredTraffic m : savings.measured(vpc.accountId(), ids, from, to)) {
            if (m.days() == 0 || (m.kind() == LedgerKind.GATEWAY && m.bytes() == 0)) {
                continue; // a gateway endpoint's bytes come from flow logs: 0 means not measured, not idle
            }
            BigDecimal scale = BigDecimal.valueOf(Figures.MEASURED_DAYS).divide(BigDecimal.valueOf(m.days()), 10,
                    RoundingMode.HALF_UP);
            String basis = "measured: " + m.days() + " of the last " + Figures.MEASURED_DAYS + " days"
                    + (m.days() < Figures.MEASURED_DAYS ? ", scaled to " + Figures.MEASURED_DAYS : "");
            BigDecimal gb = BigDecimal.valueOf(m.bytes()).divide(GIB, 6, RoundingMode.HALF_UP).multiply(scale);
            boolean endpoint = m.kind().isEndpoint();
            figures.put(m.resourceId(), new Traffic(true, gb, endpoint ? m.endpointCost().multiply(scale) : null,
                    endpoint ? m.avoidedNatCost().multiply(scale) : null, endpoint ? null : m.natCost().multiply(scale),
                    basis));
        }
        return figures;
    }

    Map<Integer, Traffic> estimated(PlannedEndpoints plan, String vpcRegion) {
        String region = plan.region() == null || plan.region().isBlank() ? vpcRegion : plan.region();
        Map<Integer, Traffic> figures = new HashMap<>();
        if (region == null || plan.items().isEmpty()) {
            return figures;
        }
        BigDecimal share = plan.totalGb() == null ? null
                : plan.totalGb().divide(BigDecimal.valueOf(plan.items().size()), 3, RoundingMode.HALF_UP);
        for (Item item : plan.items()) {
            BigDecimal gb = item.gb() != null ? item.gb() : share;
            EndpointType type = type(item.endpointType());
            if (gb == null || type == null) {
                continue;
            }
            int enis = type == EndpointType.Gateway ? 0 : Math.max(1, item.subnetIds().size());
            try {
                Estimate e = savings.estimate(new EstimateInput(region, type, enis, gb, false, null, null));
                String basis = "estimated with today's prices in " + region + " from " + (item.gb() != null
                        ? "the item's " + DiagramLabels.gb(gb) + " GB per month"
                        : plan.items().size() == 1 ? "the request's " + DiagramLabels.gb(gb) + " GB per month"
                        : "an even share (" + DiagramLabels.gb(gb) + " GB) of the request's " + DiagramLabels.gb(plan.totalGb())
                        + " GB per month");
                figures.put(item.position(), new Traffic(false, item.gb(), e.endpointCost(), e.avoidedNatCost(),
                        e.avoidedNatCost(), basis));
            } catch (UnprocessableException | InvalidInputException e) {
                // an unpriced region: the path simply carries no dollars (the cost panel says why)
            }
        }
        return figures;
    }

    private static EndpointType type(String value) {
        return value == null ? null : Arrays.stream(EndpointType.values())
                .filter(t -> t.name().equalsIgnoreCase(value.replace("_", ""))).findFirst().orElse(null);
    }
}
