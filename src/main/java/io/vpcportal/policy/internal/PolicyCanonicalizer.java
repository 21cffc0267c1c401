package io.vpcportal.policy.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical form of a policy the portal owns (endpoint policies, the portal's bucket statements): elements in
 * IAM's documented order, {@code Statement} always an array (statement order kept: it is what people read),
 * value lists sorted and without duplicates, a single value written as a plain value, principal types, condition
 * operators and condition keys sorted. None of this changes what the policy allows: IAM treats those lists as sets.
 */
public final class PolicyCanonicalizer {

    private static final List<String> TOP = List.of("Version", "Id", "Statement");
    private static final List<String> ELEMENTS = List.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    private static final List<String> VALUE_LISTS = List.of("Action", "NotAction", "Resource", "NotResource");

    private PolicyCanonicalizer() {
    }

    public static ObjectNode canonicalize(JsonNode policy) {
        ObjectNode out = CanonicalJson.object();
        for (String name : ordered(policy, TOP)) {
            JsonNode value = policy.get(name);
            if (name.equals("Statement")) {
                ArrayNode statements = out.putArray("Statement");
                (value.isArray() ? value.values() : List.of(value)).forEach(s -> statements.add(statement(s)));
            } else {
                out.set(name, value.deepCopy());
            }
        }
        return out;
    }

    public static ObjectNode statement(JsonNode statement) {
        if (!statement.isObject()) {
            throw new IllegalArgumentException("A statement must be a JSON object");
        }
        ObjectNode out = CanonicalJson.object();
        for (String name : ordered(statement, ELEMENTS)) {
            JsonNode value = statement.get(name);
            if (VALUE_LISTS.contains(name)) {
                out.set(name, valueSet(value));
            } else if ((name.equals("Principal") || name.equals("NotPrincipal")) && value.isObject()) {
                out.set(name, sortedObject(value, PolicyCanonicalizer::valueSet));
            } else if (name.equals("Condition") && value.isObject()) {
                out.set(name, sortedObject(value, block -> block.isObject()
                        ? sortedObject(block, PolicyCanonicalizer::valueSet) : block.deepCopy()));
            } else {
                out.set(name, value.deepCopy());
            }
        }
        return out;
    }

    /** Known elements first in their documented order, then any others in the order written. */
    private static List<String> ordered(JsonNode node, List<String> known) {
        List<String> names = new ArrayList<>(known.stream().filter(node::has).toList());
        node.propertyNames().stream().filter(n -> !known.contains(n)).forEach(names::add);
        return names;
    }

    private static ObjectNode sortedObject(JsonNode node, Function<JsonNode, JsonNode> values) {
        Map<String, JsonNode> sorted = new TreeMap<>(Comparator.comparing((String k) -> k.toLowerCase(Locale.ROOT))
                .thenComparing(Comparator.naturalOrder()));
        node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
        ObjectNode out = CanonicalJson.object();
        sorted.forEach((k, v) -> out.set(k, values.apply(v)));
        return out;
    }

    /** A scalar or an array of scalars as a sorted set; one value is written bare. */
    static JsonNode valueSet(JsonNode value) {
        if (!value.isArray()) {
            return value.deepCopy();
        }
        Map<String, JsonNode> byText = new TreeMap<>();
        for (JsonNode item : value.values()) {
            byText.putIfAbsent(item.isString() ? item.stringValue() : CanonicalJson.write(item), item);
        }
        if (byText.size() == 1) {
            return byText.values().iterator().next().deepCopy();
        }
        ArrayNode out = CanonicalJson.array();
        byText.values().forEach(v -> out.add(v.deepCopy()));
        return out;
    }

    /** Builds an array node of sorted, distinct strings (or a bare string for one value). */
    public static JsonNode strings(Collection<String> values) {
        TreeSet<String> sorted = new TreeSet<>(values);
        if (sorted.size() == 1) {
            return JsonNodeFactory.instance.stringNode(sorted.first());
        }
        ArrayNode out = CanonicalJson.array();
        sorted.forEach(out::add);
        return out;
    }
}
