package io.vpcportal.diagram.internal;

import static io.vpcportal.diagram.internal.CellLabels.text;
import static io.vpcportal.diagram.internal.Grid.MARGIN;
import static io.vpcportal.diagram.internal.Grid.SVC_W;

import io.vpcportal.diagram.internal.Grid.Columns;
import io.vpcportal.diagram.internal.Layout.Shape;
import io.vpcportal.diagram.internal.Layout.Style;
import io.vpcportal.diagram.internal.Layout.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places a {@link NetworkModel} on a fixed {@link Grid}, band by band, left to right: availability-zone columns of
 * subnets, public first ({@link ZoneBand}), the route tables ({@link RouteTableBand}), the endpoints
 * ({@link EndpointBand}), then outside the VPC the services with one lane per traffic path ({@link ServiceBand},
 * {@link ConnectorBand}). Every cell has a fixed size and every text line its own row, so labels cannot overlap;
 * what does not fit is cut (whole text in the tooltip, see {@link CellLabels}) or collapsed into a "more" cell.
 */
public final class GridLayout {

    private GridLayout() {
    }

    public static Layout of(NetworkModel m) {
        Grid grid = new Grid();
        String title = CellLabels.title(m);
        Columns c = Columns.of(m);
        int zoneBottom = ZoneBand.place(grid, m, c);
        int rtBottom = RouteTableBand.place(grid, m, c);
        EndpointBand.internetGateway(grid, m, c);
        Map<String, String> cellOf = new HashMap<>();
        int epBottom = EndpointBand.place(grid, m, c, cellOf);
        int vpcBottom = Math.max(Math.max(zoneBottom, rtBottom), epBottom) + Grid.PAD;

        int laneX0 = c.vpcRight() + 20;
        int svcX = laneX0 + Math.max(1, m.paths().size()) * 12 + 16;
        ServiceBand.requestTotal(grid, m, svcX, c.vpcY());
        Map<String, Integer> rowOfPath = new HashMap<>();
        int svcBottom = ServiceBand.place(grid, m, svcX, c.zonesY(), rowOfPath);
        ConnectorBand.paths(grid, m, cellOf, rowOfPath, laneX0, svcX);
        ConnectorBand.egress(grid, m);
        ConnectorBand.associations(grid, m, cellOf);

        int legendY = Math.max(vpcBottom, svcBottom) + 20;
        List<Shape> ordered = new ArrayList<>();
        ordered.add(header(m, title));
        ordered.add(vpc(m, c, vpcBottom, title));
        ordered.addAll(ZoneBand.frames(m, c, vpcBottom)); // before their subnets, so that they are drawn below them
        ordered.addAll(grid.shapes());
        ordered.add(legend(legendY));
        int width = Math.max(svcX + SVC_W + MARGIN, MARGIN + 800);
        return new Layout(width, legendY + 78 + MARGIN, title, DiagramLabels.description(m), ordered,
                grid.connectors());
    }

    private static Shape vpc(NetworkModel m, Columns c, int vpcBottom, String title) {
        return new Shape("vpc", m.vpcId(), c.vpcX(), c.vpcY(), c.vpcRight() - c.vpcX(), vpcBottom - c.vpcY(), Style.VPC,
                false, title, List.of(text(c.vpcX() + 10, c.vpcY() + 6, 360, CellLabels.vpc(m), true, false)));
    }

    private static Shape header(NetworkModel m, String title) {
        return new Shape("header", "header", MARGIN, MARGIN - 4, 900, 48, Style.HEADER, false, title,
                List.of(text(MARGIN, MARGIN - 4, 900, title, true, false),
                        text(MARGIN, MARGIN + 16, 900, CellLabels.subtitle(m), false, true)));
    }

    private static Shape legend(int legendY) {
        List<Text> legend = new ArrayList<>();
        List<String> items = CellLabels.LEGEND_ITEMS;
        for (int i = 0; i < items.size(); i++) {
            int col = i % 3;
            int row = i / 3;
            legend.add(text(MARGIN + 52 + col * 250, legendY + 10 + row * 22, 190, items.get(i), false, false));
        }
        legend.add(text(MARGIN + 8, legendY + 10 + 2 * 22, 740, CellLabels.legendFigures(), false, true));
        return new Shape("legend", "legend", MARGIN, legendY, 780, 78, Style.LEGEND, false, CellLabels.LEGEND_TOOLTIP,
                legend);
    }
}
