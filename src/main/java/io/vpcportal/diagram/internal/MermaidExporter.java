package io.vpcportal.diagram.internal;

import io.vpcportal.diagram.SharedPaths.Served;
import io.vpcportal.diagram.internal.NetworkModel.EndpointNode;
import io.vpcportal.diagram.internal.NetworkModel.EndpointNode.Kind;
import io.vpcportal.diagram.internal.NetworkModel.EniNode;
import io.vpcportal.diagram.internal.NetworkModel.NatNode;
import io.vpcportal.diagram.internal.NetworkModel.PathNode;
import io.vpcportal.diagram.internal.NetworkModel.RouteTableNode;
import io.vpcportal.diagram.internal.NetworkModel.ServiceNode;
import io.vpcportal.diagram.internal.NetworkModel.SubnetNode;
import io.vpcportal.diagram.internal.NetworkModel.Via;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Mermaid {@code flowchart LR} of the model: the VPC and each zone as subgraphs, subnets, NAT gateways, ENIs,
 * route tables and endpoints as nodes, services outside; traffic paths as solid (endpoint) or dotted (NAT and
 * internet) links labelled with how they flow, and paths through a hub VPC (solid: a private path) from a hub node
 * linked to the VPC over its Transit Gateway. Planned elements carry the {@code planned} class.
 */
public final class MermaidExporter {

    private MermaidExporter() {
    }

    public static String export(NetworkModel m) {
        StringBuilder out = new StringBuilder();
        List<String> planned = new ArrayList<>();
        out.append("flowchart LR\n");
        out.append("  %% ").append(comment(DiagramLabels.description(m))).append('\n');
        out.append("  subgraph ").append(id("vpc", m.vpcId())).append("[\"")
                .append(label("VPC " + m.vpcId() + (m.vpcName() == null ? "" : " (" + m.vpcName() + ")")
                        + (m.cidr() == null ? "" : " · " + m.cidr()))).append("\"]\n");
        out.append("    direction LR\n");
        if (m.internetGatewayId() != null) {
            out.append("    ").append(id("igw", m.internetGatewayId())).append("{{\"")
                    .append(label("Internet gateway " + m.internetGatewayId())).append("\"}}\n");
        }
        for (String zone : m.zones()) {
            out.append("    subgraph ").append(id("az", zone)).append("[\"").append(label(zone)).append("\"]\n");
            out.append("      direction TB\n");
            for (SubnetNode s : m.subnets()) {
                if (!s.zone().equals(zone)) {
                    continue;
                }
                out.append("      ").append(id("subnet", s.id())).append("[\"")
                        .append(label((s.isPublic() ? "public" : "private") + " subnet " + s.id()
                                + (s.name() == null ? "" : " (" + s.name() + ")")))
                        .append("<br/>").append(label(s.cidr() == null ? "" : s.cidr())).append("\"]\n");
                for (NatNode n : m.natGateways()) {
                    if (s.id().equals(n.subnetId())) {
                        out.append("      ").append(id("nat", n.id())).append("([\"").append(label("NAT gateway "
                                + n.id() + (n.traffic() == null ? "" : " · ≈ " + DiagramLabels.gb(n.traffic().gb())
                                + " GB · " + DiagramLabels.usd(n.traffic().natCost()) + " per month"))).append("\"])\n");
                    }
                }
                for (EniNode e : s.enis()) {
                    String eni = id("eni", e.endpointId() + "_" + s.id());
                    out.append("      ").append(eni).append("[/\"").append(label("ENI " + e.serviceLabel()
                            + (e.securityGroups().isEmpty() ? "" : " · " + e.securityGroups()))).append("\"/]\n");
                    if (e.planned()) {
                        planned.add(eni);
                    }
                }
            }
            out.append("    end\n");
        }
        for (RouteTableNode t : m.routeTables()) {
            out.append("    ").append(id("rtb", t.id())).append("[\"").append(label("Route table " + t.id()
                    + (t.main() ? " (main)" : ""))).append("\"]\n");
        }
        for (EndpointNode e : m.endpoints()) {
            String node = id("vpce", e.id());
            out.append("    ").append(node).append("([\"").append(label((e.planned() ? "NEW " : "")
                    + Services.label(e.serviceName()) + " " + kind(e.kind()) + " endpoint " + e.id())).append("\"])\n");
            if (e.planned()) {
                planned.add(node);
            }
        }
        out.append("  end\n");
        for (ServiceNode s : m.services()) {
            out.append("  ").append(id("svc", s.key())).append("[[\"").append(label(s.label())).append("\"]]\n");
        }
        if (m.requestTotal() != null) {
            out.append("  request_total>\"").append(label("request total " + DiagramLabels.gb(m.requestTotal().gb())
                    + " GB/month, shared evenly by its " + m.requestTotal().endpoints() + " endpoints' estimates"))
                    .append("\"]\n");
            planned.add("request_total");
        }
        for (SubnetNode s : m.subnets()) {
            if (s.routeTableId() != null) {
                out.append("  ").append(id("subnet", s.id())).append(" --- ").append(id("rtb", s.routeTableId()))
                        .append('\n');
            }
            for (NatNode n : m.natGateways()) {
                if (s.id().equals(n.subnetId())) {
                    out.append("  ").append(id("subnet", s.id())).append(" --- ").append(id("nat", n.id())).append('\n');
                }
            }
            for (EniNode e : s.enis()) {
                out.append("  ").append(id("eni", e.endpointId() + "_" + s.id())).append(" --- ")
                        .append(id("vpce", e.endpointId())).append('\n');
            }
        }
        if (m.internetGatewayId() != null) {
            for (NatNode n : m.natGateways()) {
                out.append("  ").append(id("nat", n.id())).append(" -.-> ").append(id("igw", m.internetGatewayId()))
                        .append('\n');
            }
        }
        for (EndpointNode e : m.endpoints()) {
            if (e.kind() == Kind.GATEWAY) {
                for (String t : e.routeTableIds()) {
                    out.append("  ").append(id("rtb", t)).append(" --- ").append(id("vpce", e.id())).append('\n');
                }
            }
        }
        hubs(out, m);
        for (PathNode p : m.paths()) {
            String from = p.via() == Via.ENDPOINT ? id("vpce", p.sourceId()) : p.via() == Via.HUB
                    ? id("hub", p.sourceId()) : id("igw", p.sourceId());
            String arrow = p.via() == Via.ENDPOINT || p.via() == Via.HUB ? " ==>" : " -.->";
            out.append("  ").append(from).append(arrow).append("|\"").append(label(DiagramLabels.pathLabel(p)))
                    .append("\"| ").append(id("svc", p.serviceKey())).append('\n');
        }
        out.append("  classDef planned fill:#eaf4fe,stroke:#0972d3,stroke-dasharray:6 3\n");
        if (!planned.isEmpty()) {
            out.append("  class ").append(String.join(",", planned)).append(" planned\n");
        }
        return out.toString();
    }

