package io.vpcportal.policy.internal;

import java.util.List;
import java.util.Map;

/** Small builders for evaluator tests. */
final class Policies {

    static final String ROLE = "arn:aws:iam::111111111111:role/app";

    private Policies() {
    }

    static PolicyDocument document(String json) {
        ParsedPolicy parsed = PolicyParser.parse(json);
        if (!parsed.valid()) {
            throw new AssertionError("test policy must be valid: " + parsed.findings() + "\n" + json);
        }
        return parsed.document();
    }

    static RequestContext request(String principal, String action, String resource, Map<String, List<String>> keys) {
        return new RequestContext(RequestPrincipal.parse(principal).orElseThrow(), action, resource, keys);
    }

    static RequestContext request(String action, String resource, Map<String, List<String>> keys) {
        return request(ROLE, action, resource, keys);
    }

    static PolicyEvaluator.Effect effect(String policy, RequestContext request) {
        return PolicyEvaluator.evaluate(document(policy), request).effect();
    }

    /** A one-statement policy allowing everything to everyone under one condition block. */
    static String allowIf(String conditionJson) {
        return """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*",
                 "Resource": "*", "Condition": %s}]}""".formatted(conditionJson);
    }
}
