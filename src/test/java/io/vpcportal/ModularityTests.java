package io.vpcportal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** The module boundaries (docs/architecture.md): no cycles, and no module reaches into another's internal packages. */
class ModularityTests {

    private final ApplicationModules modules = PortalModules.ALL;

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theExpectedModulesAreDetected() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("shared", "platform", "identity", "account", "catalog", "request", "demo");
    }
}
