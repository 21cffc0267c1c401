package io.vpcportal.request.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.PortalRepositoryTest;
import io.vpcportal.catalog.EndpointType;
import io.vpcportal.catalog.PolicyChoice;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestStatus;
import io.vpcportal.shared.TeamId;
import io.vpcportal.shared.UserId;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A new request written with plain JDBC ({@link NewRequestRows}) reads back through the entity exactly as it was
 * built, and the entity carries on from there (optimistic lock version, timeline order, constraints).
 */
@PortalRepositoryTest
class NewRequestRowsTests {

    private static final UserId RILEY = new UserId(UUID.fromString("00000000-0000-0000-0000-00000000b001"));
    private static final TeamId TEAM = new TeamId("rows-team");
    private static final String ACCOUNT = "210987654321";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Autowired
    EndpointRequestRepository requests;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    NewRequestRows rows;

    @BeforeEach
    void seed() {
        rows = new NewRequestRows(jdbc);
        RequestTestData.seed(jdbc, TEAM, ACCOUNT, Map.of("riley-rows", RILEY));
    }

    @Test
    void everyColumnOfARequestItsItemsTagsAndTimelineReadsBackAsBuilt() {
        EndpointRequest request = request("rows-1", "nat-0a1b2c3d4e5f60718");
        UUID id = request.id().value();
        request.addItem(new EndpointRequestItem(id, 0, "sts", 1, EndpointType.Interface, "com.amazonaws.eu-west-1.sts",
                null, List.of(), List.of("subnet-0b1b2c3d4e5f60718", "subnet-0a1b2c3d"), List.of("sg-0a1b2c3d"), true,
                PolicyChoice.ORGANIZATION, List.of(), List.of(), null,
                Map.of("cost-center", "cc-42", "Name", "Zahlungsverkehr \u00fc\u00e9 \u65e5\u672c", "empty", ""),
                new BigDecimal("7.125")));
        request.addItem(new EndpointRequestItem(id, 1, "s3-gateway", 1, EndpointType.Gateway,
                "com.amazonaws.eu-west-1.s3", null, List.of("rtb-0b1b2c3d", "rtb-0a1b2c3d"), List.of(), List.of(),
                false, PolicyChoice.S3_BUCKETS, List.of("payments-out", "payments-in"), List.of(), null, Map.of(),
                null));
        request.addItem(new EndpointRequestItem(id, 2, "dynamodb-gateway", 1, EndpointType.Gateway,
                "com.amazonaws.eu-west-1.dynamodb", null, List.of("rtb-0a1b2c3d"), List.of(), List.of(), false,
                PolicyChoice.CUSTOM, List.of(), List.of("orders", "Ledger_2025"), "{\"Statement\":[]}", Map.of(),
                null));
        RequestDetails built = RequestViews.details(request);

        rows.insert(request);
        entityManager.clear();
        EndpointRequest loaded = requests.findById(id).orElseThrow();

        assertThat(RequestViews.details(loaded)).isEqualTo(built);
        assertThat(loaded.idempotencyKey()).isEqualTo("rows-1");
        assertThat(loaded.payloadHash()).isEqualTo("hash-of-rows-1");
        assertThat(loaded.requester()).isEqualTo(RILEY);
        assertThat(loaded.items()).extracting(EndpointRequestItem::id)
                .containsExactlyElementsOf(request.items().stream().map(EndpointRequestItem::id).toList());
        assertThat(loaded.timeline()).extracting(TimelineEntry::id).doesNotContainNull();
        assertThat(version(id)).isZero();
    }

    @Test
    void theEntityTakesOverFromTheInsertedRows() {
        EndpointRequest request = request(null, null);
        UUID id = request.id().value();
        request.addItem(new EndpointRequestItem(id, 0, "sts", 1, EndpointType.Interface, "com.amazonaws.eu-west-1.sts",
                null, List.of(), List.of("subnet-0a1b2c3d"), List.of(), true, PolicyChoice.ORGANIZATION, List.of(),
                List.of(), null, Map.of()));
        rows.insert(request);

        EndpointRequest stored = requests.findById(id).orElseThrow();
        stored.submit(RILEY, "riley", NOW.plusSeconds(1));
        requests.saveAndFlush(stored);
        entityManager.clear();

        EndpointRequest loaded = requests.findById(id).orElseThrow();
        assertThat(loaded.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(loaded.natGatewayId()).isNull();
        assertThat(loaded.timeline()).extracting(TimelineEntry::kind).containsExactly("CREATED", "SUBMITTED");
        assertThat(loaded.timeline()).extracting(TimelineEntry::id).isSorted();
        assertThat(version(id)).as("optimistic lock version after one change").isEqualTo(1);
    }

    @Test
    void aRepeatedIdempotencyKeyFailsAsTheOrmWould() {
        rows.insert(request("rows-dup", null));

        assertThatThrownBy(() -> rows.insert(request("rows-dup", null)))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("endpoint_request_idempotency");
    }

    @Test
    void theSchemaStillRefusesAMalformedVpcId() {
        EndpointRequest malformed = new EndpointRequest(UUID.randomUUID(), RILEY, "riley", TEAM, ACCOUNT, "eu-west-1",
                "vpc-NOT-HEX", "t", "j", BigDecimal.ZERO, null, null, null, NOW);
        assertThatThrownBy(() -> rows.insert(malformed)).isInstanceOf(DataIntegrityViolationException.class);
    }

    private long version(UUID id) {
        return jdbc.queryForObject("select version from endpoint_request where id = ?", Long.class, id);
    }

    private static EndpointRequest request(String idempotencyKey, String natGateway) {
        return new EndpointRequest(UUID.randomUUID(), RILEY, "riley", TEAM, ACCOUNT, "eu-west-1",
                "vpc-0a1b2c3d4e5f60718", "Rows test", "Because tests", new BigDecimal("12.345"), natGateway,
                idempotencyKey, idempotencyKey == null ? null : "hash-of-" + idempotencyKey, NOW);
    }
}
