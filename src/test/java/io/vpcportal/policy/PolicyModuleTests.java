package io.vpcportal.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.vpcportal.PortalApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** The policy module's place among the modules: the request module will depend on it, never the reverse. */
class PolicyModuleTests {

    private static final ApplicationModules MODULES = withoutLibraryClasses(() -> ApplicationModules.of(PortalApplication.class));

    @Test
    void everyModuleRespectsItsBoundaries() {
        MODULES.verify();
    }

    @Test
    void policyDependsOnlyOnSharedPlatformAndAccount() {
        ApplicationModule policy = MODULES.getModuleByName("policy").orElseThrow();
        assertThat(policy.getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getName))
                .isSubsetOf("shared", "platform", "account")
                .doesNotContain("request");
    }

    @Test
    void onlyAwsPackagesUseTheAwsSdk() {
        JavaClasses main = withoutLibraryClasses(() -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.vpcportal"));
        noClasses().that().resideOutsideOfPackage("..aws..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .because("SDK types stay in the adapters (docs/architecture.md)")
                .check(main);
    }

    /**
     * Imports only the portal's own classes: dependencies on libraries (the AWS SDK among them) are recorded by
     * name without loading the libraries, which keeps the import fast. The global setting is restored after.
     */
    private static <T> T withoutLibraryClasses(java.util.function.Supplier<T> importer) {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            return importer.get();
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }
}
