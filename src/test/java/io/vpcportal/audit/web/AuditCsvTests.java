package io.vpcportal.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.audit.AuditEntry;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditCsvTests {

    @Test
    void writesAHeaderAndOneCrlfTerminatedLinePerEntryWithTheIdAsANumber() {
        StringWriter out = new StringWriter();
        AuditCsv csv = new AuditCsv(out);
        csv.header();
        csv.row(new AuditEntry(7, Instant.parse("2025-01-31T08:00:00Z"), "=ada", "ACCOUNT_CHANGED", "ACCOUNT",
                "111111111111", "{\"name\":\"a\"}", null, "note, with comma; -1"));
        assertThat(out.toString()).isEqualTo(
                "\"id\",\"occurred_at\",\"actor\",\"action\",\"subject_type\",\"subject_id\",\"before\",\"after\",\"detail\"\r\n"
                        + "7,\"2025-01-31T08:00:00Z\",\"'=ada\",\"ACCOUNT_CHANGED\",\"ACCOUNT\",\"111111111111\","
                        + "\"{\"\"name\"\":\"\"a\"\"}\",\"\",\"note, with comma;' -1\"\r\n");
    }
}
