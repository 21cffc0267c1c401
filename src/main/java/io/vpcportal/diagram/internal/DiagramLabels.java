package io.vpcportal.diagram.internal;

import io.vpcportal.diagram.SharedPaths.Served;
import io.vpcportal.diagram.SharedPaths.Spoke;
import io.vpcportal.diagram.internal.NetworkModel.EndpointNode.Kind;
import io.vpcportal.diagram.internal.NetworkModel.NatNode;
import io.vpcportal.diagram.internal.NetworkModel.PathNode;
import io.vpcportal.diagram.internal.NetworkModel.Traffic;
import io.vpcportal.diagram.internal.NetworkModel.Via;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The words and figures of a diagram: path labels, GB and dollar formats, names, the text description. Every
 * renderer and exporter (SVG, PNG, draw.io, Mermaid) takes them from here, so a figure reads the same everywhere.
 */
final class DiagramLabels {

    private DiagramLabels() {
    }

    static String kindLabel(Kind kind) {
        return switch (kind) {
            case GATEWAY -> "gateway";
            case INTERFACE -> "interface";
            case OTHER -> "GWLB";
        };
    }

    /** A path's label in one line (tooltips, Mermaid, the text description). */
    static String pathLabel(PathNode p) {
        return String.join(" · ", pathLines(p));
    }

    /**
     * A path's label as the service cell shows it: how it flows, with its monthly GB where known; then its dollars
     * where measured or estimated.
     */
    static List<String> pathLines(PathNode p) {
        if (p.via() == Via.HUB) {
            return hubLines(p);
        }
        String via = p.planned() ? "through new endpoint" : p.via().label();
        Traffic t = p.traffic();
        if (t == null) {
            return List.of(via);
        }
        String volume = t.measured() ? " · ≈ " + (t.gb() == null ? "?" : gb(t.gb())) + " GB/month"
                : " · est." + (t.gb() == null ? " share" : " " + gb(t.gb()) + " GB/month");
        String money = p.via() == Via.ENDPOINT
                ? usd(t.endpointCost()) + " endpoint cost · " + usd(t.avoidedNatCost()) + " NAT avoided"
                : usd(t.natCost()) + " NAT processing";
        return List.of(via + volume, money);
    }

    /**
     * A path through a hub VPC: the hub, the Transit Gateway, and the spoke's measured GB when the ledger has it (no
     * dollars: the hub's endpoint is paid by the hub).
     */
    private static List<String> hubLines(PathNode p) {
        String hub = "via hub " + p.sourceId();
        String over = "over " + (p.transitGatewayId() == null ? "the Transit Gateway"
                : "Transit Gateway " + p.transitGatewayId());
        Traffic t = p.traffic();
        if (t == null || t.gb() == null) {
            return List.of(hub, over);
        }
        return List.of(hub, over, "≈ " + gb(t.gb()) + " GB/month measured");
    }

    /** What a hub serves: "shared with 3 spokes over Transit Gateway tgw-…". */
    static String servedLabel(Served s) {
        return "shared with " + s.spokes().size() + " spoke" + (s.spokes().size() == 1 ? "" : "s") + " over "
                + (s.transitGatewayId() == null ? "the Transit Gateway" : "Transit Gateway " + s.transitGatewayId());
    }

    static String spokeLabel(Spoke spoke) {
        if (spoke.vpcId() == null) {
            return "spoke in an account you may not see";
        }
        return "spoke " + spoke.vpcId() + " · account " + spoke.accountId();
    }

    static String basis(Traffic t) {
        return t == null || t.basis() == null ? "" : " (" + t.basis() + ")";
    }

    /** Whole dollars from $100 on, cents below: short enough for a cell, exact enough to compare. */
    static String usd(BigDecimal value) {
        if (value == null) {
            return "$?";
        }
        BigDecimal abs = value.abs();
        String digits = new DecimalFormat(abs.compareTo(BigDecimal.valueOf(100)) >= 0 ? "#,##0" : "#,##0.00",
                DecimalFormatSymbols.getInstance(Locale.ROOT)).format(abs.setScale(2, RoundingMode.HALF_UP));
        return (value.signum() < 0 ? "-$" : "$") + digits;
    }

    static String gb(BigDecimal value) {
        if (value == null) {
            return "?";
        }
        return new DecimalFormat(value.abs().compareTo(BigDecimal.TEN) >= 0 ? "#,##0" : "#,##0.#",
                DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    static String named(String id, String name) {
        return name == null || name.isBlank() ? id : name + " (" + id + ")";
    }

    static String viewSuffix(NetworkModel m) {
        return switch (m.view()) {
            case "before" -> " — before the request";
            case "after" -> " — after the request";
            default -> "";
        };
    }

    static String description(NetworkModel m) {
        StringBuilder d = new StringBuilder();
        d.append("VPC ").append(m.vpcId()).append(" in ").append(m.region()).append(" with ")
                .append(m.subnets().size()).append(" subnets in ").append(m.zones().size())
                .append(" availability zones, ").append(m.routeTables().size()).append(" route tables, ")
                .append(m.natGateways().size()).append(" NAT gateways and ").append(m.endpoints().size())
                .append(" endpoints. ");
        for (PathNode p : m.paths()) {
            d.append("Traffic to ").append(p.serviceKey()).append(' ').append(pathLabel(p))
                    .append(p.via() == Via.ENDPOINT ? " " + p.sourceId() : "").append(basis(p.traffic())).append(". ");
        }
        for (NatNode n : m.natGateways()) {
            if (n.traffic() != null) {
                d.append("NAT gateway ").append(n.id()).append(" processes ≈ ").append(gb(n.traffic().gb()))
                        .append(" GB per month for ").append(usd(n.traffic().natCost())).append(basis(n.traffic()))
                        .append(". ");
            }
        }
        for (Served s : m.served()) {
            d.append("Hub for ").append(Services.key(s.serviceName()))
                    .append(s.endpointId() == null ? "" : " (endpoint " + s.endpointId() + ")").append(": ")
                    .append(servedLabel(s)).append(": ").append(s.spokes().stream()
                            .map(x -> x.vpcId() + " (account " + x.accountId() + ")").collect(Collectors.joining(", ")))
                    .append(". ");
        }
        if (m.requestTotal() != null) {
            d.append("The request expects ").append(gb(m.requestTotal().gb())).append(" GB per month in total, shared "
                    + "evenly by its endpoints' estimates. ");
        }
        return d.toString().strip();
    }
}
