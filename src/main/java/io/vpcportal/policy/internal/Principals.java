package io.vpcportal.policy.internal;

import java.util.List;
import java.util.Map;

/**
 * A {@code Principal} element: {@code "*"} (everyone, anonymous callers included) or values per type
 * ({@code AWS}, {@code Service}, {@code Federated}, {@code CanonicalUser}). {@code {"AWS": "*"}} is everyone too,
 * as AWS documents for resource-based policies.
 */
public record Principals(boolean everyone, Map<String, List<String>> byType) {

    public Principals {
        byType = Map.copyOf(byType);
    }

    public static Principals all() {
        return new Principals(true, Map.of());
    }

    public List<String> of(String type) {
        return byType.getOrDefault(type, List.of());
    }
}
