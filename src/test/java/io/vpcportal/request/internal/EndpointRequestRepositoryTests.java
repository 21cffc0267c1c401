package io.vpcportal.request.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.PortalRepositoryTest;
import io.vpcportal.catalog.EndpointType;
import io.vpcportal.catalog.PolicyChoice;
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

/** Endpoint requests in real PostgreSQL: id arrays, tags, timeline and the idempotency index. */
@PortalRepositoryTest
class EndpointRequestRepositoryTests {

    private static final UserId RILEY = new UserId(UUID.fromString("00000000-0000-0000-0000-00000000a001"));
    private static final UserId ROBIN = new UserId(UUID.fromString("00000000-0000-0000-0000-00000000a002"));
    private static final TeamId TEAM = new TeamId("repo-team");
    private static final String ACCOUNT = "123456789012";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Autowired
    EndpointRequestRepository requests;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void seedTeamUsersAndAccount() {
        RequestTestData.seed(jdbc, TEAM, ACCOUNT, Map.of("riley", RILEY, "robin", ROBIN));
    }

    @Test
    void itemsWithIdArraysTagsAndPoliciesRoundTrip() {
        EndpointRequest request = request(RILEY, null);
        UUID id = request.id().value();
        request.addItem(new EndpointRequestItem(id, 0, "sts", 1, EndpointType.Interface, "com.amazonaws.eu-west-1.sts",
                null, List.of(), List.of("subnet-0b1b2c3d4e5f60718", "subnet-0a1b2c3d", "subnet-0b1b2c3d4e5f60718"),
                List.of("sg-0a1b2c3d"), true, PolicyChoice.ORGANIZATION, List.of(), List.of(), null,
                Map.of("cost-center", "cc-42", "Name", "Zahlungsverkehr \u00fc\u00e9 \u65e5\u672c", "empty", "")));
        request.addItem(new EndpointRequestItem(id, 1, "s3-gateway", 1, EndpointType.Gateway, "com.amazonaws.eu-west-1.s3",
                null, List.of("rtb-0b1b2c3d", "rtb-0a1b2c3d"), List.of(), List.of(), false, PolicyChoice.S3_BUCKETS,
                List.of("payments-out", "payments-in"), List.of(), null, Map.of()));
        request.addItem(new EndpointRequestItem(id, 2, "dynamodb-gateway", 1, EndpointType.Gateway,
                "com.amazonaws.eu-west-1.dynamodb", null, List.of("rtb-0a1b2c3d"), List.of(), List.of(), false,
                PolicyChoice.CUSTOM, List.of(), List.of("orders", "Ledger_2025"), "{\"Statement\":[]}", Map.of()));

        requests.saveAndFlush(request);
        entityManager.clear();
        EndpointRequest loaded = requests.findById(id).orElseThrow();

        assertThat(loaded).isNotSameAs(request);
        assertThat(loaded.expectedMonthlyGb()).isEqualByComparingTo("12.345");
        assertThat(loaded.natGatewayId()).isEqualTo("nat-0a1b2c3d4e5f60718");
        assertThat(loaded.createdAt()).isEqualTo(NOW);
        assertThat(loaded.items()).extracting(EndpointRequestItem::templateKey)
                .containsExactly("sts", "s3-gateway", "dynamodb-gateway");
        EndpointRequestItem sts = loaded.items().get(0);
        assertThat(sts.subnetIds()).containsExactly("subnet-0a1b2c3d", "subnet-0b1b2c3d4e5f60718");
        assertThat(sts.securityGroupIds()).containsExactly("sg-0a1b2c3d");
        assertThat(sts.routeTableIds()).isEmpty();
        assertThat(sts.privateDns()).isTrue();
        assertThat(sts.endpointType()).isEqualTo(EndpointType.Interface);
        assertThat(sts.tags()).containsExactly(Map.entry("Name", "Zahlungsverkehr \u00fc\u00e9 \u65e5\u672c"),
                Map.entry("cost-center", "cc-42"), Map.entry("empty", ""));
        EndpointRequestItem s3 = loaded.items().get(1);
        assertThat(s3.routeTableIds()).containsExactly("rtb-0a1b2c3d", "rtb-0b1b2c3d");
        assertThat(s3.bucketNames()).containsExactly("payments-in", "payments-out");
        assertThat(s3.policyChoice()).isEqualTo(PolicyChoice.S3_BUCKETS);
        assertThat(s3.tags()).isEmpty();
        EndpointRequestItem dynamo = loaded.items().get(2);
        assertThat(dynamo.tableNames()).containsExactly("Ledger_2025", "orders");
        assertThat(dynamo.customPolicy()).isEqualTo("{\"Statement\":[]}");
        assertThat(dynamo.policyChoice()).isEqualTo(PolicyChoice.CUSTOM);
    }

