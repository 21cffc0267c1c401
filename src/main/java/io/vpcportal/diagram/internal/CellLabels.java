package io.vpcportal.diagram.internal;

import static io.vpcportal.diagram.internal.DiagramLabels.basis;
import static io.vpcportal.diagram.internal.DiagramLabels.gb;
import static io.vpcportal.diagram.internal.DiagramLabels.kindLabel;
import static io.vpcportal.diagram.internal.DiagramLabels.named;
import static io.vpcportal.diagram.internal.DiagramLabels.pathLabel;
import static io.vpcportal.diagram.internal.DiagramLabels.usd;

import io.vpcportal.diagram.SharedPaths.Served;
import io.vpcportal.diagram.internal.Layout.Text;
import io.vpcportal.diagram.internal.NetworkModel.EndpointNode;
import io.vpcportal.diagram.internal.NetworkModel.EndpointNode.Kind;
import io.vpcportal.diagram.internal.NetworkModel.EniNode;
import io.vpcportal.diagram.internal.NetworkModel.NatNode;
import io.vpcportal.diagram.internal.NetworkModel.PathNode;
import io.vpcportal.diagram.internal.NetworkModel.RequestTotal;
import io.vpcportal.diagram.internal.NetworkModel.RouteTableNode;
import io.vpcportal.diagram.internal.NetworkModel.ServiceNode;
import io.vpcportal.diagram.internal.NetworkModel.SubnetNode;
import io.vpcportal.diagram.internal.NetworkModel.Traffic;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The words of the grid's cells: each cell's lines and tooltip, and a line cut to its cell's width (the whole text
 * kept for the tooltip). Figures and names come from {@link DiagramLabels}, shared with every exporter.
 */
final class CellLabels {

    /** Average glyph widths of the 12 px sans-serif font, rounded up so a cut text always fits its cell. */
    static final double CHAR_W = 7.0;
    static final double BOLD_CHAR_W = 7.6;

    private CellLabels() {
    }

    /** One line of {@code full} in a cell {@code w} wide, cut with an ellipsis when it does not fit. */
    static Text text(int x, int y, int w, String full, boolean bold, boolean small) {
        String value = full == null ? "" : full;
        int max = (int) Math.floor(w / (bold ? BOLD_CHAR_W : small ? CHAR_W * 0.92 : CHAR_W));
        String cut = value.length() <= max ? value : value.substring(0, Math.max(0, max - 1)) + "…";
        return new Text(x, y, w, Grid.LINE, cut, value, bold, small);
    }

    static String title(NetworkModel m) {
        return "VPC " + m.vpcId() + (m.vpcName() == null ? "" : " (" + m.vpcName() + ")") + DiagramLabels.viewSuffix(m);
    }

    static String subtitle(NetworkModel m) {
        return "account " + m.accountId() + " · " + m.region() + (m.cidr() == null ? "" : " · " + m.cidr())
                + (m.stale() ? " · STALE: its region could not be read at the last sync" : "");
    }

    static String vpc(NetworkModel m) {
        return "VPC " + named(m.vpcId(), m.vpcName()) + (m.cidr() == null ? "" : " · " + m.cidr());
    }

    /** "+ 3 more subnets" and the like, for a collapsed cell. */
    static String more(int count, String what) {
        return "+ " + count + " more " + what;
    }

    static String moreTooltip(String what, List<String> ids) {
        return ids.size() + " more " + what + ": " + String.join(", ", ids);
    }

    static String subnetKind(SubnetNode s) {
        return s.isPublic() ? "public" : "private";
    }

    static String subnetTooltip(SubnetNode s) {
        return subnetKind(s) + " subnet " + named(s.id(), s.name()) + " " + s.cidr() + " in " + s.zone()
                + ", route table " + s.routeTableId();
    }

    static String natTraffic(Traffic t) {
        return "≈ " + gb(t.gb()) + " GB · " + usd(t.natCost()) + " per month";
    }

    static String natTooltip(NatNode nat, String subnetId) {
        Traffic t = nat.traffic();
        return "NAT gateway " + named(nat.id(), nat.name()) + " in " + subnetId + (t == null ? "" : ": ≈ "
                + gb(t.gb()) + " GB per month processed, " + usd(t.natCost()) + " NAT processing per month"
                + basis(t));
    }

    static String eniTitle(EniNode eni) {
        return "ENI " + eni.serviceLabel() + (eni.planned() ? " (new)" : "");
    }

    static String eniDetail(EniNode eni) {
        return eni.endpointId() + (eni.securityGroups().isEmpty() ? "" : " · " + eni.securityGroups());
    }

    static String eniTooltip(EniNode eni, String subnetId) {
        return "Interface endpoint " + eni.endpointId() + " (" + eni.serviceLabel() + ") ENI in " + subnetId
                + (eni.securityGroups().isEmpty() ? "" : ", security groups: " + eni.securityGroups());
    }

