package io.vpcportal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A module's API is the public types of its base package (the facades, events and value types other modules
 * use); everything else belongs in its {@code internal} or {@code web} packages. The ceilings below are today's
 * counts: a change that adds a public type to a module's API fails here, and has to say so by raising the ceiling
 * (or, better, keep the type internal). Lower a ceiling when a type moves out of an API.
 */
class ModulePublicTypesTests {

    /**
     * module to the most public top-level types its base package may hold (diagram 5: its extension point
     * {@code SharedPaths}, which the sharing module implements, is API by nature)
     */
    static final Map<String, Integer> CEILINGS = new TreeMap<>(Map.ofEntries(
            Map.entry("account", 7), Map.entry("approval", 19), Map.entry("aws", 8), Map.entry("audit", 6), Map.entry("catalog", 9),
            Map.entry("demo", 0), Map.entry("diagram", 5), Map.entry("home", 0), Map.entry("identity", 15),
            Map.entry("inventory", 26), Map.entry("notification", 16), Map.entry("organization", 10),
            Map.entry("platform", 12), Map.entry("policy", 20), Map.entry("provisioning", 12),
            Map.entry("request", 29), Map.entry("savings", 16), Map.entry("shared", 5),
            Map.entry("sharing", 7)));

    @Test
    void noModuleApiGrowsPastItsCeiling() {
        Map<String, Set<String>> api = new TreeMap<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vpcportal")) {
            String pkg = type.getPackageName();
            if (!pkg.startsWith("io.vpcportal.") || pkg.indexOf('.', "io.vpcportal.".length()) >= 0
                    || !type.isTopLevelClass() || !type.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            api.computeIfAbsent(pkg.substring("io.vpcportal.".length()), m -> new TreeSet<>()).add(type.getSimpleName());
        }
        assertThat(CEILINGS.keySet()).as("every module has a ceiling (add one for a new module)")
                .containsAll(api.keySet());
        api.forEach((module, types) -> assertThat(types.size())
                .as("public types of module %s: %s", module, types).isLessThanOrEqualTo(CEILINGS.get(module)));
    }
}
