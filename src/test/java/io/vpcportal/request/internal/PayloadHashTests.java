package io.vpcportal.request.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.platform.Digests;
import io.vpcportal.request.ItemDraft;
import io.vpcportal.request.RequestDraft;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fingerprint stored with an idempotency key must come out the same after an upgrade, or a repeated POST of a
 * request made before it would be refused as a different payload. The mapper below is the one the fingerprints were
 * computed with before the portal had one canonical writer; the literal pins the layout for later releases.
 */
class PayloadHashTests {

    private static final JsonMapper BEFORE = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private static RequestDraft draft() {
        return new RequestDraft("payments", "111111111111", "eu-west-1", "vpc-0a1b2c3d4e5f60718", "S3 without NAT",
                "why", new BigDecimal("1500.5"), "nat-0123456789abcdef0",
                List.of(new ItemDraft("s3-gateway", List.of("rtb-0a"), List.of(), List.of(), null, "same-account",
                        List.of("my-bucket"), List.of(), null, null, Map.of("b", "2", "a", "1"), new BigDecimal("12"))),
                true);
    }

    @Test
    void theFingerprintOfADraftIsTheOneComputedBeforeTheOneWriter() {
        String before = Digests.sha256Hex(BEFORE.writeValueAsBytes(draft()));
        assertThat(PayloadHash.of(draft())).isEqualTo(before).isEqualTo("d07d1a88efa27aed31f1a39b0a5a5b91571c912fcfb09db1ce126eff40a7af0f");
    }

    @Test
    void anotherPayloadHasAnotherFingerprint() {
        RequestDraft d = draft();
        RequestDraft other = new RequestDraft(d.team(), d.accountId(), d.region(), d.vpcId(), d.title(), "other",
                d.expectedMonthlyGb(), d.natGatewayId(), d.items(), d.natGatewayRemoved());
        assertThat(PayloadHash.of(other)).isNotEqualTo(PayloadHash.of(d));
    }
}
