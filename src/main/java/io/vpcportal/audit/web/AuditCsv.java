package io.vpcportal.audit.web;

import io.vpcportal.audit.AuditEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Audit rows as RFC 4180 CSV (CRLF line ends, fields with commas, quotes or line breaks quoted, quotes
 * doubled). Cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return)
 * get a leading single quote, so that an actor name such as {@code =HYPERLINK(…)} stays text.
 */
final class AuditCsv {

    static final List<String> HEADER = List.of("id", "occurred_at", "actor", "action", "subject_type", "subject_id",
            "before", "after", "detail");

    private final Writer out;

    AuditCsv(Writer out) {
        this.out = out;
    }

    void header() {
        line(HEADER);
    }

    void row(AuditEntry e) {
        line(List.of(Long.toString(e.id()), e.occurredAt().toString(), nullToEmpty(e.actor()), e.action(),
                e.subjectType(), e.subjectId(), nullToEmpty(e.before()), nullToEmpty(e.after()),
                nullToEmpty(e.detail())));
    }

    private void line(List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(String value) {
        String text = neutralised(value);
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static String neutralised(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
