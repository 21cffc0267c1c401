package io.vpcportal.audit.internal;

import io.vpcportal.platform.CanonicalJsonWriter;
import io.vpcportal.audit.AuditAction;
import io.vpcportal.audit.AuditSubjectType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes one audit row in the caller's transaction. States are stored as canonical JSON (properties and map
 * keys sorted, ISO-8601 instants) so that the same state always reads, diffs and hashes the same. Callers
 * pass only what may be shown to admins: no passwords, tokens or unmasked external ids. One plain insert: the row
 * is never read back as an entity ({@link io.vpcportal.audit.AuditTrail} reads with SQL), and the ORM's persist of
 * it cost as much CPU as the statement (bench/README.md, "A leaner create").
 */
@Component
class AuditWriter {


    private static final int MAX_ACTOR = 64;
    private static final int MAX_SUBJECT_ID = 100;

    private static final String INSERT = "insert into audit_event (occurred_at, actor, action, subject_type, "
            + "subject_id, before_state, after_state, detail) values (?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    AuditWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(Instant at, String actor, AuditAction action, AuditSubjectType subjectType, String subjectId,
            Object before, Object after, String detail) {
        String who = clip(actor == null || actor.isBlank() ? "unknown" : actor, MAX_ACTOR);
        String beforeJson = json(before);
        String afterJson = json(after);
        // typed setters: a null goes as a typed null, without asking the driver for the parameter's type first
        jdbc.update(INSERT, ps -> {
            ps.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setString(2, who);
            ps.setString(3, action.name());
            ps.setString(4, subjectType.name());
            ps.setString(5, clip(subjectId, MAX_SUBJECT_ID));
            ps.setString(6, beforeJson);
            ps.setString(7, afterJson);
            ps.setString(8, detail);
        });
    }

    /** A state given as alternating names and values; values may be null (unlike {@code Map.of}). */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new TreeMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    static String json(Object state) {
        return state == null ? null : CanonicalJsonWriter.write(state);
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
