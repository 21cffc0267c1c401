package io.vpcportal.policy.internal;

import io.vpcportal.policy.Finding;
import io.vpcportal.policy.FindingCode;
import io.vpcportal.policy.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a policy and checks it against the IAM policy grammar
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html). Every broken rule becomes a
 * {@code GRAMMAR} (or {@code UNKNOWN_CONDITION_OPERATOR}) finding with the path of the offending element; reading
 * goes on after an error so that all of them are reported at once.
 */
public final class PolicyParser {

    static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final Set<String> TOP = Set.of("Version", "Id", "Statement");
    private static final Set<String> ELEMENTS = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");
    private static final Pattern ACTION = Pattern.compile("\\*|[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+");
    private static final Pattern RESOURCE = Pattern.compile("\\*|arn:[^:]+:[^:]*:[^:]*:[^:]*:.+");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern PRINCIPAL_ARN = Pattern.compile("arn:aws(-[a-z]+)*:(iam|sts)::(\\d{12}|aws):\\S+");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.amazonaws\\.com(\\.cn)?");
    private static final Pattern CONDITION_KEY = Pattern.compile("[a-zA-Z0-9-]+:\\S+");

    private final List<Finding> findings = new ArrayList<>();

    private PolicyParser() {
    }

    public static ParsedPolicy parse(String text) {
        return new PolicyParser().read(text);
    }

