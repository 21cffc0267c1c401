package io.vpcportal.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminUsername name of the administrator created on first start when no administrator exists
 * @param adminPassword its password; when blank a random one is generated and printed once to the log
 */
@ConfigurationProperties("portal.identity")
public record IdentityProperties(String adminUsername, String adminPassword) {

    public IdentityProperties {
        if (adminUsername == null || adminUsername.isBlank()) {
            adminUsername = "admin";
        }
    }
}
