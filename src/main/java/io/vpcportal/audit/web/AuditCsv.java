package io.vpcportal.audit.web;

import io.vpcportal.audit.AuditEntry;
import io.vpcportal.platform.web.CsvWriter;
import java.io.Writer;
import java.util.List;

/** Audit rows as CSV, written by the portal's {@link CsvWriter} (formula-like cells stay text). */
final class AuditCsv {

    static final List<String> HEADER = List.of("id", "occurred_at", "actor", "action", "subject_type", "subject_id",
            "before", "after", "detail");

    private final CsvWriter csv;

    AuditCsv(Writer out) {
        this.csv = new CsvWriter(out);
    }

    void header() {
        csv.line(HEADER);
    }

    void row(AuditEntry e) {
        csv.line(List.of(e.id(), e.occurredAt().toString(), nullToEmpty(e.actor()), e.action(),
                e.subjectType(), e.subjectId(), nullToEmpty(e.before()), nullToEmpty(e.after()),
                nullToEmpty(e.detail())));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