    private ParsedPolicy read(String text) {
        JsonNode root;
        try {
            root = CanonicalJson.parse(text);
        } catch (CanonicalJson.InvalidJson e) {
            grammar("is not valid JSON: " + e.getMessage(), "");
            return new ParsedPolicy(null, null, findings);
        }
        if (!root.isObject()) {
            grammar("must be a JSON object with Version and Statement", "");
            return new ParsedPolicy(root, null, findings);
        }
        root.propertyNames().stream().filter(n -> !TOP.contains(n))
                .forEach(n -> grammar("'" + n + "' is not a policy element (Version, Id, Statement)", n));
        String version = readVersion(root.get("Version"));
        JsonNode id = root.get("Id");
        if (id != null && !id.isString()) {
            grammar("must be a string", "Id");
        }
        List<JsonNode> nodes = statementNodes(root.get("Statement"));
        Set<String> sids = new HashSet<>();
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            statement(nodes.get(i), i, sids).ifPresent(statements::add);
        }
        return new ParsedPolicy(root, new PolicyDocument(version, statements), findings);
    }

    private String readVersion(JsonNode version) {
        if (version == null) {
            findings.add(Finding.of(Severity.SUGGESTION, FindingCode.MISSING_VERSION,
                    "has no Version: IAM reads it as 2008-10-17, without policy variables; state \"2012-10-17\"",
                    "Version"));
            return null;
        }
        if (!version.isString() || !VERSIONS.contains(version.stringValue())) {
            grammar("must be \"2012-10-17\" or \"2008-10-17\"", "Version");
            return null;
        }
        return version.stringValue();
    }

    private List<JsonNode> statementNodes(JsonNode statement) {
        List<JsonNode> nodes = new ArrayList<>();
        if (statement == null) {
            grammar("is missing: a policy needs at least one statement", "Statement");
        } else if (statement.isObject()) {
            nodes.add(statement);
        } else if (statement.isArray()) {
            if (statement.isEmpty()) {
                grammar("must hold at least one statement", "Statement");
            }
            statement.values().forEach(nodes::add);
        } else {
            grammar("must be an object or an array of objects", "Statement");
        }
        return nodes;
    }

    private Optional<Statement> statement(JsonNode node, int index, Set<String> sids) {
        String at = "Statement[" + index + "]";
        if (!node.isObject()) {
            grammar("must be an object", at);
            return Optional.empty();
        }
        node.propertyNames().stream().filter(n -> !ELEMENTS.contains(n))
                .forEach(n -> grammar("'" + n + "' is not a statement element", at + "." + n));
        String sid = null;
        JsonNode sidNode = node.get("Sid");
        if (sidNode != null) {
            if (!sidNode.isString()) {
                grammar("must be a string", at + ".Sid");
            } else if (!sids.add(sidNode.stringValue())) {
                grammar("'" + sidNode.stringValue() + "' is used twice: statement ids must be unique", at + ".Sid");
            } else {
                sid = sidNode.stringValue();
            }
        }
        JsonNode effect = node.get("Effect");
        if (effect == null) {
            grammar("is missing: Allow or Deny", at + ".Effect");
        } else if (!effect.isString() || !(effect.stringValue().equals("Allow") || effect.stringValue().equals("Deny"))) {
            grammar("must be \"Allow\" or \"Deny\"", at + ".Effect");
        }
        boolean allow = effect != null && "Allow".equals(effect.stringValue());
        Principals principal = null;
        if (node.has("Principal") && node.has("NotPrincipal")) {
            grammar("has both Principal and NotPrincipal: use one", at);
        } else if (node.has("Principal") || node.has("NotPrincipal")) {
            String name = node.has("Principal") ? "Principal" : "NotPrincipal";
            principal = principal(node.get(name), at + "." + name);
        }
        List<String> actions = pair(node, "Action", "NotAction", at, ACTION,
                "is not an action: service:Action, with wildcards * and ?");
        List<String> resources = pair(node, "Resource", "NotResource", at, RESOURCE,
                "is not a resource: \"*\" or an ARN (arn:partition:service:region:account:resource)");
        List<Condition> conditions = node.has("Condition") ? conditions(node.get("Condition"), at + ".Condition")
                : List.of();
        return Optional.of(new Statement(index, sid, allow, principal, node.has("NotPrincipal"), actions,
                node.has("NotAction"), resources, node.has("NotResource"), conditions));
    }

    private List<String> pair(JsonNode node, String positive, String negative, String at, Pattern format,
            String message) {
        if (node.has(positive) && node.has(negative)) {
            grammar("has both " + positive + " and " + negative + ": use one", at);
            return List.of();
        }
        if (!node.has(positive) && !node.has(negative)) {
            grammar("needs " + positive + " or " + negative, at);
            return List.of();
        }
        String name = node.has(positive) ? positive : negative;
        List<String> values = strings(node.get(name), at + "." + name);
        values.stream().filter(v -> !format.matcher(v).matches()).findFirst()
                .ifPresent(v -> grammar("'" + v + "' " + message, at + "." + name));
        return values;
    }

    private Principals principal(JsonNode node, String at) {
        if (node.isString()) {
            if (!node.stringValue().equals("*")) {
                grammar("must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::111111111111:root\"}", at);
            }
            return Principals.all();
        }
        if (!node.isObject() || node.isEmpty()) {
            grammar("must be \"*\" or an object of principal types (AWS, Service, Federated, CanonicalUser)", at);
            return new Principals(false, Map.of());
        }
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String type = entry.getKey();
            if (!PRINCIPAL_TYPES.contains(type)) {
                grammar("'" + type + "' is not a principal type (AWS, Service, Federated, CanonicalUser)", at);
                continue;
            }
            List<String> values = strings(entry.getValue(), at + "." + type);
            for (String v : values) {
                if (type.equals("AWS") && !v.equals("*") && !ACCOUNT.matcher(v).matches()) {
                    if (Glob.hasWildcard(v)) {
                        grammar("'" + v + "': a principal takes no wildcard except \"*\" alone; "
                                + "use a condition on aws:PrincipalArn", at + ".AWS");
                    } else if (!PRINCIPAL_ARN.matcher(v).matches()) {
                        grammar("'" + v + "' is not an account id or an IAM principal ARN", at + ".AWS");
                    }
                }
                if (type.equals("Service") && !v.equals("*") && !SERVICE.matcher(v).matches()) {
                    grammar("'" + v + "' is not a service principal such as ssm.amazonaws.com", at + ".Service");
                }
            }
            byType.put(type, values);
        }
        return new Principals(byType.getOrDefault("AWS", List.of()).contains("*"), byType);
    }

    private List<Condition> conditions(JsonNode node, String at) {
        List<Condition> conditions = new ArrayList<>();
        if (!node.isObject()) {
            grammar("must be an object of condition operators", at);
            return conditions;
        }
        for (Map.Entry<String, JsonNode> block : node.properties()) {
            String opAt = at + "." + block.getKey();
            Optional<ConditionOperator> operator = ConditionOperator.parse(block.getKey());
            if (operator.isEmpty()) {
                findings.add(Finding.of(Severity.ERROR, FindingCode.UNKNOWN_CONDITION_OPERATOR, "'" + block.getKey()
                        + "' is not a condition operator (StringEquals, ArnLike, Bool, ...IfExists, ForAnyValue:...)",
                        opAt));
                continue;
            }
            if (!block.getValue().isObject() || block.getValue().isEmpty()) {
                grammar("must map condition keys to values", opAt);
                continue;
            }
            for (Map.Entry<String, JsonNode> entry : block.getValue().properties()) {
                if (!CONDITION_KEY.matcher(entry.getKey()).matches()) {
                    grammar("'" + entry.getKey() + "' is not a condition key (prefix:name)", opAt);
                    continue;
                }
                List<String> values = scalars(entry.getValue(), opAt + "." + entry.getKey());
                checkValues(operator.get(), values, opAt + "." + entry.getKey());
                conditions.add(new Condition(operator.get(), entry.getKey(), values));
            }
        }
        return conditions;
    }

    private void checkValues(ConditionOperator operator, List<String> values, String at) {
        for (String v : values) {
            boolean ok = switch (operator.base().kind()) {
                case NUMERIC -> ConditionValues.number(v).isPresent();
                case DATE -> ConditionValues.date(v).isPresent();
                case BOOL, NULL -> ConditionValues.isBoolean(v);
                case IP -> ConditionValues.cidr(v).isPresent();
                default -> true;
            };
            if (!ok) {
                grammar("'" + v + "' is not a valid value for " + operator.base().name(), at);
                return;
            }
        }
    }

    private List<String> strings(JsonNode node, String at) {
        List<String> values = new ArrayList<>();
        if (node.isString()) {
            values.add(node.stringValue());
        } else if (node.isArray() && !node.isEmpty() && node.values().stream().allMatch(JsonNode::isString)) {
            node.values().forEach(v -> values.add(v.stringValue()));
        } else {
            grammar("must be a string or a non-empty array of strings", at);
        }
        return values;
    }

    private List<String> scalars(JsonNode node, String at) {
        List<String> values = new ArrayList<>();
        List<JsonNode> items = node.isArray() ? List.copyOf(node.values()) : List.of(node);
        if (items.isEmpty() || !items.stream().allMatch(v -> v.isString() || v.isNumber() || v.isBoolean())) {
            grammar("must be a string, number or boolean, or a non-empty array of them", at);
            return values;
        }
        items.forEach(v -> values.add(v.isString() ? v.stringValue() : CanonicalJson.write(v)));
        return values;
    }

    private void grammar(String message, String path) {
        findings.add(Finding.of(Severity.ERROR, FindingCode.GRAMMAR, message, path));
    }
}
