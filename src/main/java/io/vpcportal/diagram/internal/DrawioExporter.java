package io.vpcportal.diagram.internal;

import io.vpcportal.diagram.internal.Layout.Connector;
import io.vpcportal.diagram.internal.Layout.Shape;
import io.vpcportal.diagram.internal.Layout.Style;
import io.vpcportal.diagram.internal.Layout.Text;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A diagrams.net (draw.io) file of the layout: {@code <mxfile><diagram><mxGraphModel><root>} with one vertex
 * {@code mxCell} per shape at the layout's position and one edge per path or association with its waypoints, so
 * the picture opens as drawn and teams can move things around.
 */
public final class DrawioExporter {

    private DrawioExporter() {
    }

    public static String export(Layout layout, String vpcId) {
        StringBuilder x = new StringBuilder(64 * 1024);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<mxfile host=\"vpc-endpoint-portal\" type=\"device\">\n");
        x.append("  <diagram id=\"").append(SvgRenderer.esc(vpcId)).append("\" name=\"")
                .append(SvgRenderer.esc(layout.title())).append("\">\n");
        x.append("    <mxGraphModel dx=\"").append(layout.width()).append("\" dy=\"").append(layout.height())
                .append("\" grid=\"1\" gridSize=\"8\" guides=\"1\" tooltips=\"1\" connect=\"1\" arrows=\"1\" "
                        + "fold=\"1\" page=\"0\" pageScale=\"1\" pageWidth=\"").append(layout.width())
                .append("\" pageHeight=\"").append(layout.height()).append("\" math=\"0\" shadow=\"0\">\n");
        x.append("      <root>\n        <mxCell id=\"0\"/>\n        <mxCell id=\"1\" parent=\"0\"/>\n");
        Map<String, String> cellOf = new HashMap<>();
        int n = 2;
        for (Shape s : layout.shapes()) {
            String cell = "v" + n++;
            cellOf.putIfAbsent(s.id(), cell);
            String value = s.texts().stream().map(Text::full).collect(Collectors.joining("\n"));
            x.append("        <mxCell id=\"").append(cell).append("\" value=\"").append(SvgRenderer.esc(value)
                    .replace("\n", "&#10;")).append("\" tooltip=\"").append(SvgRenderer.esc(s.tooltip()))
                    .append("\" style=\"").append(style(s)).append("\" vertex=\"1\" parent=\"1\">\n");
            x.append("          <mxGeometry x=\"").append(s.x()).append("\" y=\"").append(s.y()).append("\" width=\"")
                    .append(s.w()).append("\" height=\"").append(s.h()).append("\" as=\"geometry\"/>\n");
            x.append("        </mxCell>\n");
        }
        for (Connector c : layout.connectors()) {
            String source = cellOf.get(c.fromId());
            String target = cellOf.get(c.toId());
            x.append("        <mxCell id=\"e").append(n++).append("\" value=\"\" tooltip=\"")
                    .append(SvgRenderer.esc(c.tooltip())).append("\" style=\"").append(edgeStyle(c))
                    .append("\" edge=\"1\" parent=\"1\"");
            if (source != null) {
                x.append(" source=\"").append(source).append('"');
            }
            if (target != null) {
                x.append(" target=\"").append(target).append('"');
            }
            x.append(">\n          <mxGeometry relative=\"1\" as=\"geometry\">\n");
            int[] p = c.points();
            x.append("            <mxPoint x=\"").append(p[0]).append("\" y=\"").append(p[1])
                    .append("\" as=\"sourcePoint\"/>\n");
            x.append("            <mxPoint x=\"").append(p[p.length - 2]).append("\" y=\"").append(p[p.length - 1])
                    .append("\" as=\"targetPoint\"/>\n");
            if (p.length > 4) {
                x.append("            <Array as=\"points\">\n");
                for (int i = 2; i < p.length - 2; i += 2) {
                    x.append("              <mxPoint x=\"").append(p[i]).append("\" y=\"").append(p[i + 1]).append("\"/>\n");
                }
                x.append("            </Array>\n");
            }
            x.append("          </mxGeometry>\n        </mxCell>\n");
        }
        x.append("      </root>\n    </mxGraphModel>\n  </diagram>\n</mxfile>\n");
        return x.toString();
    }

    private static String style(Shape s) {
        Palette p = Palette.of(s.style());
        StringBuilder style = new StringBuilder("rounded=1;arcSize=6;whiteSpace=wrap;html=0;align=left;"
                + "verticalAlign=top;spacingLeft=6;spacingTop=2;fontSize=11;");
        if (s.style() == Style.HEADER || s.style() == Style.LEGEND) {
            style.append("text;strokeColor=none;fillColor=none;");
        } else {
            style.append("fillColor=").append(s.planned() ? Palette.PLANNED_FILL : p.fill().equals("none") ? "none"
                    : p.fill()).append(";strokeColor=").append(s.planned() ? Palette.PLANNED : p.stroke()).append(';');
            if (s.planned() || p.dash() != null) {
                style.append("dashed=1;");
            }
        }
        style.append("metaKind=").append(s.kind()).append(';');
        return style.toString();
    }

    private static String edgeStyle(Connector c) {
        Palette p = Palette.of(c.style());
        StringBuilder style = new StringBuilder("edgeStyle=none;rounded=0;html=0;strokeColor=")
                .append(c.planned() && c.style() == Style.ASSOCIATION ? Palette.PLANNED : p.stroke())
                .append(";strokeWidth=").append(p.width()).append(';');
        if (p.dashArray() != null) {
            style.append("dashed=1;dashPattern=").append(p.dashArray()).append(';');
        }
        boolean path = c.style() == Style.PATH_ENDPOINT || c.style() == Style.PATH_NAT
                || c.style() == Style.PATH_INTERNET;
        style.append(path ? "endArrow=block;endFill=1;" : "endArrow=none;");
        style.append("metaKind=").append(c.kind()).append(';');
        return style.toString();
    }
}
