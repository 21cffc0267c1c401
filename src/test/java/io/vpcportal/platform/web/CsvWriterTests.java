package io.vpcportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OWASP rule for CSV injection, one bypass per case. */
class CsvWriterTests {

    @ParameterizedTest(name = "[{0}] is written [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain|`\"plain\"`",
            "``|`\"\"`",
            "a,b|`\"a,b\"`",
            "say \"hi\"|`\"say \"\"hi\"\"\"`",
            "=1+1|`\"'=1+1\"`",
            "+1|`\"'+1\"`",
            "-1|`\"'-1\"`",
            "@SUM(A1)|`\"'@SUM(A1)\"`",
            "a=b|`\"a=b\"`",
            "'quoted|`\"'quoted\"`",
            // blanks before the formula: spreadsheets trim them
            "`   =1+1`|`\"'   =1+1\"`",
            // after a separator a spreadsheet may split the cell on
            "a;=cmd|`\"a;'=cmd\"`",
            "a,=cmd|`\"a,'=cmd\"`",
            "a; -2+3|`\"a;' -2+3\"`",
            "1-2|`\"1-2\"`"})
    void textCellsAreQuotedAndCannotStartAFormula(String value, String expected) {
        assertThat(line(value)).isEqualTo(expected + "\r\n");
    }

    @Test
    void controlCharactersAndLineBreaksCannotStartAFormula() {
        assertThat(line("\t=cmd")).isEqualTo("\"'\t'=cmd\"\r\n");
        assertThat(line("\r=cmd")).isEqualTo("\"'\r'=cmd\"\r\n");
        assertThat(line("\tplain")).isEqualTo("\"'\tplain\"\r\n");
        assertThat(line("two\nlines")).isEqualTo("\"two\nlines\"\r\n");
        assertThat(line("ok\n=HYPERLINK(\"x\")")).isEqualTo("\"ok\n'=HYPERLINK(\"\"x\"\")\"\r\n");
        assertThat(line("ok\r\n+1")).isEqualTo("\"ok\r\n'+1\"\r\n");
        assertThat(line("a\t-1")).isEqualTo("\"a\t'-1\"\r\n");
        assertThat(line("a|@SUM(A1)")).isEqualTo("\"a|'@SUM(A1)\"\r\n");
    }

    @Test
    void numbersAreWrittenAsNumbersAndNegativeOnesStayNumbers() {
        assertThat(line(new BigDecimal("-3.20"), 7, -2L, new BigDecimal("1E+3"), "-3.20"))
                .isEqualTo("-3.20,7,-2,1000,\"'-3.20\"\r\n");
    }

    @Test
    void nullIsEmptyTextAndEveryLineEndsWithCrLf() {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        csv.line(List.of("id", "name"));
        csv.line(Arrays.asList(1, null));
        assertThat(out).hasToString("\"id\",\"name\"\r\n1,\"\"\r\n");
    }

    private static String line(Object... cells) {
        StringWriter out = new StringWriter();
        new CsvWriter(out).line(Arrays.asList(cells));
        return out.toString();
    }
}
