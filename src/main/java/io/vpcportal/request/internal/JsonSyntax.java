package io.vpcportal.request.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Syntax check of pasted JSON; the policy module judges its content. */
final class JsonSyntax {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonSyntax() {
    }

    static boolean isObject(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node != null && node.isObject();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
