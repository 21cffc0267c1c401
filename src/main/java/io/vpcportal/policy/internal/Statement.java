package io.vpcportal.policy.internal;

import java.util.List;

/**
 * One statement. Exactly one of {@code actions}/{@code notActions} is non-null (same for resources); a
 * {@code null} principal means the statement has none (which endpoint and bucket policies forbid).
 */
public record Statement(int index, String sid, boolean allow, Principals principal, boolean notPrincipal,
        List<String> actions, boolean notAction, List<String> resources, boolean notResource,
        List<Condition> conditions) {

    public Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    /** How findings and decisions name the statement. */
    public String label() {
        return sid != null && !sid.isEmpty() ? sid : "Statement[" + index + "]";
    }

    public String path() {
        return "Statement[" + index + "]";
    }
}
