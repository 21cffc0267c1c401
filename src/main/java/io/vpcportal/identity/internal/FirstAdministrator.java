package io.vpcportal.identity.internal;

import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.identity.IdentityProperties;
import io.vpcportal.identity.Role;
import io.vpcportal.shared.TeamId;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A new installation needs someone to sign in as. When no administrator exists, one is created from
 * {@code PORTAL_ADMIN_PASSWORD}, or with a generated password that is printed once.
 */
@Component
@Order(100)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final IdentityManagement identity;
    private final IdentityProperties properties;

    FirstAdministrator(IdentityManagement identity, IdentityProperties properties) {
        this.identity = identity;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identity.anyUserHasRole(Role.ADMIN)) {
            return;
        }
        boolean generated = properties.adminPassword() == null || properties.adminPassword().isBlank();
        String password = generated ? randomPassword() : properties.adminPassword();
        identity.ensureTeam(new TeamId("platform"), "Platform");
        identity.createUser(properties.adminUsername(), "Administrator", password,
                Set.of(Role.ADMIN, Role.APPROVER, Role.REQUESTER), Set.of(new TeamId("platform")));
        if (generated) {
            // printed once on purpose: the operator has no other way to learn it
            log.warn("Created administrator '{}' with the generated password: {}  (set PORTAL_ADMIN_PASSWORD to choose it)",
                    properties.adminUsername(), password);
        } else {
            log.info("Created administrator '{}' with the password from PORTAL_ADMIN_PASSWORD", properties.adminUsername());
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
