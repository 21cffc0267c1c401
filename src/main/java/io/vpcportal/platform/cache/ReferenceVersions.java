package io.vpcportal.platform.cache;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The committed version of each kind of reference data an instance caches ({@code catalog}, {@code account},
 * {@code identity}, {@code savings}). Triggers move a version in the same transaction as any change to its tables, so
 * reading it is how every instance learns at once that its cached copy is out of date: one primary-key read, inside
 * the caller's transaction when there is one; inside {@link #readingOnce} one read of all of them for the whole work.
 */
@Component
public class ReferenceVersions {

    private final JdbcTemplate jdbc;
    private final ThreadLocal<Map<String, Long>> readOnce = new ThreadLocal<>();

    ReferenceVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The committed version of {@code name}; fails if the name has no counter (a missing migration). */
    public long current(String name) {
        Map<String, Long> once = readOnce.get();
        Long version;
        if (once != null) {
            if (once.isEmpty()) {
                jdbc.query("select name, version from reference_version",
                        (RowCallbackHandler) rs -> once.put(rs.getString(1), rs.getLong(2)));
            }
            version = once.get(name);
        } else {
            version = jdbc.query("select version from reference_version where name = ?",
                    rs -> rs.next() ? rs.getLong(1) : null, name);
        }
        if (version == null) {
            throw new IllegalStateException("No reference_version row '" + name + "'");
        }
        return version;
    }

    /**
     * Runs {@code work} with the versions read once: the first look-up inside it reads every counter in one statement,
     * and the later ones, on this thread, answer from that read. For work that checks several kinds of reference data
     * and changes none of them, such as a create (its account, then each of its templates): one round trip instead
     * of one per look-up, and every check against the versions of one moment, as committed when the first look-up
     * ran. Work that changes reference data must not run inside it, since it would not see its own change.
     */
    public <T> T readingOnce(Supplier<T> work) {
        if (readOnce.get() != null) {
            return work.get();
        }
        readOnce.set(new HashMap<>());
        try {
            return work.get();
        } finally {
            readOnce.remove();
        }
    }
}
