package io.vpcportal.diagram.internal;

import static io.vpcportal.diagram.internal.CellLabels.text;
import static io.vpcportal.diagram.internal.DiagramLabels.named;
import static io.vpcportal.diagram.internal.Grid.MAX_ENI_ROWS;
import static io.vpcportal.diagram.internal.Grid.MAX_SUBNETS_PER_ZONE;
import static io.vpcportal.diagram.internal.Grid.PAD;
import static io.vpcportal.diagram.internal.Grid.SUBNET_W;
import static io.vpcportal.diagram.internal.Grid.ZONE_W;

import io.vpcportal.diagram.internal.Grid.Columns;
import io.vpcportal.diagram.internal.Layout.Shape;
import io.vpcportal.diagram.internal.Layout.Style;
import io.vpcportal.diagram.internal.Layout.Text;
import io.vpcportal.diagram.internal.NetworkModel.EniNode;
import io.vpcportal.diagram.internal.NetworkModel.NatNode;
import io.vpcportal.diagram.internal.NetworkModel.SubnetNode;
import io.vpcportal.diagram.internal.NetworkModel.Traffic;
import java.util.ArrayList;
import java.util.List;

/** The availability-zone columns: each zone's subnets, public first, with their NAT gateways and ENIs. */
final class ZoneBand {

    private ZoneBand() {
    }

    /** Places the subnets of each zone in the zone's column; returns the lowest bottom. */
    static int place(Grid grid, NetworkModel m, Columns c) {
        int bottom = c.zonesY() + 28;
        for (int z = 0; z < m.zones().size(); z++) {
            String zone = m.zones().get(z);
            int zx = c.zoneX(z);
            int y = c.zonesY() + 30;
            List<SubnetNode> subnets = m.subnets().stream().filter(s -> s.zone().equals(zone)).toList();
            List<SubnetNode> shown = subnets.size() > MAX_SUBNETS_PER_ZONE
                    ? subnets.subList(0, MAX_SUBNETS_PER_ZONE - 1) : subnets;
            for (SubnetNode s : shown) {
                y = subnet(grid, m, s, zx + 12, y) + 10;
            }
            if (shown.size() < subnets.size()) {
                List<SubnetNode> rest = subnets.subList(shown.size(), subnets.size());
                grid.add(new Shape("more", "more-subnets:" + zone, zx + 12, y, SUBNET_W, 36, Style.MORE, false,
                        CellLabels.moreTooltip("subnets", rest.stream().map(SubnetNode::id).toList()),
                        List.of(text(zx + 20, y + 10, SUBNET_W - 16, CellLabels.more(rest.size(), "subnets"), true,
                                false))));
                y += 46;
            }
            bottom = Math.max(bottom, y);
        }
        return bottom;
    }

    /** The zones' frames, as tall as the VPC; drawn before their subnets, so that they lie below them. */
    static List<Shape> frames(NetworkModel m, Columns c, int vpcBottom) {
        List<Shape> frames = new ArrayList<>();
        for (int z = 0; z < m.zones().size(); z++) {
            String zone = m.zones().get(z);
            int zx = c.zoneX(z);
            frames.add(new Shape("zone", zone, zx, c.zonesY(), ZONE_W, vpcBottom - PAD - c.zonesY(), Style.ZONE, false,
                    "Availability Zone " + zone, List.of(text(zx + 8, c.zonesY() + 6, ZONE_W - 16, zone, true, true))));
        }
        return frames;
    }

    /** A subnet cell with its NAT gateways and its list of ENIs; returns its bottom. */
    private static int subnet(Grid grid, NetworkModel m, SubnetNode s, int x, int y) {
        List<Text> texts = new ArrayList<>();
        texts.add(text(x + 8, y + 4, SUBNET_W - 16, named(s.id(), s.name()), true, false));
        texts.add(text(x + 8, y + 20, SUBNET_W - 16, CellLabels.subnetKind(s) + " · " + (s.cidr() == null ? ""
                : s.cidr()), false, true));
        texts.add(text(x + 8, y + 36, SUBNET_W - 16, "routes: " + (s.routeTableId() == null ? "none"
                : s.routeTableId()), false, true));
        int row = y + 56;
        List<Shape> inner = new ArrayList<>();
        for (NatNode nat : m.natGateways()) {
            if (!s.id().equals(nat.subnetId())) {
                continue;
            }
            List<Text> natTexts = new ArrayList<>();
            natTexts.add(text(x + 16, row + 5, SUBNET_W - 32, "NAT " + named(nat.id(), nat.name()), true, true));
            Traffic t = nat.traffic();
            if (t != null) {
                natTexts.add(text(x + 16, row + 21, SUBNET_W - 32, CellLabels.natTraffic(t), false, true));
            }
            int natH = t == null ? 26 : 42;
            inner.add(new Shape("nat-gateway", nat.id(), x + 8, row, SUBNET_W - 16, natH, Style.NAT_GATEWAY, false,
                    CellLabels.natTooltip(nat, s.id()), natTexts));
            row += natH + 6;
        }
        List<EniNode> enis = s.enis();
        if (!enis.isEmpty()) {
            row = enis(s, enis, x, row, inner);
        }
        int h = row - y + 2;
        grid.add(new Shape("subnet", s.id(), x, y, SUBNET_W, h, s.isPublic() ? Style.SUBNET_PUBLIC
                : Style.SUBNET_PRIVATE, false, CellLabels.subnetTooltip(s), texts));
        inner.forEach(grid::add);
        return y + h;
    }

    /** The subnet's ENI list (the first ones and a "more" line) into {@code inner}; returns the next row. */
    private static int enis(SubnetNode s, List<EniNode> enis, int x, int row, List<Shape> inner) {
        boolean cut = enis.size() > MAX_ENI_ROWS;
        List<EniNode> shown = cut ? enis.subList(0, MAX_ENI_ROWS - 1) : enis;
        int listH = (shown.size() + (cut ? 1 : 0)) * 38 + 6;
        List<Text> listTexts = new ArrayList<>();
        List<Shape> eniShapes = new ArrayList<>();
        int ey = row + 4;
        for (EniNode eni : shown) {
            eniShapes.add(new Shape("eni", eni.endpointId() + "@" + s.id(), x + 12, ey, SUBNET_W - 24, 34,
                    Style.ENI, eni.planned(), CellLabels.eniTooltip(eni, s.id()), List.of(
                    text(x + 18, ey + 1, SUBNET_W - 36, CellLabels.eniTitle(eni), true, true),
                    text(x + 18, ey + 17, SUBNET_W - 36, CellLabels.eniDetail(eni), false, true))));
            ey += 38;
        }
        if (cut) {
            int rest = enis.size() - shown.size();
            listTexts.add(text(x + 18, ey + 6, SUBNET_W - 36, CellLabels.more(rest, "ENIs"), true, true));
        }
        inner.add(new Shape("eni-list", "enis@" + s.id(), x + 8, row, SUBNET_W - 16, listH, Style.ENI_LIST,
                false, CellLabels.eniListTooltip(enis, s.id()), listTexts));
        inner.addAll(eniShapes);
        return row + listH + 6;
    }
}
