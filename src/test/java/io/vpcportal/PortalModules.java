package io.vpcportal;

import org.springframework.modulith.core.ApplicationModules;

/** The portal's application modules, read once per test JVM for every test that looks at them (it takes seconds). */
final class PortalModules {

    static final ApplicationModules ALL = ApplicationModules.of(PortalApplication.class);

    private PortalModules() {
    }
}
