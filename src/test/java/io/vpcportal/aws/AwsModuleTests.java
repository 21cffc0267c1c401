package io.vpcportal.aws;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.vpcportal.MotoAccounts;
import io.vpcportal.PortalApplication;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The {@code aws} module is the one way into AWS (docs/architecture.md, "AWS access"): the SDK is used only by it and
 * by the feature modules' {@code aws} adapter packages; only the module builds SDK clients and credentials; its client
 * factory, which hands out SDK types, is used only by adapters; and it depends on no feature module. Each rule is also
 * run against a class known to break it (a test fixture that builds its own clients), so that a rule that matches
 * nothing cannot pass unnoticed.
 */
class AwsModuleTests {

    private static final String[] AWS_PACKAGES = {"io.vpcportal.aws..", "io.vpcportal.*.aws.."};

    private static final JavaClasses MAIN = withoutLibraryClasses(() -> new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.vpcportal"));

    /** The SDK in the {@code aws} module and the {@code aws} adapter packages only. */
    static final ArchRule SDK_ONLY_IN_AWS_PACKAGES = noClasses().that().resideOutsideOfPackages(AWS_PACKAGES)
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
            .because("SDK types stay in the aws module and the modules' aws adapters");

    /** Credentials, role assumption, HTTP clients, retry settings and client builders belong to the aws module. */
    static final ArchRule CLIENTS_AND_CREDENTIALS_ONLY_IN_AWS_MODULE = noClasses().that()
            .resideOutsideOfPackage("io.vpcportal.aws..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk.auth.credentials..",
                    "software.amazon.awssdk.services.sts.auth..", "software.amazon.awssdk.http..",
                    "software.amazon.awssdk.core.retry..", "software.amazon.awssdk.retries..",
                    "software.amazon.awssdk.awscore.retry..")
            .orShould().callMethodWhere(target(name("builder")).and(target(owner(simpleNameEndingWith("Client")))))
            .because("one cache of assumed roles and one set of clients per (account, region, type): AwsClients");

    @Test
    void onlyTheAwsModuleAndTheAwsAdaptersUseTheSdk() {
        SDK_ONLY_IN_AWS_PACKAGES.check(MAIN);
    }

    @Test
    void onlyTheAwsModuleBuildsClientsAndCredentials() {
        CLIENTS_AND_CREDENTIALS_ONLY_IN_AWS_MODULE.check(MAIN);
    }

    @Test
    void theClientFactoryIsUsedOnlyByAwsAdapters() {
        noClasses().that().resideOutsideOfPackages(AWS_PACKAGES)
                .should().dependOnClassesThat().belongToAnyOf(AwsClients.class)
                .because("AwsClients hands out SDK types")
                .check(MAIN);
        assertThat(MAIN.stream().filter(c -> c.getPackageName().matches("io\\.vpcportal\\.\\w+\\.aws"))
                .filter(c -> c.getDirectDependenciesFromSelf().stream()
                        .anyMatch(d -> d.getTargetClass().isEquivalentTo(AwsClients.class)))
                .map(c -> c.getPackageName()).distinct())
                .as("the feature modules' adapters that obtain their clients from AwsClients")
                .contains("io.vpcportal.provisioning.aws", "io.vpcportal.inventory.aws", "io.vpcportal.savings.aws",
                        "io.vpcportal.organization.aws");
    }

    @Test
    void theAwsModuleDependsOnNoFeatureModule() {
        noClasses().that().resideInAPackage("io.vpcportal.aws..")
                .should().dependOnClassesThat(resideInAPackage("io.vpcportal..")
                        .and(resideOutsideOfPackage("io.vpcportal.aws..")))
                .check(MAIN);
        ApplicationModules modules = withoutLibraryClasses(() -> ApplicationModules.of(PortalApplication.class));
        ApplicationModule aws = modules.getModuleByName("aws").orElseThrow();
        assertThat(aws.getDirectDependencies(modules).uniqueModules().map(ApplicationModule::getName)).isEmpty();
    }

    @Test
    void theRulesCatchAClassThatBuildsItsOwnClients() {
        // a test fixture outside any aws package that builds STS and EC2 clients and assumes roles itself
        JavaClasses fixture = withoutLibraryClasses(() -> new ClassFileImporter().importClasses(MotoAccounts.class));

        assertThatThrownBy(() -> SDK_ONLY_IN_AWS_PACKAGES.check(fixture)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("software.amazon.awssdk");
        assertThatThrownBy(() -> CLIENTS_AND_CREDENTIALS_ONLY_IN_AWS_MODULE.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("StsAssumeRoleCredentialsProvider").hasMessageContaining("Ec2Client.builder()");
    }

    /** Imports only the portal's own classes; library dependencies are recorded by name, which keeps it fast. */
    private static <T> T withoutLibraryClasses(Supplier<T> importer) {
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
