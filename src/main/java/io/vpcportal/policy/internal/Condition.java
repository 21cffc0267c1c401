package io.vpcportal.policy.internal;

import java.util.List;

/** One condition key under one operator, with its values (as text: JSON numbers and booleans are converted). */
public record Condition(ConditionOperator operator, String key, List<String> values) {

    public Condition {
        values = List.copyOf(values);
    }
}
