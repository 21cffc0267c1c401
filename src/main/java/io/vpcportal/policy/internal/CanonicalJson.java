package io.vpcportal.policy.internal;

import java.util.Iterator;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads policy JSON into an order-preserving tree and writes trees in one fixed layout, independent of any
 * library's pretty-printer: two-space indentation, {@code "key": value}, LF line ends, no trailing newline,
 * members in the tree's order, strings with minimal escaping (quote, backslash, control characters, U+2028/9),
 * non-ASCII characters as they are, integers as digits and other numbers in plain decimal notation.
 * <p>
 * Parsing rejects duplicate member names and trailing content. Floating-point numbers are read as exact decimals,
 * so writing a parsed tree never rounds; exponent notation ({@code 1e3}) comes back as plain digits ({@code 1000}),
 * the only way a value's text can change.
 */
public final class CanonicalJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CanonicalJson() {
    }

    /** Thrown for text that is not one JSON value. */
    public static final class InvalidJson extends RuntimeException {
        InvalidJson(String message) {
            super(message);
        }
    }

    public static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidJson("the document is empty");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidJson(e.getOriginalMessage());
        }
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, 0, out);
        return out.toString();
    }

    private static void write(JsonNode node, int depth, StringBuilder out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> members = node.properties().iterator();
            if (!members.hasNext()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                indent(depth + 1, out);
                quote(member.getKey(), out);
                out.append(": ");
                write(member.getValue(), depth + 1, out);
                out.append(members.hasNext() ? ",\n" : "\n");
            }
            indent(depth, out);
            out.append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                indent(depth + 1, out);
                write(node.get(i), depth + 1, out);
                out.append(i < node.size() - 1 ? ",\n" : "\n");
            }
            indent(depth, out);
            out.append(']');
        } else if (node.isString()) {
            quote(node.stringValue(), out);
        } else if (node.isNumber()) {
            out.append(node.isIntegralNumber() ? node.bigIntegerValue().toString()
                    : node.decimalValue().toPlainString());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else {
            out.append("null");
        }
    }

    private static void indent(int depth, StringBuilder out) {
        out.append("  ".repeat(depth));
    }

    static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
