package io.vpcportal.policy;

import java.util.List;

/** One decision per row, in the order of the rows, and findings for contradicted expectations. */
public record SimulationResult(List<AccessDecision> decisions, List<Finding> findings) {

    public SimulationResult {
        decisions = List.copyOf(decisions);
        findings = List.copyOf(findings);
    }
}
