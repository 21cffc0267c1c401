package io.vpcportal.policy.internal;

import java.util.List;

/** A parsed policy: what the evaluator needs, nothing of the JSON layout. */
public record PolicyDocument(String version, List<Statement> statements) {

    public PolicyDocument {
        statements = List.copyOf(statements);
    }
}