    /**
     * On a spoke, each hub VPC and its Transit Gateway as nodes linked to the VPC (the paths then run from the hub);
     * on a hub, the spokes each shared endpoint serves. Nothing for a VPC without either.
     */
    private static void hubs(StringBuilder out, NetworkModel m) {
        Set<String> declared = new LinkedHashSet<>();
        for (PathNode p : m.paths()) {
            if (p.via() != Via.HUB) {
                continue;
            }
            String hub = id("hub", p.sourceId());
            String tgw = p.transitGatewayId() == null ? null : id("tgw", p.transitGatewayId());
            if (tgw != null && declared.add(tgw)) {
                out.append("  ").append(tgw).append("{{\"").append(label("Transit Gateway " + p.transitGatewayId()))
                        .append("\"}}\n");
                out.append("  ").append(id("vpc", m.vpcId())).append(" -.- ").append(tgw).append('\n');
            }
            if (declared.add(hub)) {
                out.append("  ").append(hub).append("[\"").append(label("hub VPC " + p.sourceId())).append("\"]\n");
                out.append("  ").append(tgw != null ? tgw : id("vpc", m.vpcId())).append(" -.- ").append(hub)
                        .append('\n');
            }
        }
        for (Served s : m.served()) {
            String key = Services.key(s.serviceName());
            String node = id("spokes", key);
            out.append("  ").append(node).append("[/\"").append(label(key + " " + DiagramLabels.servedLabel(s)));
            s.spokes().forEach(x -> out.append("<br/>").append(label(DiagramLabels.spokeLabel(x))));
            out.append("\"/]\n");
            boolean drawn = s.endpointId() != null && m.endpoints().stream().anyMatch(e -> e.id().equals(s.endpointId()));
            out.append("  ").append(drawn ? id("vpce", s.endpointId()) : id("svc", key)).append(" -.- ").append(node)
                    .append('\n');
        }
    }

    private static String kind(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** Node ids: a prefix and the AWS id with everything but letters, digits and _ replaced. */
    static String id(String prefix, String value) {
        return prefix + "_" + value.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** Text inside quotes: Mermaid's entity for a quote, and no characters that end the label. */
    static String label(String text) {
        return text.replace("\"", "#quot;").replace("\n", " ").replace("|", "#124;");
    }

    private static String comment(String text) {
        return text.replace("\n", " ").replace("%%", "%");
    }
}
