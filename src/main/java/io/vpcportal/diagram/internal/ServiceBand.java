package io.vpcportal.diagram.internal;

import static io.vpcportal.diagram.internal.CellLabels.text;
import static io.vpcportal.diagram.internal.DiagramLabels.pathLines;
import static io.vpcportal.diagram.internal.Grid.LINE;
import static io.vpcportal.diagram.internal.Grid.SVC_W;

import io.vpcportal.diagram.internal.Layout.Shape;
import io.vpcportal.diagram.internal.Layout.Style;
import io.vpcportal.diagram.internal.Layout.Text;
import io.vpcportal.diagram.internal.NetworkModel.PathNode;
import io.vpcportal.diagram.internal.NetworkModel.RequestTotal;
import io.vpcportal.diagram.internal.NetworkModel.ServiceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Outside the VPC: the request's GB figure, then the services with a row per traffic path. */
final class ServiceBand {

    private ServiceBand() {
    }

    /** The request's one GB figure, once, above the services: its endpoints' estimates share it. */
    static void requestTotal(Grid grid, NetworkModel m, int svcX, int vpcY) {
        RequestTotal total = m.requestTotal();
        if (total == null) {
            return;
        }
        grid.add(new Shape("request-total", "request-total", svcX, vpcY + 20, SVC_W, 44, Style.REQUEST_TOTAL, false,
                CellLabels.requestTotalTooltip(total),
                List.of(text(svcX + 8, vpcY + 24, SVC_W - 16, CellLabels.requestTotal(total), true, false),
                        text(svcX + 8, vpcY + 42, SVC_W - 16, CellLabels.requestTotalShare(total), false, true))));
    }

    /**
     * The services outside the VPC, each with a row per traffic path ({@code rowOfPath} learns where each path
     * ends); returns the bottom.
     */
    static int place(Grid grid, NetworkModel m, int svcX, int top, Map<String, Integer> rowOfPath) {
        int y = top;
        for (ServiceNode s : m.services()) {
            List<PathNode> own = m.paths().stream().filter(p -> p.serviceKey().equals(s.key())).toList();
            List<Text> texts = new ArrayList<>();
            texts.add(text(svcX + 8, y + 4, SVC_W - 16, s.label(), true, false));
            texts.add(text(svcX + 8, y + 20, SVC_W - 16, s.serviceName(), false, true));
            int row = y + 38;
            for (PathNode p : own) {
                rowOfPath.put(p.id(), row + 8);
                for (String line : pathLines(p)) {
                    texts.add(text(svcX + 22, row, SVC_W - 30, line, false, true));
                    row += LINE;
                }
            }
            int h = row - y + 6;
            grid.add(new Shape("service", s.key(), svcX, y, SVC_W, h, s.partner() ? Style.PARTNER_SERVICE
                    : Style.SERVICE, false, CellLabels.serviceTooltip(s, own), texts));
            y += h + 14;
        }
        return y;
    }
}
