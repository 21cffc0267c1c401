package io.vpcportal.audit;

import java.time.Instant;

/**
 * One row of the audit trail. {@code before} and {@code after} are canonical JSON (keys sorted), null when
 * there was nothing before (a creation) or nothing to show.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String subjectType,
        String subjectId, String before, String after, String detail) {
}
