package io.vpcportal.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Rows as RFC 4180 CSV for the portal's downloads, by the OWASP rule for CSV injection. Cells are typed: a
 * {@link Number} is written as a number ({@code -3.20} stays a negative number), every other cell is text, always
 * quoted, with its quotes doubled. A text cell that would start a formula in a spreadsheet is neutralised with a
 * leading single quote: when it starts with {@code =}, {@code +}, {@code -}, {@code @} (after leading blanks), a tab
 * or a carriage return, and also where such a character follows a separator a spreadsheet may split the cell on
 * ({@code ,} {@code ;} {@code |} tab or a line break): {@code a;=cmd} becomes {@code a;'=cmd}. Names such as
 * {@code =HYPERLINK(…)} come from users or from AWS accounts' tags, so no text is trusted. A null cell is empty text.
 */
public final class CsvWriter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setQuoteMode(QuoteMode.NON_NUMERIC)
            .setRecordSeparator("\r\n")
            .get();
    private static final String FORMULA_STARTS = "=+-@";
    private static final String SEPARATORS = ",;|\t\r\n";

    private final CSVPrinter printer;

    public CsvWriter(Writer out) {
        try {
            this.printer = new CSVPrinter(out, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line; a cell is a {@link Number} (written as a number) or anything else (written as text). */
    public void line(List<?> cells) {
        try {
            for (Object cell : cells) {
                printer.print(typed(cell));
            }
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object typed(Object cell) {
        if (cell instanceof BigDecimal decimal) {
            return new PlainNumber(decimal.toPlainString());
        }
        if (cell instanceof Number number) {
            return number;
        }
        return neutralised(cell == null ? "" : cell.toString());
    }

    /** The text as a spreadsheet will show it, never as a formula. */
    public static String neutralised(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        boolean segmentStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (segmentStart && startsFormula(text, i)) {
                out.append('\'');
            }
            out.append(c);
            segmentStart = SEPARATORS.indexOf(c) >= 0;
        }
        return out.toString();
    }

    private static boolean startsFormula(String text, int from) {
        char first = text.charAt(from);
        if (from == 0 && (first == '\t' || first == '\r')) {
            return true;
        }
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i < text.length() && FORMULA_STARTS.indexOf(text.charAt(i)) >= 0;
    }

    /** A decimal written without exponent; a {@link Number} so that the format leaves it unquoted. */
    private static final class PlainNumber extends Number {

        private final String digits;

        PlainNumber(String digits) {
            this.digits = digits;
        }

        @Override
        public String toString() {
            return digits;
        }

        @Override
        public int intValue() {
            return new BigDecimal(digits).intValue();
        }

        @Override
        public long longValue() {
            return new BigDecimal(digits).longValue();
        }

        @Override
        public float floatValue() {
            return new BigDecimal(digits).floatValue();
        }

        @Override
        public double doubleValue() {
            return new BigDecimal(digits).doubleValue();
        }
    }
}
