package io.vpcportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
 * {@code -Dmodules.docs.write=true} and commit the diff. The Documenter writes the components and relations of a
 * diagram in no fixed order, so each run of {@code Component(…)} or {@code Rel(…)} lines is kept sorted. It also labels
 * a dependency on another module's bean "uses" or "depends on" depending on how much of Spring's classes the JVM had
 * loaded before (the full test run and a run of this test alone differ), so both read "depends on" here; "listens to"
 * stays.
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
                Files.writeString(COMMITTED.resolve(name), canonical(Files.readString(GENERATED.resolve(name))));
            }
        }
        assertThat(diagramsIn(COMMITTED)).as("diagrams in %s; regenerate with -D%s=true", COMMITTED, WRITE_PROPERTY)
                .isEqualTo(generated);
        for (String name : generated) {
            assertThat(canonical(Files.readString(COMMITTED.resolve(name))))
                    .as("%s is stale; regenerate with -D%s=true and commit it", COMMITTED.resolve(name), WRITE_PROPERTY)
                    .isEqualTo(canonical(Files.readString(GENERATED.resolve(name))));
        }
    }

    /**
     * The diagram with each run of component or relation lines sorted, "uses" read as "depends on", no repeats, and
     * no plain dependency beside a "listens to" of the same pair.
     */
    static String canonical(String diagram) {
        List<String> lines = new ArrayList<>(List.of(diagram.split("\n", -1)).stream()
                .map(l -> l.strip().startsWith("Rel(") ? l.replace(", \"uses\", ", ", \"depends on\", ") : l).toList());
        int start = 0;
        while (start < lines.size()) {
            String kind = kind(lines.get(start));
            int end = start + 1;
            while (kind != null && end < lines.size() && kind.equals(kind(lines.get(end)))) {
                end++;
            }
            if (kind != null) {
                List<String> run = lines.subList(start, end);
                // a pair that "listens to" may or may not also get a plain dependency line: the listening one says it
                Set<String> listening = run.stream().filter(l -> l.contains(", \"listens to\", "))
                        .map(l -> l.substring(0, l.indexOf(", \"listens to\", "))).collect(Collectors.toSet());
                List<String> sorted = new ArrayList<>(new TreeSet<>(run.stream().filter(l -> !(l.contains(
                        ", \"depends on\", ") && listening.contains(l.substring(0, l.indexOf(", \"depends on\", ")))))
                        .toList()));
                run.clear();
                run.addAll(sorted);
                end = start + sorted.size();
            }
            start = end;
        }
        return String.join("\n", lines);
    }

    private static String kind(String line) {
        String element = line.strip();
        return element.startsWith("Rel(") ? "Rel" : element.startsWith("Component(") ? "Component" : null;
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
