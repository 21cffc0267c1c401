package io.vpcportal.diagram.internal;

// Over 350 lines on purpose: one layout whose steps (zones, route tables, endpoints, services, paths, legend) are
// methods sharing the grid's constants and the shapes placed so far; its words and figures live in DiagramLabels.
import static io.vpcportal.diagram.internal.DiagramLabels.basis;
import static io.vpcportal.diagram.internal.DiagramLabels.description;
import static io.vpcportal.diagram.internal.DiagramLabels.gb;
import static io.vpcportal.diagram.internal.DiagramLabels.kindLabel;
import static io.vpcportal.diagram.internal.DiagramLabels.named;
import static io.vpcportal.diagram.internal.DiagramLabels.pathLabel;
import static io.vpcportal.diagram.internal.DiagramLabels.pathLines;
import static io.vpcportal.diagram.internal.DiagramLabels.usd;
import static io.vpcportal.diagram.internal.DiagramLabels.viewSuffix;

import io.vpcportal.diagram.internal.Layout.Connector;
import io.vpcportal.diagram.internal.Layout.Shape;
import io.vpcportal.diagram.internal.Layout.Style;
import io.vpcportal.diagram.internal.Layout.Text;
import io.vpcportal.diagram.internal.NetworkModel.EndpointNode;
import io.vpcportal.diagram.internal.NetworkModel.EndpointNode.Kind;
import io.vpcportal.diagram.internal.NetworkModel.EniNode;
import io.vpcportal.diagram.internal.NetworkModel.NatNode;
import io.vpcportal.diagram.internal.NetworkModel.PathNode;
import io.vpcportal.diagram.internal.NetworkModel.RequestTotal;
import io.vpcportal.diagram.internal.NetworkModel.Traffic;
import io.vpcportal.diagram.internal.NetworkModel.RouteTableNode;
import io.vpcportal.diagram.internal.NetworkModel.ServiceNode;
import io.vpcportal.diagram.internal.NetworkModel.SubnetNode;
import io.vpcportal.diagram.internal.NetworkModel.Via;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Places a {@link NetworkModel} on a fixed grid, left to right: availability-zone columns of subnets (public
 * first), the route tables, the endpoints, then outside the VPC the services with one lane per traffic path.
 * Every cell has a fixed size and every text line its own row, so labels cannot overlap; what does not fit is
 * cut (whole text in the tooltip) or collapsed into a "more" cell.
 */
public final class GridLayout {

    static final int MARGIN = 24;
    static final int LINE = 16;
    static final int PAD = 16;
    static final int ZONE_W = 248;
    static final int ZONE_GAP = 16;
    static final int SUBNET_W = ZONE_W - 24;
    static final int RT_W = 200;
    static final int EP_W = 232;
    static final int SVC_W = 320;
    static final int MAX_SUBNETS_PER_ZONE = 12;
    static final int MAX_ENI_ROWS = 4;
    static final int MAX_ROUTE_TABLES = 16;
    static final int MAX_ENDPOINT_BOXES = 20;
    /** Average glyph widths of the 12 px sans-serif font, rounded up so a cut text always fits its cell. */
    static final double CHAR_W = 7.0;
    static final double BOLD_CHAR_W = 7.6;

    private final List<Shape> shapes = new ArrayList<>();
    private final List<Connector> connectors = new ArrayList<>();
    private final Map<String, Shape> byId = new HashMap<>();

    private GridLayout() {
    }

    public static Layout of(NetworkModel m) {
        return new GridLayout().place(m);
    }

    /** Where the parts of the VPC go across: zone columns, then route tables, then endpoints. */
    private record Columns(int vpcX, int vpcY, int zonesY, int rtX, int epX, int vpcRight) {

        static Columns of(NetworkModel m) {
            int vpcX = MARGIN;
            int vpcY = MARGIN + 52;
            int zoneCount = Math.max(1, m.zones().size());
            int zonesRight = vpcX + PAD + zoneCount * (ZONE_W + ZONE_GAP) - ZONE_GAP;
            int rtX = zonesRight + 28;
            int epX = rtX + RT_W + 56;
            return new Columns(vpcX, vpcY, vpcY + 80, rtX, epX, epX + EP_W + PAD);
        }

