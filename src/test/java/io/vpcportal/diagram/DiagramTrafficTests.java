package io.vpcportal.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.vpcportal.catalog.EndpointType;
import io.vpcportal.diagram.internal.Figures;
import io.vpcportal.diagram.internal.GridLayout;
import io.vpcportal.diagram.internal.NetworkModels;
import io.vpcportal.diagram.internal.NetworkModels.View;
import io.vpcportal.diagram.internal.RequestPlans;
import io.vpcportal.diagram.internal.SvgRenderer;
import io.vpcportal.diagram.internal.TrafficFigures;
import io.vpcportal.inventory.VpcTopology;
import io.vpcportal.savings.Estimate;
import io.vpcportal.savings.EstimateInput;
import io.vpcportal.savings.LedgerKind;
import io.vpcportal.savings.MeasuredTraffic;
import io.vpcportal.savings.SavingsManagement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.w3c.dom.Element;

/**
 * Dollars on the paths, without Spring: what the ledger measured (one query per diagram, scaled to a month) and
 * what a request is estimated to cost and save (its one GB figure shared like the cost panel, shown once).
 */
class DiagramTrafficTests {

    static final long GIB = 1L << 30;
    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    final SavingsManagement savings = mock(SavingsManagement.class);
    final TrafficFigures traffic = new TrafficFigures(savings);

    @BeforeEach
    void pricesLikeEuWest1() {
        when(savings.today()).thenReturn(TODAY);
        // interface: $0.011 an ENI-hour over 730 hours and $0.01 a GB; every GB avoided pays the NAT's $0.048
        when(savings.estimate(any())).thenAnswer(call -> {
            EstimateInput in = call.getArgument(0);
            BigDecimal cost = in.endpointType() == EndpointType.Gateway ? BigDecimal.ZERO
                    : BigDecimal.valueOf(in.enis()).multiply(new BigDecimal("8.03")).add(in.gb().multiply(
                    new BigDecimal("0.01")));
            BigDecimal avoided = in.gb().multiply(new BigDecimal("0.048"));
            return new Estimate(in.region(), in.endpointType().name(), BigDecimal.valueOf(730), TODAY, List.of(), cost,
                    avoided, avoided.subtract(cost), null, null);
        });
    }

    @Test
    void measuredFiguresOfALargeVpcComeFromOneLedgerQueryScaledToAMonth() {
        VpcTopology vpc = ReferenceVpcs.large(40, 60);
        List<MeasuredTraffic> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(new MeasuredTraffic("vpce-%04d".formatted(i), LedgerKind.INTERFACE, 30, 1200 * GIB,
                    new BigDecimal("14.60"), new BigDecimal("57.60"), BigDecimal.ZERO));
        }
        // the NAT gateway was measured for 15 days only: its month is twice that
        rows.add(new MeasuredTraffic("nat-big", LedgerKind.NAT, 15, 150 * GIB, BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("6.75")));
        rows.add(new MeasuredTraffic("vpc-0large/S3", LedgerKind.MISSED, 30, 100 * GIB, BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("4.80")));
        when(savings.measured(anyString(), anyCollection(), any(), any())).thenReturn(rows);

        Figures figures = traffic.of(vpc, null);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Collection<String>> ids = ArgumentCaptor.forClass(Collection.class);
        verify(savings, times(1)).measured(org.mockito.ArgumentMatchers.eq("111122223333"), ids.capture(),
                org.mockito.ArgumentMatchers.eq(TODAY.minusDays(30)), org.mockito.ArgumentMatchers.eq(TODAY.minusDays(1)));
        assertThat(ids.getValue()).hasSize(60 + 1 + 2).contains("vpce-0000", "vpce-0059", "nat-big",
                "vpc-0large/S3", "vpc-0large/DYNAMODB");
        verify(savings, times(0)).estimate(any());

