package io.vpcportal.request;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A stable digest of a draft, to tell a true repeat of a POST from a different payload under the same key. */
final class PayloadHash {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private PayloadHash() {
    }

    static String of(RequestDraft draft) {
        return io.vpcportal.platform.Digests.sha256Hex(CANONICAL.writeValueAsBytes(draft));
    }
}
