package io.vpcportal.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A diagram's SVG parsed with the JDK's DOM parser, with what the tests ask of it. */
public record SvgDiagram(Document document) {

    public static SvgDiagram parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new SvgDiagram(factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                    svg.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new AssertionError("not well-formed SVG: " + e.getMessage() + "\n" + svg, e);
        }
    }

    public Element root() {
        return document.getDocumentElement();
    }

    /** Every element with {@code data-kind} = kind. */
    public List<Element> kind(String kind) {
        List<Element> out = new ArrayList<>();
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (kind.equals(e.getAttribute("data-kind"))) {
                out.add(e);
            }
        }
        return out;
    }

    public List<String> ids(String kind) {
        return kind(kind).stream().map(e -> e.getAttribute("data-id")).toList();
    }

    public Element byId(String kind, String id) {
        return kind(kind).stream().filter(e -> e.getAttribute("data-id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + id + " in " + ids(kind)));
    }

    /** Paths as "service:via". */
    public List<String> paths() {
        return kind("path").stream().map(e -> e.getAttribute("data-service") + ":" + e.getAttribute("data-via"))
                .toList();
    }

    /** Fails when two text labels' cells overlap (cells from data-x/y/width/height). */
    public void assertNoLabelsOverlap() {
        List<Element> labels = kind("label");
        assertThat(labels).isNotEmpty();
        int[][] boxes = labels.stream().map(e -> new int[] {num(e, "data-x"), num(e, "data-y"), num(e, "data-width"),
                num(e, "data-height")}).toArray(int[][]::new);
        // sweep by y so that thousands of labels stay fast
        Integer[] order = new Integer[boxes.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> boxes[i][1]));
        for (int a = 0; a < order.length; a++) {
            int[] p = boxes[order[a]];
            for (int b = a + 1; b < order.length && boxes[order[b]][1] < p[1] + p[3]; b++) {
                int[] q = boxes[order[b]];
                boolean overlap = p[0] < q[0] + q[2] && q[0] < p[0] + p[2] && p[1] < q[1] + q[3] && q[1] < p[1] + p[3];
                assertThat(overlap).as("labels overlap: '%s' and '%s'", labels.get(order[a]).getTextContent(),
                        labels.get(order[b]).getTextContent()).isFalse();
            }
        }
    }

    private static int num(Element e, String attribute) {
        return Integer.parseInt(e.getAttribute(attribute));
    }
}
