package io.vpcportal.policy.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Collections;
import java.util.HashMap;

/** A request as the evaluator sees it. Context key names are case-insensitive, as in IAM. */
public record RequestContext(RequestPrincipal principal, String action, String resource,
        Map<String, List<String>> keys) {

    public RequestContext {
        Map<String, List<String>> lower = new HashMap<>(keys.size() * 2);
        keys.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        keys = Collections.unmodifiableMap(lower);
    }

    /** The key's values; empty when the request does not carry the key. */
    public List<String> values(String key) {
        return keys.getOrDefault(key.toLowerCase(Locale.ROOT), List.of());
    }
}
