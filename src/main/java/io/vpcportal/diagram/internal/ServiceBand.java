package io.vpcportal.diagram.internal;

import static io.vpcportal.diagram.internal.CellLabels.text;
import static io.vpcportal.diagram.internal.DiagramLabels.pathLines;
import static io.vpcportal.diagram.internal.Grid.LINE;
import static io.vpcportal.diagram.internal.Grid.SVC_W;

import io.vpcportal.diagram.SharedPaths.Served;
import io.vpcportal.diagram.internal.Layout.Shape;
import io.vpcportal.diagram.internal.Layout.Style;
import io.vpcportal.diagram.internal.Layout.Text;
import io.vpcportal.diagram.internal.NetworkModel.PathNode;
import io.vpcportal.diagram.internal.NetworkModel.RequestTotal;
import io.vpcportal.diagram.internal.NetworkModel.ServiceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Outside the VPC: the request's GB figure, then the services with a row per traffic path, and on a hub the spokes
 * it serves each service to.
 */
final class ServiceBand {

    /** Spokes listed by name in a service cell; the rest collapse into a "more" line (all in the tooltip). */
    static final int MAX_SPOKE_LINES = 8;

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
            List<Served> served = m.served().stream().filter(x -> Services.key(x.serviceName()).equals(s.key()))
                    .toList();
            for (Served x : served) {
                texts.add(text(svcX + 22, row, SVC_W - 30, DiagramLabels.servedLabel(x), true, false));
                row += LINE;
                for (int i = 0; i < x.spokes().size(); i++) {
                    if (i == MAX_SPOKE_LINES && x.spokes().size() > MAX_SPOKE_LINES + 1) {
                        texts.add(text(svcX + 22, row, SVC_W - 30, CellLabels.more(x.spokes().size() - i, "spokes"),
                                false, true));
                        row += LINE;
                        break;
                    }
                    texts.add(text(svcX + 22, row, SVC_W - 30, DiagramLabels.spokeLabel(x.spokes().get(i)), false,
                            true));
                    row += LINE;
                }
            }
            int h = row - y + 6;
            grid.add(new Shape("service", s.key(), svcX, y, SVC_W, h, s.partner() ? Style.PARTNER_SERVICE
                    : Style.SERVICE, false, CellLabels.serviceTooltip(s, own, served), texts));
            y += h + 14;
        }
        return y;
    }
}
