package io.vpcportal.platform;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's one canonical JSON writer, no white space, map entries in key order. Equal values always give equal
 * text, so its output can be hashed, compared and fed to idempotent AWS calls. Two layouts, and only these:
 * <ul>
 * <li>{@link #write}: object properties, records included, in alphabetical order. Inventory row hashes, tag sets,
 * audit states and the parameters of planned calls.</li>
 * <li>{@link #writeStored}: record components in declaration order (other objects' properties alphabetical). The
 * {@code ClientToken} of each create and the fingerprint of an idempotent POST were computed with this layout since
 * the first release and are stored with in-flight requests: a retry after an upgrade must send the same token and a
 * repeated POST must match its fingerprint, so this layout never changes ({@code StoredLayoutTests} pins it).</li>
 * </ul>
 * Policy documents have their own reader and pretty writer in the policy module, because a policy must also be
 * parsed strictly (duplicate keys refused).
 */
public final class CanonicalJsonWriter {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            // records would otherwise keep their declaration order
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final JsonMapper STORED = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            // creator properties (every record component) first, in declaration order
            .enable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
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

    /** The layout of stored digests and client tokens (see the class comment): never change it. */
    public static String writeStored(Object value) {
        return STORED.writeValueAsString(value);
    }

    public static byte[] writeStoredBytes(Object value) {
        return STORED.writeValueAsBytes(value);
    }
}
