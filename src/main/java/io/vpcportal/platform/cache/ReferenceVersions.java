package io.vpcportal.platform.cache;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The committed version of each kind of reference data an instance caches ({@code catalog}, {@code account},
 * {@code identity}). Triggers move a version in the same transaction as any change to its tables, so reading it is
 * how every instance learns at once that its cached copy is out of date: one primary-key read, inside the caller's
 * transaction when there is one.
 */
@Component
public class ReferenceVersions {

    private final JdbcTemplate jdbc;

    ReferenceVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The committed version of {@code name}; fails if the name has no counter (a missing migration). */
    public long current(String name) {
        Long version = jdbc.query("select version from reference_version where name = ?",
                rs -> rs.next() ? rs.getLong(1) : null, name);
        if (version == null) {
            throw new IllegalStateException("No reference_version row '" + name + "'");
        }
        return version;
    }
}