        int zoneX(int zone) {
            return vpcX + PAD + zone * (ZONE_W + ZONE_GAP);
        }
    }

    private Layout place(NetworkModel m) {
        String title = "VPC " + m.vpcId() + (m.vpcName() == null ? "" : " (" + m.vpcName() + ")") + viewSuffix(m);
        Columns c = Columns.of(m);
        int zoneBottom = zones(m, c);
        int rtBottom = routeTables(m, c);
        internetGateway(m, c);
        Map<String, String> cellOf = new HashMap<>();
        int epBottom = endpoints(m, c, cellOf);
        int vpcBottom = Math.max(Math.max(zoneBottom, rtBottom), epBottom) + PAD;

        int laneX0 = c.vpcRight() + 20;
        int svcX = laneX0 + Math.max(1, m.paths().size()) * 12 + 16;
        requestTotal(m, svcX, c.vpcY());
        Map<String, Integer> rowOfPath = new HashMap<>();
        int svcBottom = services(m, svcX, c.zonesY(), rowOfPath);
        paths(m, cellOf, rowOfPath, laneX0, svcX);
        egress(m);
        associations(m, cellOf);

        int legendY = Math.max(vpcBottom, svcBottom) + 20;
        List<Shape> ordered = new ArrayList<>();
        ordered.add(header(m, title));
        ordered.add(vpc(m, c, vpcBottom, title));
        ordered.addAll(zoneFrames(m, c, vpcBottom)); // before their subnets, so that they are drawn below them
        ordered.addAll(shapes);
        ordered.add(legend(legendY));
        int width = Math.max(svcX + SVC_W + MARGIN, MARGIN + 800);
        return new Layout(width, legendY + 78 + MARGIN, title, description(m), ordered, connectors);
    }

    /** The subnets of each availability zone, public first, in the zone's column; returns the lowest bottom. */
    private int zones(NetworkModel m, Columns c) {
        int bottom = c.zonesY() + 28;
        for (int z = 0; z < m.zones().size(); z++) {
            String zone = m.zones().get(z);
            int zx = c.zoneX(z);
            int y = c.zonesY() + 30;
            List<SubnetNode> subnets = m.subnets().stream().filter(s -> s.zone().equals(zone)).toList();
            List<SubnetNode> shown = subnets.size() > MAX_SUBNETS_PER_ZONE
                    ? subnets.subList(0, MAX_SUBNETS_PER_ZONE - 1) : subnets;
            for (SubnetNode s : shown) {
                y = subnet(m, s, zx + 12, y) + 10;
            }
            if (shown.size() < subnets.size()) {
                List<SubnetNode> rest = subnets.subList(shown.size(), subnets.size());
                add(new Shape("more", "more-subnets:" + zone, zx + 12, y, SUBNET_W, 36, Style.MORE, false,
                        rest.size() + " more subnets: " + rest.stream().map(SubnetNode::id).collect(Collectors.joining(", ")),
                        List.of(text(zx + 20, y + 10, SUBNET_W - 16, "+ " + rest.size() + " more subnets", true, false))));
                y += 46;
            }
            bottom = Math.max(bottom, y);
        }
        return bottom;
    }

    private List<Shape> zoneFrames(NetworkModel m, Columns c, int vpcBottom) {
        List<Shape> frames = new ArrayList<>();
        for (int z = 0; z < m.zones().size(); z++) {
            String zone = m.zones().get(z);
            int zx = c.zoneX(z);
            frames.add(new Shape("zone", zone, zx, c.zonesY(), ZONE_W, vpcBottom - PAD - c.zonesY(), Style.ZONE, false,
                    "Availability Zone " + zone, List.of(text(zx + 8, c.zonesY() + 6, ZONE_W - 16, zone, true, true))));
        }
        return frames;
    }

