package io.vpcportal.policy.internal;

import io.vpcportal.policy.BucketPolicySpec;
import io.vpcportal.policy.EnforcementMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The portal's bucket-policy operations on top of {@link BucketPolicyMerger}: add a restriction (keeping the
 * sources already allowed by the portal's statement), and remove one source (an endpoint or VPC going away).
 */
public final class BucketPolicies {

    private BucketPolicies() {
    }

    /**
     * @param document    the whole policy to put; empty when there is nothing to put (delete, or nothing yet)
     * @param statement   the portal's statement in enforce form
     * @param enforced    whether {@code document} holds it
     */
    public record Merged(Optional<String> document, ObjectNode statement, boolean enforced) {
    }

    /**
     * Adds the restriction to the policy in force. Sources already allowed by a portal statement of the same
     * restriction stay allowed (several endpoints share one statement: two Deny statements would each deny the
     * other's traffic). In audit mode nothing new is denied; but a restriction already enforced on the bucket
     * stays enforced and gains the new sources, since otherwise the new endpoint's traffic would be denied.
     */
    public static Merged apply(String existing, BucketPolicySpec spec, String partition) {
        List<ObjectNode> portal = BucketPolicyMerger.portalStatements(existing);
        Optional<ObjectNode> same = portal.stream().filter(s -> spec.restriction().sid().equals(sid(s))).findFirst();
        TreeSet<String> sources = new TreeSet<>(spec.sources());
        same.ifPresent(s -> sources.addAll(sources(s, spec.restriction().conditionKey())));
        ObjectNode statement = BucketPolicyGenerator.statement(partition, spec.bucket(), spec.restriction(), sources,
                spec.breakGlass());
        boolean enforce = spec.enforcement() == EnforcementMode.ENFORCE || same.isPresent();
        if (!enforce) {
            return new Merged(existing == null || existing.isBlank() ? Optional.empty()
                    : BucketPolicyMerger.merge(existing, portal), statement, false);
        }
        return new Merged(BucketPolicyMerger.merge(existing, List.of(statement)), statement, true);
    }

    /**
     * Removes one endpoint (or VPC) id from the portal's statements; a statement left without any source goes
     * away. Statements restricted by organization are not tied to one endpoint and stay.
     */
    public static Optional<String> removeSource(String existing, String source) {
        List<ObjectNode> kept = new ArrayList<>();
        for (ObjectNode statement : BucketPolicyMerger.portalStatements(existing)) {
            ObjectNode copy = statement.deepCopy();
            JsonNode notEquals = copy.path("Condition").path("StringNotEquals");
            if (notEquals.isObject()) {
                ObjectNode block = (ObjectNode) notEquals;
                for (String key : List.copyOf(block.propertyNames())) {
                    List<String> values = new ArrayList<>(strings(block.get(key)));
                    if (values.remove(source)) {
                        if (values.isEmpty()) {
                            copy = null;
                            break;
                        }
                        block.set(key, PolicyCanonicalizer.strings(values));
                    }
                }
            }
            if (copy != null) {
                kept.add(copy);
            }
        }
        return BucketPolicyMerger.merge(existing, kept);
    }

    private static String sid(JsonNode statement) {
        return statement.path("Sid").asString("");
    }

    private static List<String> sources(ObjectNode statement, String key) {
        JsonNode values = statement.path("Condition").path("StringNotEquals").get(key);
        return values == null ? List.of() : strings(values);
    }

    private static List<String> strings(JsonNode node) {
        if (node.isString()) {
            return List.of(node.stringValue());
        }
        return node.isArray() ? node.values().stream().filter(JsonNode::isString).map(JsonNode::stringValue).toList()
                : List.of();
    }
}
