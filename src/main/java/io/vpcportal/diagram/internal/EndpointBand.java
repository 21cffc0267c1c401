package io.vpcportal.diagram.internal;

import static io.vpcportal.diagram.internal.CellLabels.text;
import static io.vpcportal.diagram.internal.Grid.EP_W;
import static io.vpcportal.diagram.internal.Grid.MAX_ENDPOINT_BOXES;

import io.vpcportal.diagram.internal.Grid.Columns;
import io.vpcportal.diagram.internal.Layout.Shape;
import io.vpcportal.diagram.internal.Layout.Style;
import io.vpcportal.diagram.internal.NetworkModel.EndpointNode;
import io.vpcportal.diagram.internal.NetworkModel.EndpointNode.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The VPC's right-hand column: the internet gateway on top, then the endpoints. */
final class EndpointBand {

    private EndpointBand() {
    }

    /** The internet gateway, above the endpoints. */
    static void internetGateway(Grid grid, NetworkModel m, Columns c) {
        if (m.internetGatewayId() == null) {
            return;
        }
        int x = c.epX();
        int y = c.vpcY();
        grid.add(new Shape("internet-gateway", m.internetGatewayId(), x, y + 28, EP_W, 40, Style.INTERNET_GATEWAY,
                false, "Internet gateway " + m.internetGatewayId(), List.of(
                        text(x + 8, y + 32, EP_W - 16, "Internet gateway", true, false),
                        text(x + 8, y + 50, EP_W - 16, m.internetGatewayId(), false, true))));
    }

    /**
     * One cell per endpoint, or one per service and kind when there are many; {@code cellOf} learns each endpoint's
     * cell. Returns the bottom.
     */
    static int place(Grid grid, NetworkModel m, Columns c, Map<String, String> cellOf) {
        int x = c.epX();
        int y = c.zonesY();
        if (m.endpoints().size() <= MAX_ENDPOINT_BOXES) {
            for (EndpointNode e : m.endpoints()) {
                grid.add(new Shape("endpoint", e.id(), x, y, EP_W, 56, style(e), e.planned(),
                        CellLabels.endpointTooltip(e), List.of(
                                text(x + 8, y + 4, EP_W - 16, CellLabels.endpointHeading(e), true, false),
                                text(x + 8, y + 21, EP_W - 16, e.id(), false, true),
                                text(x + 8, y + 37, EP_W - 16, CellLabels.endpointDetail(e), false, true))));
                cellOf.put(e.id(), e.id());
                y += 66;
            }
            return y;
        }
        Map<String, List<EndpointNode>> perService = m.endpoints().stream().collect(Collectors.groupingBy(
                e -> e.serviceKey() + "|" + e.kind(), LinkedHashMap::new, Collectors.toList()));
        for (var group : perService.entrySet()) {
            List<EndpointNode> list = group.getValue();
            EndpointNode first = list.get(0);
            String id = "endpoints:" + group.getKey();
            boolean planned = list.stream().allMatch(EndpointNode::planned);
            grid.add(new Shape("endpoint-group", id, x, y, EP_W, 56, style(first), planned,
                    CellLabels.endpointGroupTooltip(list), List.of(
                            text(x + 8, y + 4, EP_W - 16, Services.label(first.serviceName()), true, false),
                            text(x + 8, y + 21, EP_W - 16, CellLabels.endpointGroupCount(list), false, false),
                            text(x + 8, y + 37, EP_W - 16, first.serviceName(), false, true))));
            list.forEach(e -> cellOf.put(e.id(), id));
            y += 66;
        }
        return y;
    }

    private static Style style(EndpointNode e) {
        return e.kind() == Kind.GATEWAY ? Style.GATEWAY_ENDPOINT : Style.INTERFACE_ENDPOINT;
    }
}
