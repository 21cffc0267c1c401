package io.vpcportal.platform.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL that runs when no {@code spring.datasource.url} is configured. The defaults fit a
 * small portal on a small machine (see docs/operations.md for the measurements behind them).
 *
 * @param dir            data directory; kept between restarts. Blank means a throw-away directory (tests).
 * @param port           TCP port on 127.0.0.1; 0 picks a free one
 * @param poolSize       connections the portal keeps to it (Hikari's maximum pool size)
 * @param maxConnections PostgreSQL's {@code max_connections}: the pool, plus room for psql, backups and benchmarks
 * @param sharedBuffers  PostgreSQL's {@code shared_buffers}, e.g. {@code 32MB}
 * @param workMem        PostgreSQL's {@code work_mem} per sort or hash, e.g. {@code 4MB}
 */
@ConfigurationProperties("portal.embedded-db")
public record EmbeddedDatabaseProperties(String dir, int port, Integer poolSize, Integer maxConnections,
        String sharedBuffers, String workMem) {

    public EmbeddedDatabaseProperties {
        if (dir == null) {
            dir = "./data/postgres";
        }
        poolSize = poolSize == null ? 20 : poolSize;
        maxConnections = maxConnections == null ? 100 : maxConnections;
        sharedBuffers = sharedBuffers == null || sharedBuffers.isBlank() ? "32MB" : sharedBuffers.strip();
        workMem = workMem == null || workMem.isBlank() ? "4MB" : workMem.strip();
        if (poolSize < 1 || maxConnections < poolSize + 3) {
            throw new IllegalArgumentException("portal.embedded-db.pool-size must be at least 1 and "
                    + "portal.embedded-db.max-connections at least the pool size + 3 (PostgreSQL keeps 3 for itself)");
        }
    }

    boolean ephemeral() {
        return dir.isBlank();
    }
}
