package io.vpcportal.platform;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's one canonical JSON writer: object properties (records included) and map entries in alphabetical
 * order, no white space. Equal values always give equal text, so its output can be hashed (request payload
 * fingerprints, inventory row hashes), compared (audit states) and fed to idempotent AWS calls (the provisioning
 * plan, from which the {@code ClientToken} of each create comes). Policy documents have their own reader and
 * pretty writer in the policy module, because a policy must also be parsed strictly (duplicate keys refused).
 */
public final class CanonicalJsonWriter {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            // records would otherwise keep their declaration order
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private CanonicalJsonWriter() {
    }

    public static String write(Object value) {
        return CANONICAL.writeValueAsString(value);
    }

    public static byte[] writeBytes(Object value) {
        return CANONICAL.writeValueAsBytes(value);
    }
}
