package io.vpcportal.savings.internal;

import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.savings.PriceDetails;
import io.vpcportal.savings.PriceItem;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an AWS Price List offer file in its CSV form ({@code index.csv}): a few metadata lines, a header row, then
 * one row per price term; a file that starts with '{' is the JSON form ({@code index.json}, {@link OfferJsonParser}). It streams, so a full AmazonEC2 regional file (hundreds of MB) never sits in memory, and
 * keeps only on-demand rows whose usage type prices a {@link PriceItem}. Columns are found by header name.
 */
public final class OfferFileParser {

    /** Usage-type prefixes of regions, for files without the "Region Code" column. */
    static final Map<String, String> REGION_PREFIXES = Map.ofEntries(Map.entry("USE1", "us-east-1"),
            Map.entry("USE2", "us-east-2"), Map.entry("USW1", "us-west-1"), Map.entry("USW2", "us-west-2"),
            Map.entry("EU", "eu-west-1"), Map.entry("EUW2", "eu-west-2"), Map.entry("EUW3", "eu-west-3"),
            Map.entry("EUC1", "eu-central-1"), Map.entry("EUN1", "eu-north-1"), Map.entry("EUS1", "eu-south-1"),
            Map.entry("APS1", "ap-southeast-1"), Map.entry("APS2", "ap-southeast-2"), Map.entry("APS3", "ap-south-1"),
            Map.entry("APN1", "ap-northeast-1"), Map.entry("APN2", "ap-northeast-2"), Map.entry("APN3", "ap-northeast-3"),
            Map.entry("CAN1", "ca-central-1"), Map.entry("SAE1", "sa-east-1"));

    private OfferFileParser() {
    }

    /** The prices in the file; {@code rows} counts every data row read. */
    public record Result(List<PriceDetails> prices, int rows) {
    }

    /** Reads an offer file in CSV or JSON form, told apart by its first character ('{': JSON). */
    public static Result parse(InputStream in, String source) {
        List<PriceDetails> prices = new ArrayList<>();
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        int rows = isJson(buffered) ? OfferJsonParser.read(buffered, source, prices::add)
                : read(buffered, source, prices::add);
        return new Result(prices, rows);
    }

    /** Whether the first character after white space (and a UTF-8 byte order mark) opens a JSON object. */
    static boolean isJson(BufferedInputStream in) {
        try {
            in.mark(4096);
            int b;
            int read = 0;
            do {
                b = in.read();
                read++;
            } while (b != -1 && read < 4096 && (Character.isWhitespace(b) || b == 0xEF || b == 0xBB || b == 0xBF));
            in.reset();
            return b == '{';
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int read(InputStream in, String source, Consumer<PriceDetails> sink) {
        // commons-csv reads quoted cells across line breaks; records are numbered as the file's records, not lines
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(false).get();
        try (CSVParser parser = CSVParser.builder().setReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                .setFormat(format).get()) {
            Map<String, Integer> columns = null;
            int rows = 0;
            for (CSVRecord record : parser) {
                long recordNo = record.getRecordNumber();
                if (columns == null) {
                    List<String> cells = record.toList();
                    if (cells.contains("usageType") && cells.contains("PricePerUnit")) {
                        columns = new HashMap<>();
                        for (int i = 0; i < cells.size(); i++) {
                            columns.putIfAbsent(cells.get(i), i);
                        }
                    } else if (recordNo > 20) {
                        break;
                    }
                    continue;
                }
                rows++;
                PriceDetails price = price(record.toList(), columns, source, recordNo);
                if (price != null) {
                    sink.accept(price);
                }
            }
            if (columns == null) {
                throw new InvalidInputException("file", "is not an AWS Price List offer file in CSV form "
                        + "(no header row with usageType and PricePerUnit)");
            }
            return rows;
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** A malformed CSV (an unclosed quote, say) is bad input; a failing stream stays an I/O error. */
    private static RuntimeException unreadable(IOException e) {
        if (e instanceof CSVException) {
            return new InvalidInputException("file", "is not readable as CSV: " + e.getMessage());
        }
        return new UncheckedIOException(e);
    }

    private static PriceDetails price(List<String> cells, Map<String, Integer> columns, String source, long recordNo) {
        String termType = cell(cells, columns, "TermType");
        if (termType != null && !termType.equals("OnDemand")) {
            return null;
        }
        String usageType = cell(cells, columns, "usageType");
        var match = PriceItem.match(cell(cells, columns, "serviceCode"), usageType);
        if (match.isEmpty()) {
            return null;
        }
        String currency = cell(cells, columns, "Currency");
        if (currency != null && !currency.isEmpty() && !currency.equals("USD")) {
            return null;
        }
        boolean pair = match.get().item() == PriceItem.INTER_REGION_GB;
        String region = cell(cells, columns, pair ? "From Region Code" : "Region Code");
        if (region == null || region.isBlank()) {
            region = match.get().regionPrefix().isEmpty() ? "us-east-1" : REGION_PREFIXES.get(match.get().regionPrefix());
        }
        String toRegion = pair ? cell(cells, columns, "To Region Code") : "";
        if (toRegion == null || toRegion.isBlank()) {
            toRegion = pair ? REGION_PREFIXES.get(match.get().toRegionPrefix()) : "";
        }
        if (region == null || toRegion == null) {
            return null;
        }
        try {
            BigDecimal usd = new BigDecimal(cell(cells, columns, "PricePerUnit"));
            String begin = cell(cells, columns, "StartingRange");
            String end = cell(cells, columns, "EndingRange");
            String effective = cell(cells, columns, "EffectiveDate");
            return new PriceDetails(region, toRegion, match.get().item(),
                    begin == null || begin.isBlank() ? BigDecimal.ZERO : new BigDecimal(begin),
                    end == null || end.isBlank() || end.equals("Inf") ? null : new BigDecimal(end), usd,
                    match.get().item().unit(), LocalDate.parse(effective.substring(0, 10)), usageType,
                    blankToNull(cell(cells, columns, "SKU")), source);
        } catch (NumberFormatException | DateTimeParseException | NullPointerException | StringIndexOutOfBoundsException e) {
            throw new InvalidInputException("file", "record " + recordNo + " (" + usageType
                    + ") has no readable price, range or effective date");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null || i >= cells.size() ? null : cells.get(i);
    }
}
