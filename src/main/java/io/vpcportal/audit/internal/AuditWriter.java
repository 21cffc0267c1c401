package io.vpcportal.audit.internal;

import io.vpcportal.platform.CanonicalJsonWriter;
import io.vpcportal.audit.AuditAction;
import io.vpcportal.audit.AuditSubjectType;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Writes one audit row in the caller's transaction. States are stored as canonical JSON (properties and map
 * keys sorted, ISO-8601 instants) so that the same state always reads, diffs and hashes the same. Callers
 * pass only what may be shown to admins: no passwords, tokens or unmasked external ids.
 */
@Component
class AuditWriter {


    private static final int MAX_ACTOR = 64;
    private static final int MAX_SUBJECT_ID = 100;

    private final AuditEventRepository events;

    AuditWriter(AuditEventRepository events) {
        this.events = events;
    }

    void write(Instant at, String actor, AuditAction action, AuditSubjectType subjectType, String subjectId,
            Object before, Object after, String detail) {
        events.save(new AuditEvent(at, clip(actor == null || actor.isBlank() ? "unknown" : actor, MAX_ACTOR),
                action.name(), subjectType.name(), clip(subjectId, MAX_SUBJECT_ID), json(before), json(after),
                detail));
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