    private Shape vpc(NetworkModel m, Columns c, int vpcBottom, String title) {
        return new Shape("vpc", m.vpcId(), c.vpcX(), c.vpcY(), c.vpcRight() - c.vpcX(), vpcBottom - c.vpcY(), Style.VPC,
                false, title, List.of(text(c.vpcX() + 10, c.vpcY() + 6, 360, "VPC " + named(m.vpcId(), m.vpcName())
                        + (m.cidr() == null ? "" : " · " + m.cidr()), true, false)));
    }

    private static Shape header(NetworkModel m, String title) {
        String subtitle = "account " + m.accountId() + " · " + m.region() + (m.cidr() == null ? "" : " · " + m.cidr())
                + (m.stale() ? " · STALE: its region could not be read at the last sync" : "");
        return new Shape("header", "header", MARGIN, MARGIN - 4, 900, 48, Style.HEADER, false, title,
                List.of(text(MARGIN, MARGIN - 4, 900, title, true, false),
                        text(MARGIN, MARGIN + 16, 900, subtitle, false, true)));
    }

    /** The route tables in their column, or the first ones and a "more" cell; returns the bottom. */
    private int routeTables(NetworkModel m, Columns c) {
        int x = c.rtX();
        int y = c.zonesY();
        List<RouteTableNode> tables = m.routeTables();
        List<RouteTableNode> shown = tables.size() > MAX_ROUTE_TABLES ? tables.subList(0, MAX_ROUTE_TABLES - 1)
                : tables;
        for (RouteTableNode t : shown) {
            String kind = (t.main() ? "main · " : "") + (t.isPublic() ? "public" : "private") + " · "
                    + t.subnetIds().size() + " subnet" + (t.subnetIds().size() == 1 ? "" : "s");
            add(new Shape("route-table", t.id(), x, y, RT_W, 44, Style.ROUTE_TABLE, false,
                    "Route table " + t.id() + (t.name() == null ? "" : " (" + t.name() + ")") + ": " + kind,
                    List.of(text(x + 8, y + 6, RT_W - 16, "Route table " + named(t.id(), t.name()), true, false),
                            text(x + 8, y + 24, RT_W - 16, kind, false, true))));
            y += 54;
        }
        if (shown.size() < tables.size()) {
            List<RouteTableNode> rest = tables.subList(shown.size(), tables.size());
            add(new Shape("more", "more-route-tables", x, y, RT_W, 32, Style.MORE, false, rest.size()
                    + " more route tables: " + rest.stream().map(RouteTableNode::id).collect(Collectors.joining(", ")),
                    List.of(text(x + 8, y + 8, RT_W - 16, "+ " + rest.size() + " more route tables", true, false))));
            y += 42;
        }
        return y;
    }

    /** The internet gateway, above the endpoints. */
    private void internetGateway(NetworkModel m, Columns c) {
        if (m.internetGatewayId() == null) {
            return;
        }
        int x = c.epX();
        int y = c.vpcY();
        add(new Shape("internet-gateway", m.internetGatewayId(), x, y + 28, EP_W, 40, Style.INTERNET_GATEWAY, false,
                "Internet gateway " + m.internetGatewayId(), List.of(
                        text(x + 8, y + 32, EP_W - 16, "Internet gateway", true, false),
                        text(x + 8, y + 50, EP_W - 16, m.internetGatewayId(), false, true))));
    }

