package io.vpcportal.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.diagram.internal.DrawioExporter;
import io.vpcportal.diagram.internal.GridLayout;
import io.vpcportal.diagram.internal.Layout;
import io.vpcportal.diagram.internal.NetworkModels;
import io.vpcportal.diagram.internal.NetworkModels.View;
import io.vpcportal.diagram.internal.RequestPlans;
import io.vpcportal.diagram.internal.SvgRenderer;
import io.vpcportal.inventory.VpcTopology;
import io.vpcportal.request.RequestDetails;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the laid-out diagrams byte for byte: the SVG and the draw.io export of the three reference VPCs in every view,
 * and of a large VPC (40 subnets, 60 endpoints) whose grid collapses. A change to the layout that moves anything fails here; when the change is
 * meant, rewrite the files under {@code src/test/resources/diagram/golden} with {@code -Ddiagram.golden.write=true}
 * and review their diff.
 */
class DiagramGoldenOutputTests {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "diagram", "golden");

    static Stream<Arguments> diagrams() {
        return Stream.concat(Stream.of(View.values()).flatMap(view -> Stream.of(
                Arguments.of("standard", ReferenceVpcs.standard(), ReferenceVpcs.standardRequest(), view),
                Arguments.of("serverless", ReferenceVpcs.serverless(), ReferenceVpcs.serverlessRequest(), view),
                Arguments.of("partner", ReferenceVpcs.partner(), ReferenceVpcs.partnerRequest(), view))),
                Stream.of(Arguments.of("large", ReferenceVpcs.large(40, 60), null, View.CURRENT)));
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("diagrams")
    void layoutRendersAsPinned(String name, VpcTopology vpc, RequestDetails request, View view) throws IOException {
        Layout layout = GridLayout.of(NetworkModels.of(vpc, request == null ? null : RequestPlans.of(request), view));
        String base = name + "-" + view.name().toLowerCase(Locale.ROOT);
        same(base + ".svg", SvgRenderer.render(layout));
        same(base + ".drawio", DrawioExporter.export(layout, vpc.vpcId()));
    }

    private static void same(String file, String actual) throws IOException {
        Path golden = GOLDEN.resolve(file);
        if (Boolean.getBoolean("diagram.golden.write")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file %s (write it with -Ddiagram.golden.write=true)", golden).exists();
        assertThat(actual).as("%s as pinned", file).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
