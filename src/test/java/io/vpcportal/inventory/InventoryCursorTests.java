package io.vpcportal.inventory;

import io.vpcportal.inventory.internal.EndpointReads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.inventory.internal.InventoryQueries.Cursor;
import io.vpcportal.platform.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryCursorTests {

    private static final EndpointSummary ROW = new EndpointSummary("vpce-0a1b2c3d4e5f60718", "111111111111",
            "eu-west-1", "vpc-0a1b2c3d", "com.amazonaws.eu-west-1.s3", "Gateway", "available", null, false, null,
            false, null, Instant.parse("2025-06-01T10:15:30.123456Z"));

    @Test
    void aCursorCarriesTheSortValueAndTheId() {
        for (String sort : List.of("id", "service", "vpc", "account", "state", "updated")) {
            String encoded = Cursor.of(ROW, sort, true).encode();
            Cursor parsed = Cursor.parse(encoded, sort, true);
            assertThat(parsed.id()).isEqualTo(ROW.id());
            assertThat(parsed.value()).isNotBlank();
        }
        assertThat(Cursor.parse(Cursor.of(ROW, "updated", false).encode(), "updated", false).value())
                .isEqualTo("2025-06-01T10:15:30.123456Z");
    }

    @Test
    void aCursorOfAnotherOrderOrAForgedOneIsRefused() {
        String byService = Cursor.of(ROW, "service", false).encode();

        assertThatThrownBy(() -> Cursor.parse(byService, "vpc", false)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Cursor.parse(byService, "service", true)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Cursor.parse("not-base64-!", "id", false)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void recommendationsPointAtMissingGatewaysBehindNatAndAtDuplicates() {
        EndpointSummary s3 = new EndpointSummary("vpce-1", "111111111111", "eu-west-1", "vpc-0a1b2c3d",
                "com.amazonaws.eu-west-1.s3", "Gateway", "available", null, false, null, false, null, Instant.now());
        EndpointSummary s3Again = new EndpointSummary("vpce-2", "111111111111", "eu-west-1", "vpc-0a1b2c3d",
                "com.amazonaws.eu-west-1.s3", "Gateway", "available", null, false, null, false, null, Instant.now());

        List<Recommendation> withNat = EndpointReads.recommendations("111111111111", "eu-west-1", "vpc-0a1b2c3d",
                List.of("nat-0a1b2c3d"), List.of(s3, s3Again));
        List<Recommendation> withoutNat = EndpointReads.recommendations("111111111111", "eu-west-1", "vpc-0a1b2c3d",
                List.of(), List.of(s3));

        assertThat(withNat).extracting(Recommendation::kind)
                .containsExactly("MISSING_DYNAMODB_GATEWAY", "DUPLICATE_ENDPOINTS");
        assertThat(withNat.get(0).requestLink()).isEqualTo("/requests/new?template=dynamodb-gateway"
                + "&account=111111111111&region=eu-west-1&vpc=vpc-0a1b2c3d&nat=nat-0a1b2c3d");
        assertThat(withNat.get(1).message()).contains("vpce-1", "vpce-2");
        assertThat(withoutNat).isEmpty();
    }
}