    /**
     * One cell per endpoint, or one per service and kind when there are many; {@code cellOf} learns each endpoint's
     * cell. Returns the bottom.
     */
    private int endpoints(NetworkModel m, Columns c, Map<String, String> cellOf) {
        int x = c.epX();
        int y = c.zonesY();
        if (m.endpoints().size() <= MAX_ENDPOINT_BOXES) {
            for (EndpointNode e : m.endpoints()) {
                endpoint(e, x, y);
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
            add(new Shape("endpoint-group", id, x, y, EP_W, 56, endpointStyle(first), planned,
                    list.size() + " " + first.kind().name().toLowerCase(Locale.ROOT) + " endpoints for "
                            + first.serviceName() + ": " + list.stream().map(EndpointNode::id)
                            .collect(Collectors.joining(", ")),
                    List.of(text(x + 8, y + 4, EP_W - 16, Services.label(first.serviceName()), true, false),
                            text(x + 8, y + 21, EP_W - 16, list.size() + " " + kindLabel(first.kind())
                                    + " endpoints", false, false),
                            text(x + 8, y + 37, EP_W - 16, first.serviceName(), false, true))));
            list.forEach(e -> cellOf.put(e.id(), id));
            y += 66;
        }
        return y;
    }

    /** The request's one GB figure, once, above the services: its endpoints' estimates share it. */
    private void requestTotal(NetworkModel m, int svcX, int vpcY) {
        RequestTotal total = m.requestTotal();
        if (total == null) {
            return;
        }
        String share = total.endpoints() == 1 ? "its endpoint's estimate uses it"
                : "shared evenly by its " + total.endpoints() + " endpoints' estimates";
        add(new Shape("request-total", "request-total", svcX, vpcY + 20, SVC_W, 44, Style.REQUEST_TOTAL, false,
                "The request's total: " + gb(total.gb()) + " GB per month through NAT today, " + share
                        + " (as in the cost panel)",
                List.of(text(svcX + 8, vpcY + 24, SVC_W - 16, "request total " + gb(total.gb()) + " GB/month", true,
                                false),
                        text(svcX + 8, vpcY + 42, SVC_W - 16, share, false, true))));
    }

    /**
     * The services outside the VPC, each with a row per traffic path ({@code rowOfPath} learns where each path
     * ends); returns the bottom.
     */
    private int services(NetworkModel m, int svcX, int top, Map<String, Integer> rowOfPath) {
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
            add(new Shape("service", s.key(), svcX, y, SVC_W, h, s.partner() ? Style.PARTNER_SERVICE : Style.SERVICE,
                    false, s.label() + " (" + s.serviceName() + "): " + own.stream().map(DiagramLabels::pathLabel)
                            .collect(Collectors.joining("; ")), texts));
            y += h + 14;
        }
        return y;
    }

    /** Each traffic path from its source cell to its row in the service, in a lane of its own. */
    private void paths(NetworkModel m, Map<String, String> cellOf, Map<String, Integer> rowOfPath, int laneX0,
            int svcX) {
        List<PathNode> paths = m.paths();
        Map<String, Integer> fromSource = new HashMap<>();
        Map<String, Long> perSource = paths.stream().collect(Collectors.groupingBy(p -> cellOf.getOrDefault(
                p.sourceId(), p.sourceId()), Collectors.counting()));
        for (int i = 0; i < paths.size(); i++) {
            PathNode p = paths.get(i);
            String sourceCell = cellOf.getOrDefault(p.sourceId(), p.sourceId());
            Shape source = byId.get(sourceCell);
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
            connectors.add(new Connector("path", p.id(), sourceCell, p.serviceKey(),
                    new int[] {source.x() + source.w(), sy, lane, sy, lane, targetY, svcX + 14, targetY}, style,
                    p.planned(), labelOf(m, p.serviceKey()) + " " + pathLabel(p) + basis(p.traffic()),
                    p.serviceKey(), p.via().name().toLowerCase(Locale.ROOT)));
        }
    }

    /** NAT gateways to the internet gateway, along their zone's left gutter. */
    private void egress(NetworkModel m) {
        Shape igw = m.internetGatewayId() == null ? null : byId.get(m.internetGatewayId());
        if (igw == null) {
            return;
        }
        int busY = igw.y() + igw.h() / 2;
        for (NatNode nat : m.natGateways()) {
            Shape n = byId.get(nat.id());
            if (n == null) {
                continue;
            }
            int gutter = zoneXOf(n.x());
            connectors.add(new Connector("egress", "egress:" + nat.id(), nat.id(), igw.id(),
                    new int[] {n.x(), n.y() + n.h() / 2, gutter, n.y() + n.h() / 2, gutter, busY, igw.x(), busY},
                    Style.EGRESS, false, "NAT gateway " + nat.id() + " sends traffic out through " + igw.id(), null,
                    null));
        }
    }

