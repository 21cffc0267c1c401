package io.vpcportal.platform.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL that runs when no {@code spring.datasource.url} is configured.
 *
 * @param dir  data directory; kept between restarts. Blank means a throw-away directory (tests).
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 */
@ConfigurationProperties("portal.embedded-db")
public record EmbeddedDatabaseProperties(String dir, int port) {

    public EmbeddedDatabaseProperties {
        if (dir == null) {
            dir = "./data/postgres";
        }
    }

    boolean ephemeral() {
        return dir.isBlank();
    }
}
