package io.vpcportal.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.platform.CanonicalJsonWriter;
import io.vpcportal.platform.Digests;
import io.vpcportal.provisioning.EndpointSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code ClientToken} of a create, stored with a request in flight, must come out the same after an upgrade, or a
 * retry across it could make a second endpoint. The mapper below is the one the tokens were computed with before the
 * portal had one canonical writer (the planner's own); the literal pins the layout for every later release.
 */
class StoredLayoutTests {

    /** The planner's mapper before the one canonical writer. */
    private static final JsonMapper PLANNER_BEFORE = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private static final String ITEM_TAG = "0b9d3f4e-6f1a-4c55-9a55-3f6a1f2b7c10/0";

    private static EndpointSpec spec() {
        TreeMap<String, String> tags = new TreeMap<>(Map.of("portal:team", "payments", "Name", "s3 for payments",
                "portal:request-item", ITEM_TAG, "portal:template", "s3-gateway:v3"));
        return new EndpointSpec("vpc-0a1b2c3d4e5f60718", "com.amazonaws.eu-west-1.s3", null, "Gateway",
                List.of("rtb-0a", "rtb-0b"), List.of(), List.of(), false,
                "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}", null, tags);
    }

    @Test
    void theClientTokenOfACreateIsTheOneComputedBeforeTheOneWriter() {
        String before = "vpce-portal-" + Digests.sha256Hex(ITEM_TAG + "|" + PLANNER_BEFORE.writeValueAsString(spec()))
                .substring(0, 52);
        assertThat(ProvisioningPlanner.clientToken(ITEM_TAG, spec())).isEqualTo(before)
                .isEqualTo("vpce-portal-cfa7d83594ea53f6cdfff319ca6747de4141986ee86d546bf0c9");
    }

    @Test
    void theStoredLayoutKeepsRecordComponentsInDeclarationOrderAndTheOtherLayoutSortsThem() {
        record Pair(String zeta, String alpha) {
        }
        assertThat(CanonicalJsonWriter.writeStored(new Pair("z", "a"))).isEqualTo("{\"zeta\":\"z\",\"alpha\":\"a\"}");
        assertThat(CanonicalJsonWriter.write(new Pair("z", "a"))).isEqualTo("{\"alpha\":\"a\",\"zeta\":\"z\"}");
        assertThat(CanonicalJsonWriter.writeStored(Map.of("b", 1, "a", 2))).isEqualTo("{\"a\":2,\"b\":1}");
    }
}