    /** Gateway endpoints attached to their route tables. */
    private void associations(NetworkModel m, Map<String, String> cellOf) {
        int elbow = 0;
        for (EndpointNode e : m.endpoints()) {
            Shape ep = byId.get(cellOf.get(e.id()));
            for (String table : e.routeTableIds()) {
                Shape rt = byId.get(table);
                if (rt == null || ep == null || e.kind() != Kind.GATEWAY) {
                    continue;
                }
                int ex = rt.x() + rt.w() + 10 + (elbow++ % 6) * 7;
                connectors.add(new Connector("association", "assoc:" + table + ":" + e.id(), table, ep.id(),
                        new int[] {rt.x() + rt.w(), rt.y() + rt.h() / 2, ex, rt.y() + rt.h() / 2, ex,
                                ep.y() + ep.h() / 2, ep.x(), ep.y() + ep.h() / 2}, Style.ASSOCIATION, e.planned(),
                        "Route table " + table + " routes " + Services.label(e.serviceName()) + " to " + e.id(),
                        e.serviceKey(), null));
            }
        }
    }

    private static Shape legend(int legendY) {
        List<Text> legend = new ArrayList<>();
        String[] items = {"through endpoint", "through NAT + internet", "through internet gateway",
                "planned by the request", "public subnet", "private subnet"};
        for (int i = 0; i < items.length; i++) {
            int col = i % 3;
            int row = i / 3;
            legend.add(text(MARGIN + 52 + col * 250, legendY + 10 + row * 22, 190, items[i], false, false));
        }
        legend.add(text(MARGIN + 8, legendY + 10 + 2 * 22, 740, "GB and $ are per month: ≈ measured (the last "
                + Figures.MEASURED_DAYS + " days), est. estimated from the request (today's prices)", false, true));
        return new Shape("legend", "legend", MARGIN, legendY, 780, 78, Style.LEGEND, false,
                "Legend: solid green lines go through an endpoint, dashed orange through NAT and the internet, dotted "
                        + "through the internet gateway; blue dashed outlines are planned by the request; GB and "
                        + "dollars are per month, measured (≈) or estimated (est.)", legend);
    }

