package io.vpcportal.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.diagram.internal.DrawioExporter;
import io.vpcportal.diagram.internal.GridLayout;
import io.vpcportal.diagram.internal.Layout;
import io.vpcportal.diagram.internal.MermaidExporter;
import io.vpcportal.diagram.internal.NetworkModel;
import io.vpcportal.diagram.internal.NetworkModels;
import io.vpcportal.diagram.internal.NetworkModels.View;
import io.vpcportal.diagram.internal.PngRenderer;
import io.vpcportal.diagram.internal.RequestPlans;
import io.vpcportal.diagram.internal.SvgRenderer;
import io.vpcportal.inventory.VpcTopology;
import io.vpcportal.request.RequestDetails;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The model, layout and every format, without Spring: the reference architectures and a large VPC. */
class DiagramRenderingTests {

    static final String PARTNER = "vpce-svc-056576c12b36056ca";

    @Test
    void standardBeforeShowsS3ThroughNatAndAfterThroughTheNewGatewayEndpoint() throws Exception {
        SvgDiagram before = svg(ReferenceVpcs.standard(), ReferenceVpcs.standardRequest(), View.BEFORE);
        assertThat(before.ids("subnet")).containsExactly("subnet-0pub", "subnet-0priv");
        assertThat(before.byId("subnet", "subnet-0pub").getAttribute("data-style")).isEqualTo("subnet_public");
        assertThat(before.byId("subnet", "subnet-0priv").getAttribute("data-style")).isEqualTo("subnet_private");
        assertThat(before.ids("route-table")).containsExactly("rtb-0main", "rtb-0priv", "rtb-0pub");
        assertThat(before.ids("nat-gateway")).containsExactly("nat-0a");
        assertThat(before.ids("internet-gateway")).containsExactly("igw-0main");
        assertThat(before.ids("endpoint")).isEmpty();
        assertThat(before.paths()).containsExactly("dynamodb:nat", "s3:nat");
        assertThat(before.byId("path", "path:s3:nat").getAttribute("aria-label")).doesNotContain("GB");
        assertThat(before.byId("request-total", "request-total").getTextContent())
                .contains("request total 6,000 GB/month", "its endpoint's estimate uses it");
        assertThat(before.ids("egress")).containsExactly("egress:nat-0a");
        before.assertNoLabelsOverlap();

        SvgDiagram after = svg(ReferenceVpcs.standard(), ReferenceVpcs.standardRequest(), View.AFTER);
        String planned = "planned-3f2a9c1e-0";
        assertThat(after.ids("endpoint")).containsExactly(planned);
        assertThat(after.byId("endpoint", planned).getAttribute("data-planned")).isEqualTo("true");
        assertThat(after.byId("endpoint", planned).getAttribute("data-style")).isEqualTo("gateway_endpoint");
        assertThat(after.ids("association")).containsExactlyInAnyOrder("assoc:rtb-0pub:" + planned,
                "assoc:rtb-0priv:" + planned);
        assertThat(after.paths()).containsExactly("dynamodb:nat", "s3:endpoint");
        Element path = after.byId("path", "path:s3:endpoint:" + planned);
        assertThat(path.getAttribute("data-planned")).isEqualTo("true");
        assertThat(polyline(path).getAttribute("stroke-dasharray")).as("endpoint paths are solid").isEmpty();
        assertThat(polyline(after.byId("path", "path:dynamodb:nat")).getAttribute("stroke-dasharray"))
                .as("NAT paths are dashed").isNotEmpty();
        after.assertNoLabelsOverlap();
    }

    @Test
    void serverlessAfterHasTheGlueAndRdsDataEnisInBothLambdaSubnets() {
        SvgDiagram before = svg(ReferenceVpcs.serverless(), ReferenceVpcs.serverlessRequest(), View.BEFORE);
        assertThat(before.ids("zone")).containsExactly("eu-west-1a", "eu-west-1b");
        assertThat(before.ids("endpoint")).containsExactly("vpce-0ddb");
        assertThat(before.paths()).containsExactly("dynamodb:endpoint", "glue:nat", "rds-data:nat", "s3:nat");
        before.assertNoLabelsOverlap();

        SvgDiagram after = svg(ReferenceVpcs.serverless(), ReferenceVpcs.serverlessRequest(), View.AFTER);
        assertThat(after.ids("endpoint")).containsExactly("vpce-0ddb", "planned-3f2a9c1e-0", "planned-3f2a9c1e-1",
                "planned-3f2a9c1e-2");
        assertThat(after.ids("eni")).containsExactlyInAnyOrder("planned-3f2a9c1e-1@subnet-0la",
                "planned-3f2a9c1e-1@subnet-0lb", "planned-3f2a9c1e-2@subnet-0la", "planned-3f2a9c1e-2@subnet-0lb");
        assertThat(after.byId("eni", "planned-3f2a9c1e-1@subnet-0la").getAttribute("aria-label"))
                .contains("lambda-endpoints");
        assertThat(after.paths()).containsExactly("dynamodb:endpoint", "glue:endpoint", "rds-data:endpoint",
                "s3:endpoint");
        assertThat(after.ids("service")).containsExactly("dynamodb", "glue", "rds-data", "s3");
        after.assertNoLabelsOverlap();
    }

