package io.vpcportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The audit trail and the webhooks sit at the edge: they listen to every other module, and no module may
 * depend on them (nor they on each other), so that either can be removed or replaced alone.
 */
class AuditAndNotificationModulesTests {

    static final List<String> EDGE = List.of("audit", "notification");
    static final ApplicationModules MODULES = PortalModules.ALL;

    @Test
    void theirOwnDependenciesRespectTheOtherModulesApis() {
        EDGE.forEach(name -> MODULES.getModuleByName(name)
                .orElseThrow(() -> new AssertionError("No module " + name))
                .verifyDependencies(MODULES));
    }

    @Test
    void nobodyDependsOnThem() {
        for (ApplicationModule module : MODULES.stream().toList()) {
            for (String edge : EDGE) {
                if (!module.getName().equals(edge)) {
                    assertThat(module.getDependencies(MODULES).containsModuleNamed(edge))
                            .as(module.getName() + " depends on " + edge).isFalse();
                }
            }
        }
    }
}
