package io.vpcportal.diagram.internal;

import io.vpcportal.diagram.internal.Layout.Connector;
import io.vpcportal.diagram.internal.Layout.Shape;
import io.vpcportal.diagram.internal.Layout.Style;
import io.vpcportal.diagram.internal.Layout.Text;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Layout} as standalone SVG: {@code role="img"} with {@code <title>}/{@code <desc>}, every shape and
 * path a group with {@code data-kind}/{@code data-id} and its own {@code <title>} (the tooltip with the whole text),
 * every text line with its cell ({@code data-x}, {@code data-y}, {@code data-width}, {@code data-height}).
 */
public final class SvgRenderer {

    private static final String FONT = "'Segoe UI', 'Helvetica Neue', Arial, sans-serif";

    private SvgRenderer() {
    }

    public static String render(Layout layout) {
        return render(layout, "diagram");
    }

    /** {@code idPrefix} keeps element ids unique when several diagrams are inline in one page. */
    public static String render(Layout layout, String idPrefix) {
        String ids = idPrefix.replaceAll("[^A-Za-z0-9-]", "-");
        StringBuilder svg = new StringBuilder(64 * 1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" role=\"img\" width=\"")
                .append(layout.width()).append("\" height=\"").append(layout.height()).append("\" viewBox=\"0 0 ")
                .append(layout.width()).append(' ').append(layout.height())
                .append("\" aria-labelledby=\"" + ids + "-title " + ids + "-desc\" font-family=\"").append(FONT)
                .append("\" font-size=\"12\">\n");
        svg.append("<title id=\"" + ids + "-title\">").append(esc(layout.title())).append("</title>\n");
        svg.append("<desc id=\"" + ids + "-desc\">").append(esc(layout.description())).append("</desc>\n");
        svg.append("<defs><marker id=\"" + ids + "-arrow-endpoint\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#1b873f\"/></marker>"
                + "<marker id=\"" + ids + "-arrow-nat\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#d13212\"/></marker></defs>\n");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(layout.width()).append("\" height=\"")
                .append(layout.height()).append("\" fill=\"#ffffff\"/>\n");
        for (Shape s : layout.shapes()) {
            if (s.style() == Style.LEGEND) {
                continue;
            }
            shape(svg, s);
        }
        svg.append("<g data-kind=\"paths\">\n");
        for (Connector c : layout.connectors()) {
            connector(svg, c, ids);
        }
        svg.append("</g>\n");
        layout.shapes().stream().filter(s -> s.style() == Style.LEGEND).forEach(s -> legend(svg, s));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void shape(StringBuilder svg, Shape s) {
        Palette p = Palette.of(s.style());
        svg.append("<g data-kind=\"").append(s.kind()).append("\" data-id=\"").append(esc(s.id())).append('"');
        if (s.planned()) {
            svg.append(" data-planned=\"true\"");
        }
        svg.append(" data-style=\"").append(s.style().name().toLowerCase(Locale.ROOT)).append("\" role=\"group\" aria-label=\"").append(esc(s.tooltip())).append("\">");
        svg.append("<title>").append(esc(s.tooltip())).append("</title>");
        if (!"none".equals(p.stroke()) || !"none".equals(p.fill())) {
            String stroke = s.planned() ? Palette.PLANNED : p.stroke();
            String fill = s.planned() ? Palette.PLANNED_FILL : p.fill();
            svg.append("<rect x=\"").append(s.x()).append("\" y=\"").append(s.y()).append("\" width=\"").append(s.w())
                    .append("\" height=\"").append(s.h()).append("\" rx=\"").append(s.style() == Style.VPC ? 8 : 5)
                    .append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke)
                    .append("\" stroke-width=\"").append(s.planned() ? 2 : p.width()).append('"');
            String dash = s.planned() ? "6 3" : p.dashArray();
            if (dash != null) {
                svg.append(" stroke-dasharray=\"").append(dash).append('"');
            }
            svg.append("/>");
        }
        for (Text t : s.texts()) {
            text(svg, t, s.style() == Style.HEADER && !t.small() ? 16 : 0);
        }
        svg.append("</g>\n");
    }