    @Test
    void partnerServiceIsReachedThroughNatBeforeAndThroughPrivateLinkAfter() {
        SvgDiagram before = svg(ReferenceVpcs.partner(), ReferenceVpcs.partnerRequest(), View.BEFORE);
        assertThat(before.paths()).containsExactly("dynamodb:nat", "s3:endpoint", PARTNER + ":nat");
        assertThat(before.byId("service", PARTNER).getAttribute("data-style")).isEqualTo("partner_service");
        SvgDiagram after = svg(ReferenceVpcs.partner(), ReferenceVpcs.partnerRequest(), View.AFTER);
        assertThat(after.paths()).containsExactly("dynamodb:nat", "s3:endpoint", PARTNER + ":endpoint");
        assertThat(after.ids("eni")).containsExactlyInAnyOrder("planned-3f2a9c1e-0@subnet-0fa",
                "planned-3f2a9c1e-0@subnet-0fb");
        after.assertNoLabelsOverlap();
    }

    @Test
    void accessibleSvgWithTitleDescriptionAndLegend() {
        SvgDiagram d = svg(ReferenceVpcs.standard(), null, View.CURRENT);
        assertThat(d.root().getAttribute("role")).isEqualTo("img");
        assertThat(d.root().getAttribute("aria-labelledby")).isEqualTo("diagram-title diagram-desc");
        assertThat(d.root().getElementsByTagNameNS("*", "title").item(0).getTextContent())
                .isEqualTo("VPC vpc-0standard (web)");
        assertThat(d.root().getElementsByTagNameNS("*", "desc").item(0).getTextContent())
                .contains("2 subnets in 1 availability zones").contains("Traffic to s3 through NAT + internet");
        assertThat(d.kind("legend")).hasSize(1);
        assertThat(d.kind("label").stream().map(Element::getTextContent))
                .contains("through endpoint", "through NAT + internet", "planned by the request");
    }

    @Test
    void longNamesAreCutWithTheWholeTextInTheirTitle() {
        SvgDiagram d = svg(ReferenceVpcs.large(3, 1), null, View.CURRENT);
        Element label = d.kind("label").stream().filter(e -> e.getTextContent().contains("workload-subnet"))
                .findFirst().orElseThrow();
        String full = "workload-subnet-with-a-long-name-0 (subnet-0000)";
        assertThat(label.getElementsByTagNameNS("*", "title").item(0).getTextContent()).isEqualTo(full);
        assertThat(label.getTextContent()).isEqualTo(full + "workload-subnet-with-a-lon…");
        d.assertNoLabelsOverlap();
    }

    @Test
    void drawioExportIsAnMxfileWithVerticesAndEdges() throws Exception {
        NetworkModel m = NetworkModels.of(ReferenceVpcs.serverless(), RequestPlans.of(ReferenceVpcs.serverlessRequest()), View.AFTER);
        String xml = DrawioExporter.export(GridLayout.of(m), m.vpcId());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("mxfile");
        Element model = (Element) doc.getElementsByTagName("mxGraphModel").item(0);
        assertThat(model.getParentNode().getNodeName()).isEqualTo("diagram");
        NodeList cells = doc.getElementsByTagName("mxCell");
        List<Element> all = java.util.stream.IntStream.range(0, cells.getLength()).mapToObj(i -> (Element) cells.item(i))
                .toList();
        assertThat(all.get(0).getAttribute("id")).isEqualTo("0");
        assertThat(all.get(1).getAttribute("parent")).isEqualTo("0");
        assertThat(all.stream().filter(c -> c.getAttribute("style").contains("metaKind=subnet;")))
                .hasSize(3).allMatch(c -> c.getAttribute("vertex").equals("1"));
        assertThat(all.stream().filter(c -> c.getAttribute("style").contains("metaKind=endpoint;"))).hasSize(4);
        List<Element> paths = all.stream().filter(c -> c.getAttribute("style").contains("metaKind=path;")).toList();
        assertThat(paths).hasSize(4).allMatch(c -> c.getAttribute("edge").equals("1")
                && !c.getAttribute("source").isEmpty() && !c.getAttribute("target").isEmpty());
        java.util.Set<String> ids = new java.util.HashSet<>();
        all.forEach(c -> assertThat(ids.add(c.getAttribute("id"))).as("unique id " + c.getAttribute("id")).isTrue());
        assertThat(all.stream().filter(c -> c.hasAttribute("source"))).allMatch(c -> ids.contains(c.getAttribute("source"))
                && ids.contains(c.getAttribute("target")));
    }

