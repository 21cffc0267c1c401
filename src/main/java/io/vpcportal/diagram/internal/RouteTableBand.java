package io.vpcportal.diagram.internal;

import static io.vpcportal.diagram.internal.CellLabels.text;
import static io.vpcportal.diagram.internal.DiagramLabels.named;
import static io.vpcportal.diagram.internal.Grid.MAX_ROUTE_TABLES;
import static io.vpcportal.diagram.internal.Grid.RT_W;

import io.vpcportal.diagram.internal.Grid.Columns;
import io.vpcportal.diagram.internal.Layout.Shape;
import io.vpcportal.diagram.internal.Layout.Style;
import io.vpcportal.diagram.internal.NetworkModel.RouteTableNode;
import java.util.List;

/** The route tables' column, between the zones and the endpoints. */
final class RouteTableBand {

    private RouteTableBand() {
    }

    /** Places the route tables in their column, or the first ones and a "more" cell; returns the bottom. */
    static int place(Grid grid, NetworkModel m, Columns c) {
        int x = c.rtX();
        int y = c.zonesY();
        List<RouteTableNode> tables = m.routeTables();
        List<RouteTableNode> shown = tables.size() > MAX_ROUTE_TABLES ? tables.subList(0, MAX_ROUTE_TABLES - 1)
                : tables;
        for (RouteTableNode t : shown) {
            grid.add(new Shape("route-table", t.id(), x, y, RT_W, 44, Style.ROUTE_TABLE, false,
                    CellLabels.routeTableTooltip(t), List.of(
                            text(x + 8, y + 6, RT_W - 16, "Route table " + named(t.id(), t.name()), true, false),
                            text(x + 8, y + 24, RT_W - 16, CellLabels.routeTableKind(t), false, true))));
            y += 54;
        }
        if (shown.size() < tables.size()) {
            List<RouteTableNode> rest = tables.subList(shown.size(), tables.size());
            grid.add(new Shape("more", "more-route-tables", x, y, RT_W, 32, Style.MORE, false,
                    CellLabels.moreTooltip("route tables", rest.stream().map(RouteTableNode::id).toList()),
                    List.of(text(x + 8, y + 8, RT_W - 16, CellLabels.more(rest.size(), "route tables"), true, false))));
            y += 42;
        }
        return y;
    }
}
