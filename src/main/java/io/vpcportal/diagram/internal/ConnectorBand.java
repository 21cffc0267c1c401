package io.vpcportal.diagram.internal;

import io.vpcportal.diagram.internal.Grid.Columns;
import io.vpcportal.diagram.internal.Layout.Connector;
import io.vpcportal.diagram.internal.Layout.Shape;
import io.vpcportal.diagram.internal.Layout.Style;
import io.vpcportal.diagram.internal.NetworkModel.EndpointNode;
import io.vpcportal.diagram.internal.NetworkModel.EndpointNode.Kind;
import io.vpcportal.diagram.internal.NetworkModel.NatNode;
import io.vpcportal.diagram.internal.NetworkModel.PathNode;
import io.vpcportal.diagram.internal.NetworkModel.Via;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The lines between placed cells: traffic paths to the services, NAT egress, gateway endpoint associations. */
final class ConnectorBand {

    private ConnectorBand() {
    }

    /** Each traffic path from its source cell to its row in the service, in a lane of its own. */
    static void paths(Grid grid, NetworkModel m, Map<String, String> cellOf, Map<String, Integer> rowOfPath,
            int laneX0, int svcX) {
        List<PathNode> paths = m.paths();
        Map<String, Integer> fromSource = new HashMap<>();
        Map<String, Long> perSource = paths.stream().collect(Collectors.groupingBy(p -> cellOf.getOrDefault(
                p.sourceId(), p.sourceId()), Collectors.counting()));
        for (int i = 0; i < paths.size(); i++) {
            PathNode p = paths.get(i);
            String sourceCell = cellOf.getOrDefault(p.sourceId(), p.sourceId());
            Shape source = grid.at(sourceCell);
            Integer targetY = rowOfPath.get(p.id());
            if (source == null || targetY == null) {
                continue;
            }
            int k = fromSource.merge(sourceCell, 1, Integer::sum) - 1;
            long n = perSource.get(sourceCell);
            int sy = source.y() + (int) ((k + 1) * source.h() / (n + 1));
            int lane = laneX0 + i * 12;
            Style style = p.via() == Via.ENDPOINT ? Style.PATH_ENDPOINT : p.via() == Via.NAT ? Style.PATH_NAT
                    : Style.PATH_INTERNET;
            grid.add(new Connector("path", p.id(), sourceCell, p.serviceKey(),
                    new int[] {source.x() + source.w(), sy, lane, sy, lane, targetY, svcX + 14, targetY}, style,
                    p.planned(), CellLabels.pathTooltip(m, p), p.serviceKey(), p.via().name().toLowerCase(Locale.ROOT)));
        }
    }

    /** NAT gateways to the internet gateway, along their zone's left gutter. */
    static void egress(Grid grid, NetworkModel m) {
        Shape igw = m.internetGatewayId() == null ? null : grid.at(m.internetGatewayId());
        if (igw == null) {
            return;
        }
        int busY = igw.y() + igw.h() / 2;
        for (NatNode nat : m.natGateways()) {
            Shape n = grid.at(nat.id());
            if (n == null) {
                continue;
            }
            int gutter = Columns.zoneGutterOf(n.x());
            grid.add(new Connector("egress", "egress:" + nat.id(), nat.id(), igw.id(),
                    new int[] {n.x(), n.y() + n.h() / 2, gutter, n.y() + n.h() / 2, gutter, busY, igw.x(), busY},
                    Style.EGRESS, false, CellLabels.egressTooltip(nat, igw.id()), null, null));
        }
    }

    /** Gateway endpoints attached to their route tables. */
    static void associations(Grid grid, NetworkModel m, Map<String, String> cellOf) {
        int elbow = 0;
        for (EndpointNode e : m.endpoints()) {
            Shape ep = grid.at(cellOf.get(e.id()));
            for (String table : e.routeTableIds()) {
                Shape rt = grid.at(table);
                if (rt == null || ep == null || e.kind() != Kind.GATEWAY) {
                    continue;
                }
                int ex = rt.x() + rt.w() + 10 + (elbow++ % 6) * 7;
                grid.add(new Connector("association", "assoc:" + table + ":" + e.id(), table, ep.id(),
                        new int[] {rt.x() + rt.w(), rt.y() + rt.h() / 2, ex, rt.y() + rt.h() / 2, ex,
                                ep.y() + ep.h() / 2, ep.x(), ep.y() + ep.h() / 2}, Style.ASSOCIATION, e.planned(),
                        CellLabels.associationTooltip(table, e), e.serviceKey(), null));
            }
        }
    }
}
