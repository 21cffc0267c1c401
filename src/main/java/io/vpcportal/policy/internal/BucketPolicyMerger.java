package io.vpcportal.policy.internal;

import io.vpcportal.platform.UnprocessableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the portal's statements into a bucket policy that others also write, as pure functions of text.
 * <p>
 * What is guaranteed: statements whose {@code Sid} does not start with {@value BucketPolicyGenerator#PORTAL_SID_PREFIX}
 * ("foreign" statements) are never changed, dropped or reordered, and neither are the document's other members
 * (Version, Id, unknown ones) or their order. The result is written with {@link CanonicalJson}, so each foreign
 * statement's text is exactly the canonical text of the statement as parsed: equal member order, equal strings,
 * equal values (whitespace is normalized; a number in exponent notation is written in plain digits). Portal
 * statements always come last. Hence removing the portal's statements from a merged policy gives back the
 * canonical text of the policy before the merge, byte for byte, and a policy that was already canonical comes back
 * exactly as it was. One shape is not restored: a {@code Statement} written as a single object (rather than an
 * array) stays an array once the portal has added to it.
 * <p>
 * An empty result ({@link Optional#empty()}) means no statement is left: delete the bucket policy.
 */
public final class BucketPolicyMerger {

    private BucketPolicyMerger() {
    }

    public static Optional<String> merge(String existing, List<ObjectNode> portalStatements) {
        ObjectNode root = existing == null || existing.isBlank() ? null : parse(existing);
        List<JsonNode> statements = new ArrayList<>();
        if (root != null) {
            statements.addAll(foreign(root));
        }
        statements.addAll(portalStatements);
        if (statements.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode out = CanonicalJson.object();
        if (root == null) {
            out.put("Version", "2012-10-17");
            out.set("Statement", array(statements));
        } else {
            for (Map.Entry<String, JsonNode> member : root.properties()) {
                out.set(member.getKey(), member.getKey().equals("Statement") ? array(statements) : member.getValue());
            }
        }
        return Optional.of(CanonicalJson.write(out));
    }

    /** The policy without any portal statement. */
    public static Optional<String> removePortalStatements(String existing) {
        return merge(existing, List.of());
    }

    /** The portal's statements in a policy, in their order. */
    public static List<ObjectNode> portalStatements(String existing) {
        if (existing == null || existing.isBlank()) {
            return List.of();
        }
        return statementsOf(parse(existing)).stream().filter(BucketPolicyMerger::isPortal)
                .map(s -> (ObjectNode) s).toList();
    }

    public static boolean isPortal(JsonNode statement) {
        JsonNode sid = statement.get("Sid");
        return sid != null && sid.isString() && sid.stringValue().startsWith(BucketPolicyGenerator.PORTAL_SID_PREFIX);
    }

    private static List<JsonNode> foreign(ObjectNode root) {
        return statementsOf(root).stream().filter(s -> !isPortal(s)).toList();
    }

    private static List<JsonNode> statementsOf(ObjectNode root) {
        JsonNode statement = root.get("Statement");
        if (statement == null) {
            throw new UnprocessableException("The bucket policy in force has no Statement");
        }
        if (statement.isObject()) {
            return List.of(statement);
        }
        if (!statement.isArray() || !statement.values().stream().allMatch(JsonNode::isObject)) {
            throw new UnprocessableException("The bucket policy in force has a malformed Statement element");
        }
        return List.copyOf(statement.values());
    }

    private static ObjectNode parse(String existing) {
        JsonNode root;
        try {
            root = CanonicalJson.parse(existing);
        } catch (CanonicalJson.InvalidJson e) {
            throw new UnprocessableException("The bucket policy in force is not valid JSON: " + e.getMessage());
        }
        if (!root.isObject()) {
            throw new UnprocessableException("The bucket policy in force is not a JSON object");
        }
        return (ObjectNode) root;
    }

    private static ArrayNode array(List<JsonNode> statements) {
        ArrayNode array = CanonicalJson.array();
        statements.forEach(array::add);
        return array;
    }
}