    /** A subnet cell with its NAT gateways and its list of ENIs; returns its bottom. */
    private int subnet(NetworkModel m, SubnetNode s, int x, int y) {
        List<Text> texts = new ArrayList<>();
        String kind = s.isPublic() ? "public" : "private";
        texts.add(text(x + 8, y + 4, SUBNET_W - 16, named(s.id(), s.name()), true, false));
        texts.add(text(x + 8, y + 20, SUBNET_W - 16, kind + " · " + (s.cidr() == null ? "" : s.cidr()), false, true));
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
                natTexts.add(text(x + 16, row + 21, SUBNET_W - 32, "≈ " + gb(t.gb()) + " GB · " + usd(t.natCost())
                        + " per month", false, true));
            }
            int natH = t == null ? 26 : 42;
            inner.add(new Shape("nat-gateway", nat.id(), x + 8, row, SUBNET_W - 16, natH, Style.NAT_GATEWAY, false,
                    "NAT gateway " + named(nat.id(), nat.name()) + " in " + s.id() + (t == null ? "" : ": ≈ "
                    + gb(t.gb()) + " GB per month processed, " + usd(t.natCost()) + " NAT processing per month"
                    + basis(t)), natTexts));
            row += natH + 6;
        }
        List<EniNode> enis = s.enis();
        if (!enis.isEmpty()) {
            boolean cut = enis.size() > MAX_ENI_ROWS;
            List<EniNode> shown = cut ? enis.subList(0, MAX_ENI_ROWS - 1) : enis;
            int listH = (shown.size() + (cut ? 1 : 0)) * 38 + 6;
            List<Text> listTexts = new ArrayList<>();
            List<Shape> eniShapes = new ArrayList<>();
            int ey = row + 4;
            for (EniNode eni : shown) {
                String line2 = eni.endpointId() + (eni.securityGroups().isEmpty() ? "" : " · " + eni.securityGroups());
                eniShapes.add(new Shape("eni", eni.endpointId() + "@" + s.id(), x + 12, ey, SUBNET_W - 24, 34,
                        Style.ENI, eni.planned(), "Interface endpoint " + eni.endpointId() + " (" + eni.serviceLabel()
                        + ") ENI in " + s.id() + (eni.securityGroups().isEmpty() ? "" : ", security groups: "
                        + eni.securityGroups()), List.of(
                        text(x + 18, ey + 1, SUBNET_W - 36, "ENI " + eni.serviceLabel() + (eni.planned() ? " (new)" : ""),
                                true, true),
                        text(x + 18, ey + 17, SUBNET_W - 36, line2, false, true))));
                ey += 38;
            }
            if (cut) {
                List<EniNode> rest = enis.subList(shown.size(), enis.size());
                listTexts.add(text(x + 18, ey + 6, SUBNET_W - 36, "+ " + rest.size() + " more ENIs", true, true));
            }
            inner.add(new Shape("eni-list", "enis@" + s.id(), x + 8, row, SUBNET_W - 16, listH, Style.ENI_LIST,
                    false, enis.size() + " interface endpoint ENIs in " + s.id() + ": " + enis.stream()
                    .map(e -> e.endpointId() + " (" + e.serviceLabel() + ")").collect(Collectors.joining(", ")),
                    listTexts));
            inner.addAll(eniShapes);
            row += listH + 6;
        }
        int h = row - y + 2;
        add(new Shape("subnet", s.id(), x, y, SUBNET_W, h, s.isPublic() ? Style.SUBNET_PUBLIC : Style.SUBNET_PRIVATE,
                false, kind + " subnet " + named(s.id(), s.name()) + " " + s.cidr() + " in " + s.zone()
                + ", route table " + s.routeTableId(), texts));
        inner.forEach(this::add);
        return y + h;
    }

    private void endpoint(EndpointNode e, int x, int y) {
        String line3 = switch (e.kind()) {
            case GATEWAY -> "Gateway · " + e.routeTableIds().size() + " route table"
                    + (e.routeTableIds().size() == 1 ? "" : "s");
            case INTERFACE -> "Interface · " + e.subnetIds().size() + " ENI" + (e.subnetIds().size() == 1 ? "" : "s")
                    + (e.securityGroups().isEmpty() ? "" : " · " + e.securityGroups());
            case OTHER -> "Gateway Load Balancer";
        };
        add(new Shape("endpoint", e.id(), x, y, EP_W, 56, endpointStyle(e), e.planned(),
                (e.planned() ? "Planned " : "") + kindLabel(e.kind()) + " endpoint " + e.id() + " for "
                        + e.serviceName() + " (" + e.state() + ")" + (e.kind() == Kind.GATEWAY ? " on "
                        + String.join(", ", e.routeTableIds()) : " in " + String.join(", ", e.subnetIds())),
                List.of(text(x + 8, y + 4, EP_W - 16, (e.planned() ? "NEW · " : "") + Services.label(e.serviceName()),
                                true, false),
                        text(x + 8, y + 21, EP_W - 16, e.id(), false, true),
                        text(x + 8, y + 37, EP_W - 16, line3, false, true))));
    }

    private static Style endpointStyle(EndpointNode e) {
        return e.kind() == Kind.GATEWAY ? Style.GATEWAY_ENDPOINT : Style.INTERFACE_ENDPOINT;
    }

    private static String labelOf(NetworkModel m, String serviceKey) {
        return m.services().stream().filter(s -> s.key().equals(serviceKey)).map(ServiceNode::label).findFirst()
                .orElse(serviceKey);
    }

    private int zoneXOf(int x) {
        int relative = x - MARGIN - PAD;
        return MARGIN + PAD + (relative / (ZONE_W + ZONE_GAP)) * (ZONE_W + ZONE_GAP) + 6;
    }

    private void add(Shape s) {
        shapes.add(s);
        byId.putIfAbsent(s.id(), s);
    }

    static Text text(int x, int y, int w, String full, boolean bold, boolean small) {
        String value = full == null ? "" : full;
        int max = (int) Math.floor(w / (bold ? BOLD_CHAR_W : small ? CHAR_W * 0.92 : CHAR_W));
        String cut = value.length() <= max ? value : value.substring(0, Math.max(0, max - 1)) + "…";
        return new Text(x, y, w, LINE, cut, value, bold, small);
    }
}
