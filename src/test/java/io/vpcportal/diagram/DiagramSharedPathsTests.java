package io.vpcportal.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.diagram.SharedPaths.Served;
import io.vpcportal.diagram.SharedPaths.Shares;
import io.vpcportal.diagram.SharedPaths.Spoke;
import io.vpcportal.diagram.SharedPaths.ViaHub;
import io.vpcportal.diagram.internal.DrawioExporter;
import io.vpcportal.diagram.internal.Figures;
import io.vpcportal.diagram.internal.GridLayout;
import io.vpcportal.diagram.internal.MermaidExporter;
import io.vpcportal.diagram.internal.NetworkModel;
import io.vpcportal.diagram.internal.NetworkModels;
import io.vpcportal.diagram.internal.NetworkModels.View;
import io.vpcportal.diagram.internal.RequestPlans;
import io.vpcportal.diagram.internal.SvgRenderer;
import io.vpcportal.inventory.VpcTopology;
import io.vpcportal.request.RequestDetails;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Paths through a hub VPC, as the {@link SharedPaths} extension point hands them to the diagrams: a spoke's service
 * reached via the hub over the Transit Gateway (with its measured GB, or none), a hub's spokes beside its shared
 * endpoint; and no extension answer leaves every format exactly as it was.
 */
class DiagramSharedPathsTests {

    private static final String SSM = "com.amazonaws.eu-west-1.ssm";

    @Test
    void noSharedPathsDrawEveryFormatExactlyAsBefore() {
        List<VpcTopology> vpcs = List.of(ReferenceVpcs.standard(), ReferenceVpcs.serverless(), ReferenceVpcs.partner());
        List<RequestDetails> requests = List.of(ReferenceVpcs.standardRequest(), ReferenceVpcs.serverlessRequest(),
                ReferenceVpcs.partnerRequest());
        for (int i = 0; i < vpcs.size(); i++) {
            VpcTopology vpc = vpcs.get(i);
            PlannedEndpoints plan = RequestPlans.of(requests.get(i));
            for (View view : View.values()) {
                NetworkModel before = NetworkModels.of(vpc, plan, view);
                NetworkModel none = NetworkModels.of(vpc, plan, view, Figures.NONE, Shares.NONE);
                assertThat(SvgRenderer.render(GridLayout.of(none))).isEqualTo(SvgRenderer.render(GridLayout.of(before)));
                assertThat(MermaidExporter.export(none)).isEqualTo(MermaidExporter.export(before));
                assertThat(DrawioExporter.export(GridLayout.of(none), vpc.vpcId()))
                        .isEqualTo(DrawioExporter.export(GridLayout.of(before), vpc.vpcId()));
            }
        }
    }

    @Test
    void aSpokeDrawsItsServiceViaTheHubOverTheTransitGatewayWithItsMeasuredGb() {
        Shares shares = new Shares(List.of(new ViaHub(SSM, "vpc-0hub", "444455556666", "tgw-0core",
                new BigDecimal("91.25"), "measured at vpce-0own: 3221225472 bytes on 1 day")), List.of());
        NetworkModel m = NetworkModels.of(ReferenceVpcs.serverless(), null, View.CURRENT, Figures.NONE, shares);
        String svg = SvgRenderer.render(GridLayout.of(m));

        SvgDiagram d = SvgDiagram.parse(svg);
        assertThat(d.ids("service")).contains("ssm");
        assertThat(d.byId("service", "ssm").getAttribute("data-id")).isEqualTo("ssm");
        assertThat(svg).contains(">via hub vpc-0hub<").contains(">over Transit Gateway tgw-0core<")
                .contains(">≈ 91 GB/month measured<")
                .contains("Traffic to ssm via hub vpc-0hub · over Transit Gateway tgw-0core · ≈ 91 GB/month measured "
                        + "(measured at vpce-0own: 3221225472 bytes on 1 day).");
        d.assertNoLabelsOverlap();
        assertThat(MermaidExporter.export(m)).contains("tgw_tgw_0core{{\"Transit Gateway tgw-0core\"}}")
                .contains("vpc_vpc_0pipeline -.- tgw_tgw_0core").contains("tgw_tgw_0core -.- hub_vpc_0hub")
                .contains("hub_vpc_0hub[\"hub VPC vpc-0hub\"]")
                .contains("hub_vpc_0hub ==>|\"via hub vpc-0hub · over Transit Gateway tgw-0core · ≈ 91 GB/month "
                        + "measured\"| svc_ssm");
    }

    @Test
    void withoutMeasuredDaysTheHubPathCarriesNoFigure() {
        Shares shares = new Shares(List.of(new ViaHub(SSM, "vpc-0hub", "444455556666", "tgw-0core", null, null)),
                List.of());
        NetworkModel m = NetworkModels.of(ReferenceVpcs.serverless(), null, View.CURRENT, Figures.NONE, shares);
        String svg = SvgRenderer.render(GridLayout.of(m));
        assertThat(svg).contains(">via hub vpc-0hub<").contains(">over Transit Gateway tgw-0core<")
                .doesNotContain("GB/month measured");
        assertThat(MermaidExporter.export(m))
                .contains("hub_vpc_0hub ==>|\"via hub vpc-0hub · over Transit Gateway tgw-0core\"| svc_ssm");
    }

    @Test
    void aHubListsItsSpokesBesideItsSharedEndpointAndCollapsesALongList() {
        List<Spoke> spokes = IntStream.rangeClosed(1, 11).mapToObj(i -> new Spoke("vpc-0s" + i, "22223333444" + (i % 10)))
                .toList();
        VpcTopology hub = withSsmEndpoint(ReferenceVpcs.serverless());
        Shares shares = new Shares(List.of(), List.of(new Served(SSM, "vpce-0hubssm", "tgw-0core", spokes)));
        NetworkModel m = NetworkModels.of(hub, null, View.CURRENT, Figures.NONE, shares);
        String svg = SvgRenderer.render(GridLayout.of(m));

        assertThat(svg).contains(">shared with 11 spokes over Transit Gateway tgw-0core<")
                .contains(">spoke vpc-0s1 · account 222233334441<").contains(">spoke vpc-0s8 · account 222233334448<")
                .doesNotContain(">spoke vpc-0s9 · ").contains(">+ 3 more spokes<")
                .contains("spoke vpc-0s11 · account 222233334441"); // in the tooltip and the description
        SvgDiagram.parse(svg).assertNoLabelsOverlap();
        assertThat(MermaidExporter.export(m)).contains("spokes_ssm[/\"ssm shared with 11 spokes over Transit Gateway "
                + "tgw-0core<br/>spoke vpc-0s1 · account 222233334441").contains("vpce_vpce_0hubssm -.- spokes_ssm");
    }

    private static VpcTopology withSsmEndpoint(VpcTopology vpc) {
        List<VpcTopology.Endpoint> endpoints = new ArrayList<>(vpc.endpoints());
        endpoints.add(new VpcTopology.Endpoint("vpce-0hubssm", SSM, "Interface", "available",
                "5b0c8f53-0000-4000-8000-000000000001", List.of(), List.of("subnet-0la", "subnet-0lb"),
                List.of("sg-0lambda")));
        return new VpcTopology(vpc.vpcId(), vpc.accountId(), vpc.region(), vpc.name(), vpc.cidr(), vpc.stale(),
                vpc.subnets(), vpc.routeTables(), vpc.natGateways(), vpc.securityGroups(), endpoints);
    }
}