    static String eniListTooltip(List<EniNode> enis, String subnetId) {
        return enis.size() + " interface endpoint ENIs in " + subnetId + ": " + enis.stream()
                .map(e -> e.endpointId() + " (" + e.serviceLabel() + ")").collect(Collectors.joining(", "));
    }

    static String routeTableKind(RouteTableNode t) {
        return (t.main() ? "main · " : "") + (t.isPublic() ? "public" : "private") + " · "
                + t.subnetIds().size() + " subnet" + (t.subnetIds().size() == 1 ? "" : "s");
    }

    static String routeTableTooltip(RouteTableNode t) {
        return "Route table " + t.id() + (t.name() == null ? "" : " (" + t.name() + ")") + ": " + routeTableKind(t);
    }

    static String endpointHeading(EndpointNode e) {
        return (e.planned() ? "NEW · " : "") + Services.label(e.serviceName());
    }

    static String endpointDetail(EndpointNode e) {
        return switch (e.kind()) {
            case GATEWAY -> "Gateway · " + e.routeTableIds().size() + " route table"
                    + (e.routeTableIds().size() == 1 ? "" : "s");
            case INTERFACE -> "Interface · " + e.subnetIds().size() + " ENI" + (e.subnetIds().size() == 1 ? "" : "s")
                    + (e.securityGroups().isEmpty() ? "" : " · " + e.securityGroups());
            case OTHER -> "Gateway Load Balancer";
        };
    }

    static String endpointTooltip(EndpointNode e) {
        return (e.planned() ? "Planned " : "") + kindLabel(e.kind()) + " endpoint " + e.id() + " for "
                + e.serviceName() + " (" + e.state() + ")" + (e.kind() == Kind.GATEWAY ? " on "
                + String.join(", ", e.routeTableIds()) : " in " + String.join(", ", e.subnetIds()));
    }

    static String endpointGroupCount(List<EndpointNode> group) {
        return group.size() + " " + kindLabel(group.get(0).kind()) + " endpoints";
    }

    static String endpointGroupTooltip(List<EndpointNode> group) {
        EndpointNode first = group.get(0);
        return group.size() + " " + first.kind().name().toLowerCase(Locale.ROOT) + " endpoints for "
                + first.serviceName() + ": " + group.stream().map(EndpointNode::id).collect(Collectors.joining(", "));
    }

    static String requestTotalShare(RequestTotal total) {
        return total.endpoints() == 1 ? "its endpoint's estimate uses it"
                : "shared evenly by its " + total.endpoints() + " endpoints' estimates";
    }

    static String requestTotal(RequestTotal total) {
        return "request total " + gb(total.gb()) + " GB/month";
    }

    static String requestTotalTooltip(RequestTotal total) {
        return "The request's total: " + gb(total.gb()) + " GB per month through NAT today, " + requestTotalShare(total)
                + " (as in the cost panel)";
    }

    static String serviceTooltip(ServiceNode s, List<PathNode> own) {
        return s.label() + " (" + s.serviceName() + "): " + own.stream().map(DiagramLabels::pathLabel)
                .collect(Collectors.joining("; "));
    }

    /** The same, and on a hub every spoke the service is shared with. */
    static String serviceTooltip(ServiceNode s, List<PathNode> own, List<Served> served) {
        String paths = serviceTooltip(s, own);
        if (served.isEmpty()) {
            return paths;
        }
        return paths + served.stream().map(x -> "; " + DiagramLabels.servedLabel(x) + ": " + x.spokes().stream()
                .map(DiagramLabels::spokeLabel).collect(Collectors.joining(", "))).collect(Collectors.joining());
    }

    static String pathTooltip(NetworkModel m, PathNode p) {
        String service = m.services().stream().filter(s -> s.key().equals(p.serviceKey())).map(ServiceNode::label)
                .findFirst().orElse(p.serviceKey());
        return service + " " + pathLabel(p) + basis(p.traffic());
    }

    static String egressTooltip(NatNode nat, String internetGatewayId) {
        return "NAT gateway " + nat.id() + " sends traffic out through " + internetGatewayId;
    }

    static String associationTooltip(String routeTableId, EndpointNode e) {
        return "Route table " + routeTableId + " routes " + Services.label(e.serviceName()) + " to " + e.id();
    }

    static final List<String> LEGEND_ITEMS = List.of("through endpoint", "through NAT + internet",
            "through internet gateway", "planned by the request", "public subnet", "private subnet");

    static String legendFigures() {
        return "GB and $ are per month: ≈ measured (the last " + Figures.MEASURED_DAYS
                + " days), est. estimated from the request (today's prices)";
    }

    static final String LEGEND_TOOLTIP = "Legend: solid green lines go through an endpoint, dashed orange through NAT "
            + "and the internet, dotted through the internet gateway; blue dashed outlines are planned by the request; "
            + "GB and dollars are per month, measured (≈) or estimated (est.)";
}
