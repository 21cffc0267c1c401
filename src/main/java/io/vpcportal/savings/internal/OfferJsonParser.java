package io.vpcportal.savings.internal;

import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.savings.PriceDetails;
import io.vpcportal.savings.PriceItem;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an AWS Price List offer file in its JSON form ({@code index.json}): {@code products} by SKU with their
 * {@code attributes} ({@code servicecode}, {@code usagetype}, {@code regionCode}; {@code fromRegionCode} and
 * {@code toRegionCode} for inter-region transfer), then {@code terms} by term type,
 * SKU and offer term, each with its {@code effectiveDate} and {@code priceDimensions} ({@code beginRange},
 * {@code endRange}, {@code unit}, {@code pricePerUnit.USD}). The file is read token by token: only one product or
 * one term is ever held as a tree, and only the SKUs of the usage types the portal prices are remembered, so a
 * regional AmazonEC2 file of hundreds of MB costs little memory. AWS writes products before terms; a file with the
 * terms first is refused.
 */
final class OfferJsonParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Product(String usageType, PriceItem item, String region, String toRegion) {
    }

    private OfferJsonParser() {
    }

    /** Reads the file, giving each on-demand USD price of a priced usage type to {@code sink}; answers the products read. */
    static int read(InputStream in, String source, Consumer<PriceDetails> sink) {
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notAnOfferFile();
            }
            String offerCode = null;
            Map<String, Product> wanted = new HashMap<>();
            int products = 0;
            boolean sawProducts = false;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "offerCode" -> offerCode = value == JsonToken.VALUE_STRING ? p.getString() : null;
                    case "products" -> {
                        sawProducts = true;
                        products += products(p, value, offerCode, wanted);
                    }
                    case "terms" -> {
                        if (!sawProducts) {
                            throw new InvalidInputException("file", "lists its terms before its products; "
                                    + "AWS offer files list products first");
                        }
                        terms(p, value, wanted, source, sink);
                    }
                    default -> p.skipChildren();
                }
            }
            if (!sawProducts) {
                throw notAnOfferFile();
            }
            return products;
        } catch (JacksonException e) {
            throw new InvalidInputException("file", "is not readable JSON: " + e.getOriginalMessage());
        }
    }

    private static int products(JsonParser p, JsonToken start, String offerCode, Map<String, Product> wanted) {
        if (start != JsonToken.START_OBJECT) {
            throw notAnOfferFile();
        }
        int count = 0;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String sku = p.currentName();
            p.nextToken();
            JsonNode product = p.readValueAsTree();
            count++;
            JsonNode attributes = product.path("attributes");
            String usageType = attributes.path("usagetype").asString(null);
            String service = attributes.path("servicecode").asString(offerCode);
            var match = PriceItem.match(service, usageType);
            if (match.isEmpty()) {
                continue;
            }
            boolean pair = match.get().item() == PriceItem.INTER_REGION_GB;
            String region = attributes.path(pair ? "fromRegionCode" : "regionCode").asString("");
            if (region.isBlank()) {
                region = match.get().regionPrefix().isEmpty() ? "us-east-1"
                        : OfferFileParser.REGION_PREFIXES.get(match.get().regionPrefix());
            }
            String toRegion = pair ? attributes.path("toRegionCode").asString("") : "";
            if (pair && toRegion.isBlank()) {
                toRegion = OfferFileParser.REGION_PREFIXES.get(match.get().toRegionPrefix());
            }
            if (region != null && toRegion != null) {
                wanted.put(sku, new Product(usageType, match.get().item(), region, toRegion));
            }
        }
        return count;
    }

    private static void terms(JsonParser p, JsonToken start, Map<String, Product> wanted, String source,
            Consumer<PriceDetails> sink) {
        if (start != JsonToken.START_OBJECT) {
            throw notAnOfferFile();
        }
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String termType = p.currentName();
            p.nextToken();
            if (!termType.equals("OnDemand")) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                Product product = wanted.get(p.currentName());
                String sku = p.currentName();
                p.nextToken();
                if (product == null) {
                    p.skipChildren();
                    continue;
                }
                JsonNode offers = p.readValueAsTree();
                for (JsonNode term : offers) {
                    prices(sku, product, term, source, sink);
                }
            }
        }
    }

    private static void prices(String sku, Product product, JsonNode term, String source, Consumer<PriceDetails> sink) {
        try {
            LocalDate effective = LocalDate.parse(term.path("effectiveDate").asString().substring(0, 10));
            for (JsonNode dimension : term.path("priceDimensions")) {
                JsonNode usd = dimension.path("pricePerUnit").path("USD");
                if (usd.isMissingNode() || usd.isNull()) {
                    continue;
                }
                String begin = dimension.path("beginRange").asString("0");
                String end = dimension.path("endRange").asString("Inf");
                sink.accept(new PriceDetails(product.region(), product.toRegion(), product.item(),
                        begin.isBlank() ? BigDecimal.ZERO : new BigDecimal(begin),
                        end.isBlank() || end.equals("Inf") ? null : new BigDecimal(end), new BigDecimal(usd.asString()),
                        product.item().unit(), effective, product.usageType(), sku, source));
            }
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new InvalidInputException("file", "the on-demand term of SKU " + sku + " (" + product.usageType()
                    + ") has no readable price, range or effective date");
        }
    }

    private static InvalidInputException notAnOfferFile() {
        return new InvalidInputException("file", "is not an AWS Price List offer file in JSON form "
                + "(an object with products and terms)");
    }
}