        SvgDiagram d = SvgDiagram.parse(SvgRenderer.render(GridLayout.of(NetworkModels.of(vpc, null, View.CURRENT,
                figures))));
        Element glue = d.byId("path", "path:glue:endpoint:vpce-0000");
        assertThat(glue.getAttribute("aria-label")).contains("through endpoint · ≈ 1,200 GB/month",
                "$14.60 endpoint cost · $57.60 NAT avoided", "measured: 30 of the last 30 days");
        assertThat(labels(d)).contains("through endpoint · ≈ 1,200 GB/month", "$14.60 endpoint cost · $57.60 NAT avoided",
                "through NAT + internet · ≈ 100 GB/month", "$4.80 NAT processing", "≈ 300 GB · $13.50 per month");
        assertThat(d.byId("path", "path:dynamodb:nat").getAttribute("aria-label")).as("not measured: no figures")
                .doesNotContain("GB").doesNotContain("$");
        assertThat(d.byId("nat-gateway", "nat-big").getAttribute("aria-label")).contains("scaled to 30");
        assertThat(d.kind("request-total")).isEmpty();
        d.assertNoLabelsOverlap();
    }

    @Test
    void aGatewayEndpointWithoutFlowLogsHasNoFigures() {
        VpcTopology vpc = ReferenceVpcs.serverless();
        when(savings.measured(anyString(), anyCollection(), any(), any())).thenReturn(List.of(
                new MeasuredTraffic("vpce-0ddb", LedgerKind.GATEWAY, 30, 0, BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO)));
        SvgDiagram d = svg(vpc, null, View.CURRENT);
        assertThat(d.byId("path", "path:dynamodb:endpoint:vpce-0ddb").getAttribute("aria-label"))
                .doesNotContain("GB");
    }

    @Test
    void theRequestTotalIsShownOnceAndItsEvenSharesArePricedOnThePaths() throws Exception {
        when(savings.measured(anyString(), anyCollection(), any(), any())).thenReturn(List.of());
        PlannedEndpoints plan = RequestPlans.of(ReferenceVpcs.serverlessRequest()); // 2,500 GB, three endpoints

        SvgDiagram before = svg(ReferenceVpcs.serverless(), plan, View.BEFORE);
        ArgumentCaptor<EstimateInput> inputs = ArgumentCaptor.forClass(EstimateInput.class);
        verify(savings, times(3)).estimate(inputs.capture());
        assertThat(inputs.getAllValues()).extracting(EstimateInput::gb)
                .allMatch(gb -> gb.compareTo(new BigDecimal("833.333")) == 0);
        assertThat(inputs.getAllValues()).extracting(EstimateInput::endpointType, EstimateInput::enis)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EndpointType.Gateway, 0),
                        org.assertj.core.groups.Tuple.tuple(EndpointType.Interface, 2),
                        org.assertj.core.groups.Tuple.tuple(EndpointType.Interface, 2));
        assertThat(inputs.getAllValues()).allMatch(i -> i.region().equals("eu-west-1") && !i.natGatewayRemoved());

        assertThat(before.kind("request-total")).hasSize(1);
        assertThat(before.byId("request-total", "request-total").getTextContent())
                .contains("request total 2,500 GB/month", "shared evenly by its 3 endpoints' estimates");
        assertThat(labels(before)).filteredOn(l -> l.contains("2,500") || l.contains("833")).hasSize(1);
        assertThat(labels(before)).contains("through NAT + internet · est. share", "$40.00 NAT processing");
        assertThat(before.byId("path", "path:glue:nat").getAttribute("aria-label"))
                .contains("an even share (833 GB) of the request's 2,500 GB per month");
        before.assertNoLabelsOverlap();

        SvgDiagram after = svg(ReferenceVpcs.serverless(), plan, View.AFTER);
        assertThat(after.byId("path", "path:glue:endpoint:planned-3f2a9c1e-1").getAttribute("aria-label"))
                .contains("through new endpoint · est. share · $24.39 endpoint cost · $40.00 NAT avoided");
        assertThat(after.byId("path", "path:s3:endpoint:planned-3f2a9c1e-0").getAttribute("aria-label"))
                .contains("$0.00 endpoint cost · $40.00 NAT avoided");
        assertThat(after.kind("request-total")).hasSize(1);
        after.assertNoLabelsOverlap();

        // the README's before/after pair (docs/screenshots/diagram-*.png are copies of these)
        java.nio.file.Path out = java.nio.file.Path.of("target", "diagrams");
        for (View view : List.of(View.BEFORE, View.AFTER)) {
            var layout = GridLayout.of(NetworkModels.of(ReferenceVpcs.serverless(), plan, view,
                    traffic.of(ReferenceVpcs.serverless(), plan)));
            java.nio.file.Files.createDirectories(out);
            java.nio.file.Files.write(out.resolve("serverless-priced-" + view.name().toLowerCase(java.util.Locale.ROOT)
                    + ".png"), io.vpcportal.diagram.internal.PngRenderer.render(layout));
            // the Mermaid text with dollars on its links, for bench/mermaid-check
            java.nio.file.Files.writeString(out.resolve("serverless-priced-" + view.name().toLowerCase(
                    java.util.Locale.ROOT) + ".mmd"), io.vpcportal.diagram.internal.MermaidExporter.export(
                    NetworkModels.of(ReferenceVpcs.serverless(), plan, view, traffic.of(ReferenceVpcs.serverless(), plan))));
        }
    }

    @Test
    void itemsWithTheirOwnGbCarryItOnTheirPathsAndNoRequestTotalIsShown() {
        when(savings.measured(anyString(), anyCollection(), any(), any())).thenReturn(List.of());
        PlannedEndpoints plan = new PlannedEndpoints(null, "form", "111122223333", "eu-west-1", "vpc-0pipeline",
                new BigDecimal("900"), List.of(
                new PlannedEndpoints.Item(0, "Gateway", "com.amazonaws.eu-west-1.s3", List.of("rtb-0lam"), List.of(),
                        List.of(), new BigDecimal("600")),
                new PlannedEndpoints.Item(1, "Interface", "com.amazonaws.eu-west-1.glue", List.of(),
                        List.of("subnet-0la"), List.of("sg-0lambda"), new BigDecimal("300"))));
        SvgDiagram after = svg(ReferenceVpcs.serverless(), plan, View.AFTER);
        assertThat(after.kind("request-total")).isEmpty();
        assertThat(labels(after)).contains("through new endpoint · est. 600 GB/month",
                "$0.00 endpoint cost · $28.80 NAT avoided", "through new endpoint · est. 300 GB/month",
                "$11.03 endpoint cost · $14.40 NAT avoided");
        assertThat(after.ids("endpoint")).contains("planned-form-0", "planned-form-1");
        after.assertNoLabelsOverlap();
        SvgDiagram before = svg(ReferenceVpcs.serverless(), plan, View.BEFORE);
        assertThat(labels(before)).contains("through NAT + internet · est. 600 GB/month", "$28.80 NAT processing");
    }

    private SvgDiagram svg(VpcTopology vpc, PlannedEndpoints plan, View view) {
        return SvgDiagram.parse(SvgRenderer.render(GridLayout.of(NetworkModels.of(vpc, plan, view,
                traffic.of(vpc, plan)))));
    }

    private static List<String> labels(SvgDiagram d) {
        return d.kind("label").stream().map(e -> {
            // a cut label carries its whole text in a <title> child: compare what is shown
            var titles = e.getElementsByTagNameNS("*", "title");
            String full = e.getTextContent();
            return titles.getLength() == 0 ? full : full.substring(titles.item(0).getTextContent().length());
        }).toList();
    }
}