    private static void text(StringBuilder svg, Text t, int bigger) {
        int size = bigger > 0 ? bigger : t.small() ? 11 : 12;
        svg.append("<text data-kind=\"label\" x=\"").append(t.x()).append("\" y=\"").append(t.y() + 12)
                .append("\" data-x=\"").append(t.x()).append("\" data-y=\"").append(t.y()).append("\" data-width=\"")
                .append(t.w()).append("\" data-height=\"").append(t.h()).append("\" font-size=\"").append(size)
                .append('"');
        if (t.bold()) {
            svg.append(" font-weight=\"600\"");
        }
        svg.append(" fill=\"").append(t.small() ? Palette.MUTED : Palette.TEXT).append("\">");
        if (!t.text().equals(t.full())) {
            svg.append("<title>").append(esc(t.full())).append("</title>");
        }
        svg.append(esc(t.text())).append("</text>");
    }

    private static void connector(StringBuilder svg, Connector c, String ids) {
        Palette p = Palette.of(c.style());
        String stroke = c.planned() && c.style() == Style.ASSOCIATION ? Palette.PLANNED : p.stroke();
        svg.append("<g data-kind=\"").append(c.kind()).append("\" data-id=\"").append(esc(c.id()))
                .append("\" data-from=\"").append(esc(c.fromId())).append("\" data-to=\"").append(esc(c.toId())).append('"');
        if (c.via() != null) {
            svg.append(" data-via=\"").append(c.via()).append("\" data-service=\"").append(esc(c.service())).append('"');
        }
        if (c.planned()) {
            svg.append(" data-planned=\"true\"");
        }
        svg.append(" role=\"group\" aria-label=\"").append(esc(c.tooltip())).append("\"><title>")
                .append(esc(c.tooltip())).append("</title><polyline fill=\"none\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(p.width()).append("\" stroke-linejoin=\"round\"");
        String dash = c.planned() && c.style() == Style.ASSOCIATION ? "6 3" : p.dashArray();
        if (dash != null) {
            svg.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        if (c.style() == Style.PATH_ENDPOINT) {
            svg.append(" marker-end=\"url(#" + ids + "-arrow-endpoint)\"");
        } else if (c.style() == Style.PATH_NAT || c.style() == Style.PATH_INTERNET) {
            svg.append(" marker-end=\"url(#" + ids + "-arrow-nat)\"");
        }
        svg.append(" points=\"").append(points(c.points())).append("\"/></g>\n");
    }

    private static void legend(StringBuilder svg, Shape s) {
        svg.append("<g data-kind=\"legend\" data-id=\"legend\" role=\"group\" aria-label=\"").append(esc(s.tooltip()))
                .append("\"><title>").append(esc(s.tooltip())).append("</title>");
        List<Style> swatches = List.of(Style.PATH_ENDPOINT, Style.PATH_NAT, Style.PATH_INTERNET);
        for (int i = 0; i < s.texts().size(); i++) {
            Text t = s.texts().get(i);
            int cy = t.y() + 8;
            int x = t.x() - 44;
            if (i < swatches.size()) {
                Palette p = Palette.of(swatches.get(i));
                svg.append("<line x1=\"").append(x).append("\" y1=\"").append(cy).append("\" x2=\"").append(x + 36)
                        .append("\" y2=\"").append(cy).append("\" stroke=\"").append(p.stroke())
                        .append("\" stroke-width=\"").append(p.width()).append('"');
                if (p.dashArray() != null) {
                    svg.append(" stroke-dasharray=\"").append(p.dashArray()).append('"');
                }
                svg.append("/>");
            } else if (i < PngRenderer.SWATCHES) {
                String fill = i == 3 ? Palette.PLANNED_FILL : Palette.of(i == 4 ? Style.SUBNET_PUBLIC : Style.SUBNET_PRIVATE).fill();
                String stroke = i == 3 ? Palette.PLANNED : Palette.of(i == 4 ? Style.SUBNET_PUBLIC : Style.SUBNET_PRIVATE).stroke();
                svg.append("<rect x=\"").append(x + 4).append("\" y=\"").append(cy - 7).append("\" width=\"28\" height=\"14\" rx=\"3\" fill=\"")
                        .append(fill).append("\" stroke=\"").append(stroke).append('"')
                        .append(i == 3 ? " stroke-dasharray=\"6 3\" stroke-width=\"2\"" : "").append("/>");
            }
            text(svg, t, 0);
        }
        svg.append("</g>\n");
    }

    static String points(int[] points) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < points.length; i += 2) {
            s.append(i == 0 ? "" : " ").append(points[i]).append(',').append(points[i + 1]);
        }
        return s.toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
