package io.vpcportal.diagram.internal;

import io.vpcportal.diagram.internal.Layout.Connector;
import io.vpcportal.diagram.internal.Layout.Style;
import io.vpcportal.diagram.internal.Layout.Text;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/** Draws the same {@link Layout} as the SVG with Java2D, at twice the size for sharp text. */
public final class PngRenderer {

    private static final int SCALE = 2;

    private PngRenderer() {
    }

    public static byte[] render(Layout layout) {
        BufferedImage image = new BufferedImage(layout.width() * SCALE, layout.height() * SCALE,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.scale(SCALE, SCALE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, layout.width(), layout.height());
            for (Layout.Shape s : layout.shapes()) {
                if (s.style() != Style.LEGEND) {
                    shape(g, s);
                }
            }
            for (Connector c : layout.connectors()) {
                connector(g, c);
            }
            layout.shapes().stream().filter(s -> s.style() == Style.LEGEND).forEach(s -> legend(g, s));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void shape(Graphics2D g, Layout.Shape s) {
        Palette p = Palette.of(s.style());
        Shape box = new RoundRectangle2D.Float(s.x(), s.y(), s.w(), s.h(), s.style() == Style.VPC ? 16 : 10,
                s.style() == Style.VPC ? 16 : 10);
        String fill = s.planned() ? Palette.PLANNED_FILL : p.fill();
        if (!"none".equals(fill)) {
            g.setColor(Color.decode(fill));
            g.fill(box);
        }
        String stroke = s.planned() ? Palette.PLANNED : p.stroke();
        if (!"none".equals(stroke)) {
            g.setColor(Color.decode(stroke));
            g.setStroke(stroke(s.planned() ? 2 : p.width(), s.planned() ? new float[] {6, 3} : p.dash()));
            g.draw(box);
        }
        for (Text t : s.texts()) {
            text(g, t, s.style() == Style.HEADER && !t.small() ? 16 : 0);
        }
    }

    private static void connector(Graphics2D g, Connector c) {
        Palette p = Palette.of(c.style());
        boolean plannedAssociation = c.planned() && c.style() == Style.ASSOCIATION;
        g.setColor(Color.decode(plannedAssociation ? Palette.PLANNED : p.stroke()));
        g.setStroke(stroke(p.width(), plannedAssociation ? new float[] {6, 3} : p.dash()));
        int[] pts = c.points();
        Path2D.Float line = new Path2D.Float();
        line.moveTo(pts[0], pts[1]);
        for (int i = 2; i < pts.length; i += 2) {
            line.lineTo(pts[i], pts[i + 1]);
        }
        g.draw(line);
        if (c.style() == Style.PATH_ENDPOINT || c.style() == Style.PATH_NAT || c.style() == Style.PATH_INTERNET) {
            int x = pts[pts.length - 2];
            int y = pts[pts.length - 1];
            Path2D.Float head = new Path2D.Float();
            head.moveTo(x, y);
            head.lineTo(x - 8, y - 4);
            head.lineTo(x - 8, y + 4);
            head.closePath();
            g.fill(head);
        }
    }

    /** Legend lines with a swatch; the lines after them are plain text. */
    static final int SWATCHES = 6;

    private static void legend(Graphics2D g, Layout.Shape s) {
        List<Style> swatches = List.of(Style.PATH_ENDPOINT, Style.PATH_NAT, Style.PATH_INTERNET);
        for (int i = 0; i < s.texts().size(); i++) {
            Text t = s.texts().get(i);
            int cy = t.y() + 8;
            int x = t.x() - 44;
            if (i < swatches.size()) {
                Palette p = Palette.of(swatches.get(i));
                g.setColor(Color.decode(p.stroke()));
                g.setStroke(stroke(p.width(), p.dash()));
                g.drawLine(x, cy, x + 36, cy);
            } else if (i < SWATCHES) {
                Palette p = Palette.of(i == 4 ? Style.SUBNET_PUBLIC : Style.SUBNET_PRIVATE);
                g.setColor(Color.decode(i == 3 ? Palette.PLANNED_FILL : p.fill()));
                g.fillRoundRect(x + 4, cy - 7, 28, 14, 6, 6);
                g.setColor(Color.decode(i == 3 ? Palette.PLANNED : p.stroke()));
                g.setStroke(stroke(i == 3 ? 2 : 1, i == 3 ? new float[] {6, 3} : null));
                g.drawRoundRect(x + 4, cy - 7, 28, 14, 6, 6);
            }
            text(g, t, 0);
        }
    }

    private static void text(Graphics2D g, Text t, int bigger) {
        int size = bigger > 0 ? bigger : t.small() ? 11 : 12;
        g.setFont(new Font(Font.SANS_SERIF, t.bold() ? Font.BOLD : Font.PLAIN, size));
        g.setColor(Color.decode(t.small() ? Palette.MUTED : Palette.TEXT));
        Shape clip = g.getClip();
        g.clipRect(t.x(), t.y(), t.w(), t.h());
        g.drawString(t.text(), t.x(), t.y() + 12);
        g.setClip(clip);
    }

    private static BasicStroke stroke(float width, float[] dash) {
        return dash == null ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, dash, 0);
    }
}