    @Test
    void mermaidIsAFlowchartWithBalancedSubgraphsAndAllElements() {
        NetworkModel m = NetworkModels.of(ReferenceVpcs.serverless(), RequestPlans.of(ReferenceVpcs.serverlessRequest()), View.BEFORE);
        String text = MermaidExporter.export(m);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("flowchart LR");
        long opened = lines.stream().filter(l -> l.strip().startsWith("subgraph ")).count();
        long closed = lines.stream().filter(l -> l.strip().equals("end")).count();
        assertThat(opened).isEqualTo(3).isEqualTo(closed);
        assertThat(text).contains("subnet_subnet_0la[", "rtb_rtb_0lam[", "nat_nat_0p([", "vpce_vpce_0ddb([",
                "svc_glue[[", "igw_igw_0p -.->|\"through NAT + internet\"| svc_glue",
                "vpce_vpce_0ddb ==>|\"through endpoint\"| svc_dynamodb", "rtb_rtb_0lam --- vpce_vpce_0ddb");
        String after = MermaidExporter.export(NetworkModels.of(ReferenceVpcs.serverless(),
                RequestPlans.of(ReferenceVpcs.serverlessRequest()), View.AFTER));
        assertThat(after).contains("class ").contains(" planned\n")
                .doesNotContain("-.->|\"through NAT + internet\"| svc_glue");
        for (String line : lines) {
            assertThat(line.chars().filter(c -> c == '"').count() % 2).as("balanced quotes: " + line).isZero();
        }
    }

    /** 40 subnets and 60 endpoints: the grid collapses and still lays out; the real time is printed. */
    @Test
    void largeVpcLaysOutAndRendersQuickly() {
        VpcTopology vpc = ReferenceVpcs.large(40, 60);
        SvgRenderer.render(GridLayout.of(NetworkModels.of(vpc, null, View.CURRENT))); // warm up
        long start = System.nanoTime();
        String svg = SvgRenderer.render(GridLayout.of(NetworkModels.of(vpc, null, View.CURRENT)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("40 subnets + 60 endpoints: model + layout + SVG in " + millis + " ms, " + svg.length()
                + " characters");
        assertThat(millis).as("generous bound for a shared machine").isLessThan(5_000);
        SvgDiagram d = SvgDiagram.parse(svg);
        assertThat(d.ids("subnet")).as("11 shown per zone, the rest collapsed").hasSize(33);
        assertThat(d.ids("more")).containsExactly("more-subnets:eu-west-1a", "more-subnets:eu-west-1b",
                "more-subnets:eu-west-1c", "more-route-tables");
        assertThat(d.ids("endpoint-group")).hasSize(10);
        assertThat(d.paths()).as("60 endpoints, S3 and DynamoDB through NAT").hasSize(60 + 2);
        d.assertNoLabelsOverlap();
    }

    @Test
    void pngIsTheSameLayoutDrawnWithJava2d() throws Exception {
        Layout layout = GridLayout.of(NetworkModels.of(ReferenceVpcs.serverless(), RequestPlans.of(ReferenceVpcs.serverlessRequest()),
                View.AFTER));
        byte[] png = PngRenderer.render(layout);
        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(layout.width() * 2);
        assertThat(image.getHeight()).isEqualTo(layout.height() * 2);
        Path out = Path.of("target", "diagrams");
        Files.createDirectories(out);
        for (View view : List.of(View.BEFORE, View.AFTER)) {
            Layout l = GridLayout.of(NetworkModels.of(ReferenceVpcs.serverless(), RequestPlans.of(ReferenceVpcs.serverlessRequest()), view));
            String name = "serverless-" + view.name().toLowerCase(java.util.Locale.ROOT);
            Files.write(out.resolve(name + ".png"), PngRenderer.render(l));
            Files.writeString(out.resolve(name + ".svg"), SvgRenderer.render(l));
            // for bench/mermaid-check (the npm mermaid parser), optional
            Files.writeString(out.resolve(name + ".mmd"), MermaidExporter.export(NetworkModels.of(
                    ReferenceVpcs.serverless(), RequestPlans.of(ReferenceVpcs.serverlessRequest()), view)));
        }
    }

    private static SvgDiagram svg(VpcTopology vpc, RequestDetails request, View view) {
        return SvgDiagram.parse(SvgRenderer.render(GridLayout.of(NetworkModels.of(vpc,
                request == null ? null : RequestPlans.of(request), view))));
    }

    private static Element polyline(Element group) {
        return (Element) group.getElementsByTagNameNS("*", "polyline").item(0);
    }
}
