package io.vpcportal.policy.internal;

import io.vpcportal.policy.Finding;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The outcome of reading a document: its tree (null when it is not JSON), its model (null when it is not a JSON
 * object) and the grammar findings.
 */
public record ParsedPolicy(JsonNode root, PolicyDocument document, List<Finding> findings) {

    public ParsedPolicy {
        findings = List.copyOf(findings);
    }

    /** A document the evaluator may run on: it parsed and broke no grammar rule. */
    public boolean valid() {
        return document != null && findings.stream().noneMatch(Finding::blocking);
    }

    public String firstError() {
        return findings.stream().filter(Finding::blocking)
                .map(f -> (f.path().isEmpty() ? "" : f.path() + ": ") + f.message())
                .findFirst().orElse("");
    }
}
