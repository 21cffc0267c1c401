package io.vpcportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;
import org.springframework.modulith.docs.Documenter.Options;

/**
 * The module diagrams in {@code docs/modules/} are the ones Spring Modulith's {@link Documenter} generates from the
 * code now (C4 component diagrams in PlantUML: all modules in {@code components.puml}, one file per module with the
 * modules it uses). A module or a dependency added without regenerating them fails here. Regenerate with
 * {@code -Dmodules.docs.write=true} (or copy the files from {@code target/modulith-docs/}) and commit the diff.
 */
class ModuleDocumentationTests {

    /** System property that writes the generated diagrams into {@code docs/modules/}. */
    static final String WRITE_PROPERTY = "modules.docs.write";

    private static final Path COMMITTED = Path.of("docs", "modules");
    private static final Path GENERATED = Path.of("target", "modulith-docs");

    @Test
    void theCommittedModuleDiagramsAreTheGeneratedOnes() throws IOException {
        DiagramOptions c4 = DiagramOptions.defaults().withStyle(DiagramStyle.C4);
        new Documenter(PortalModules.ALL,
                Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml(c4)
                .writeIndividualModulesAsPlantUml(c4);
        List<String> generated = diagramsIn(GENERATED);
        assertThat(generated).contains("components.puml", "module-request.puml");
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            Files.createDirectories(COMMITTED);
            for (String stale : diagramsIn(COMMITTED)) {
                Files.delete(COMMITTED.resolve(stale));
            }
            for (String name : generated) {
                Files.copy(GENERATED.resolve(name), COMMITTED.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertThat(diagramsIn(COMMITTED)).as("diagrams in %s; regenerate with -D%s=true", COMMITTED, WRITE_PROPERTY)
                .isEqualTo(generated);
        for (String name : generated) {
            assertThat(Files.readString(COMMITTED.resolve(name)))
                    .as("%s is stale; regenerate with -D%s=true and commit it", COMMITTED.resolve(name), WRITE_PROPERTY)
                    .isEqualTo(Files.readString(GENERATED.resolve(name)));
        }
    }

    private static List<String> diagramsIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".puml")).sorted().toList();
        }
    }
}
