package io.vpcportal.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminUsername name of the administrator created on first start when no administrator exists
 * @param adminPassword its password; when blank a random one is generated and printed once to the log
 * @param formLogin whether the browser login page offers the username and password form; with single sign-on
 *        configured it stays on by default so that the first administrator can always get in (break glass)
 */
@ConfigurationProperties("portal.identity")
public record IdentityProperties(String adminUsername, String adminPassword, @DefaultValue("true") boolean formLogin) {

    public IdentityProperties {
        if (adminUsername == null || adminUsername.isBlank()) {
            adminUsername = "admin";
        }
    }
}
