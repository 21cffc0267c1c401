package io.vpcportal.audit;

import java.time.Instant;

/** Criteria of an audit query; null or blank criteria match everything. {@code to} is exclusive. */
public record AuditFilter(String actor, String action, String subjectType, String subjectId, Instant from,
        Instant to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