    @Test
    void idListsAreRealPostgresArrays() {
        EndpointRequest request = request(RILEY, null);
        request.addItem(new EndpointRequestItem(request.id().value(), 0, "sts", 1, EndpointType.Interface,
                "com.amazonaws.eu-west-1.sts", null, List.of(), List.of("subnet-0b1b2c3d", "subnet-0a1b2c3d"),
                List.of(), true, PolicyChoice.ORGANIZATION, List.of(), List.of(), null, Map.of()));
        requests.saveAndFlush(request);

        Map<String, Object> row = jdbc.queryForMap("""
                select array_length(subnet_ids, 1) as subnets, subnet_ids[1] as first,
                       cardinality(route_table_ids) as route_tables, pg_typeof(subnet_ids)::text as type
                from endpoint_request_item where request_id = ?""", request.id().value());

        assertThat(row).containsEntry("subnets", 2).containsEntry("first", "subnet-0a1b2c3d")
                .containsEntry("route_tables", 0).containsEntry("type", "character varying[]");
    }

    @Test
    void theTimelineGrowsWithEachMoveAndKeepsItsOrder() {
        EndpointRequest request = request(RILEY, null);
        request.addItem(new EndpointRequestItem(request.id().value(), 0, "sts", 1, EndpointType.Interface,
                "com.amazonaws.eu-west-1.sts", null, List.of(), List.of("subnet-0a1b2c3d"), List.of(), true,
                PolicyChoice.ORGANIZATION, List.of(), List.of(), null, Map.of()));
        requests.saveAndFlush(request);
        entityManager.clear();
        long created = version(request);

        EndpointRequest stored = requests.findById(request.id().value()).orElseThrow();
        stored.submit(RILEY, "riley", NOW.plusSeconds(1));
        requests.saveAndFlush(stored);
        long submitted = version(request);
        stored.cancel(RILEY, "riley", "changed plans", NOW.plusSeconds(2));
        requests.saveAndFlush(stored);
        entityManager.clear();

        EndpointRequest loaded = requests.findById(request.id().value()).orElseThrow();
        assertThat(loaded.status()).isEqualTo(RequestStatus.CANCELLED);
        assertThat(loaded.submittedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(loaded.timeline()).extracting(TimelineEntry::kind).containsExactly("CREATED", "SUBMITTED", "CANCELLED");
        assertThat(loaded.timeline()).extracting(TimelineEntry::id).doesNotContainNull().isSorted();
        assertThat(loaded.timeline().get(2).message()).isEqualTo("Cancelled: changed plans");
        assertThat(submitted).as("optimistic lock version").isEqualTo(created + 1);
        assertThat(version(request)).isEqualTo(created + 2);
    }

    private long version(EndpointRequest request) {
        return jdbc.queryForObject("select version from endpoint_request where id = ?", Long.class, request.id().value());
    }

    @Test
    void theIdempotencyKeyIsUniquePerRequester() {
        EndpointRequest first = requests.saveAndFlush(request(RILEY, "create-1"));
        requests.saveAndFlush(request(ROBIN, "create-1"));
        requests.saveAndFlush(request(RILEY, null));
        requests.saveAndFlush(request(RILEY, null));

        assertThat(requests.findByRequesterIdAndIdempotencyKey(RILEY.value(), "create-1"))
                .hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(first.id()));
        assertThat(requests.findByRequesterIdAndIdempotencyKey(RILEY.value(), "create-2")).isEmpty();
        assertThatThrownBy(() -> requests.saveAndFlush(request(RILEY, "create-1")))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("endpoint_request_idempotency");
    }

    @Test
    void theSchemaRefusesAMalformedVpcIdEvenIfTheRulesWereBypassed() {
        EndpointRequest request = new EndpointRequest(UUID.randomUUID(), RILEY, "riley", TEAM, ACCOUNT, "eu-west-1",
                "vpc-NOT-HEX", "t", "j", BigDecimal.ZERO, null, null, null, NOW);

        assertThatThrownBy(() -> requests.saveAndFlush(request)).isInstanceOf(DataIntegrityViolationException.class);
    }

    private static EndpointRequest request(UserId requester, String idempotencyKey) {
        return new EndpointRequest(UUID.randomUUID(), requester, requester.equals(RILEY) ? "riley" : "robin", TEAM,
                ACCOUNT, "eu-west-1", "vpc-0a1b2c3d4e5f60718", "Repository test", "Because tests",
                new BigDecimal("12.345"), "nat-0a1b2c3d4e5f60718", idempotencyKey,
                idempotencyKey == null ? null : "hash-of-" + idempotencyKey, NOW);
    }
}
