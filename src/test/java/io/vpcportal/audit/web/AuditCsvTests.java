package io.vpcportal.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.audit.AuditEntry;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AuditCsvTests {

    @ParameterizedTest(name = "[{0}] becomes [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain|plain",
            "``|``",
            "a,b|`\"a,b\"`",
            "say \"hi\"|`\"say \"\"hi\"\"\"`",
            "=1+1|'=1+1",
            "+1|'+1",
            "-1|'-1",
            "@SUM(A1)|'@SUM(A1)",
            "=A1,B1|`\"'=A1,B1\"`",
            "a=b|a=b",
            "'quoted|'quoted"})
    void quotesWhatNeedsQuotingAndNeutralisesFormulas(String value, String expected) {
        assertThat(AuditCsv.cell(value)).isEqualTo(expected);
    }

    @Test
    void lineBreaksAndLeadingControlCharactersAreQuotedOrNeutralised() {
        assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditCsv.cell("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        assertThat(AuditCsv.cell("\t=cmd")).isEqualTo("'\t=cmd");
        assertThat(AuditCsv.cell("\r=cmd")).isEqualTo("\"'\r=cmd\"");
    }

    @Test
    void writesAHeaderAndOneCrlfTerminatedLinePerEntry() {
        StringWriter out = new StringWriter();
        AuditCsv csv = new AuditCsv(out);
        csv.header();
        csv.row(new AuditEntry(7, Instant.parse("2025-01-31T08:00:00Z"), "ada", "ACCOUNT_CHANGED", "ACCOUNT",
                "111111111111", "{\"name\":\"a\"}", null, "note, with comma"));
        assertThat(out.toString()).isEqualTo(
                "id,occurred_at,actor,action,subject_type,subject_id,before,after,detail\r\n"
                        + "7,2025-01-31T08:00:00Z,ada,ACCOUNT_CHANGED,ACCOUNT,111111111111,\"{\"\"name\"\":\"\"a\"\"}\",,"
                        + "\"note, with comma\"\r\n");
    }
}
