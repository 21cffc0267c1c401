package io.vpcportal.inventory;

import io.vpcportal.policy.DiffLine;
import java.time.Instant;
import java.util.List;

/**
 * Approved against actual for a managed endpoint.
 *
 * @param source     where the approved state comes from: REQUEST, ACCEPTED (an admin accepted the actual state)
 *                   or ADOPTED
 * @param differences one entry per setting that differs
 * @param policyDiff  unified line diff of the canonical policies (approved → actual); empty when equal
 * @param tagDiff     the tags that differ, in key order (tags AWS manages, {@code aws:…}, never do); empty when
 *                    equal or when no approved tags were recorded
 */
public record DriftReport(String source, String recordedBy, Instant recordedAt, List<Difference> differences,
        List<DiffLine> policyDiff, List<TagDifference> tagDiff) {

    /** One tag: its approved value (null: not approved) and its actual one (null: missing). */
    public record TagDifference(String key, String approved, String actual) {
    }

    /** One setting that differs: what was approved and what EC2 has. */
    public record Difference(String setting, String approved, String actual) {
    }

    public boolean drifted() {
        return !differences.isEmpty();
    }
}
