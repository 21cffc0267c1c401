package io.vpcportal.request.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.catalog.EndpointType;
import io.vpcportal.catalog.PolicyChoice;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.ForbiddenException;
import io.vpcportal.request.RequestCancelled;
import io.vpcportal.request.RequestStatus;
import io.vpcportal.request.RequestStatusChanged;
import io.vpcportal.request.RequestSubmitted;
import io.vpcportal.shared.TeamId;
import io.vpcportal.shared.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The aggregate guards its own lifecycle: who may move it, which moves are legal, and what it records. */
class EndpointRequestTests {

    private static final UserId RILEY = new UserId(UUID.randomUUID());
    private static final UserId MALLORY = new UserId(UUID.randomUUID());
    private static final Instant CREATED = Instant.parse("2025-03-01T09:00:00Z");
    private static final Instant LATER = CREATED.plusSeconds(3600);

    @Test
    void aNewRequestIsADraftWithOneTimelineEntry() {
        EndpointRequest request = draft();

        assertThat(request.status()).isEqualTo(RequestStatus.DRAFT);
        assertThat(request.submittedAt()).isNull();
        assertThat(request.createdAt()).isEqualTo(CREATED);
        assertThat(request.timeline()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("CREATED");
            assertThat(e.actor()).isEqualTo("riley");
            assertThat(e.fromStatus()).isNull();
            assertThat(e.toStatus()).isEqualTo(RequestStatus.DRAFT);
            assertThat(e.occurredAt()).isEqualTo(CREATED);
        });
        assertThat(events(request)).isEmpty();
    }

    @Test
    void theRequesterSubmitsADraft() {
        EndpointRequest request = draftWithItem();

        request.submit(RILEY, "riley", LATER);

        assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(request.submittedAt()).isEqualTo(LATER);
        assertThat(request.updatedAt()).isEqualTo(LATER);
        assertThat(request.timeline()).hasSize(2);
        TimelineEntry submitted = request.timeline().get(1);
        assertThat(submitted.kind()).isEqualTo("SUBMITTED");
        assertThat(submitted.actor()).isEqualTo("riley");
        assertThat(submitted.fromStatus()).isEqualTo(RequestStatus.DRAFT);
        assertThat(submitted.toStatus()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(submitted.occurredAt()).isEqualTo(LATER);
        assertThat(events(request)).singleElement().isEqualTo(new RequestSubmitted(request.id(), RILEY,
                new TeamId("payments"), "111111111111", "eu-west-1"));
    }

    @Test
    void someoneElseCannotSubmit() {
        EndpointRequest request = draftWithItem();

        assertThatThrownBy(() -> request.submit(MALLORY, "mallory", LATER))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("Only the requester can submit this request");

        assertThat(request.status()).isEqualTo(RequestStatus.DRAFT);
        assertThat(request.timeline()).hasSize(1);
        assertThat(events(request)).isEmpty();
    }

    @Test
    void submittingTwiceIsAnIllegalTransition() {
        EndpointRequest request = draftWithItem();
        request.submit(RILEY, "riley", LATER);

        assertThatThrownBy(() -> request.submit(RILEY, "riley", LATER.plusSeconds(1)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("SUBMITTED request cannot become SUBMITTED");

        assertThat(request.timeline()).hasSize(2);
        assertThat(request.submittedAt()).isEqualTo(LATER);
        assertThat(events(request)).hasSize(1);
    }

    @Test
    void aDraftWithoutEndpointsCannotBeSubmitted() {
        EndpointRequest request = draft();

        assertThatThrownBy(() -> request.submit(RILEY, "riley", LATER))
                .isInstanceOf(ConflictException.class)
                .isNotInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("without endpoints");
        assertThat(request.status()).isEqualTo(RequestStatus.DRAFT);
    }

    @Test
    void itemsCanOnlyBeAddedToADraft() {
        EndpointRequest request = draftWithItem();
        request.submit(RILEY, "riley", LATER);

        assertThatThrownBy(() -> request.addItem(item(request, 1, "ssm")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("cannot be edited");
        assertThat(request.items()).hasSize(1);
    }

    @Test
    void cancelRecordsTheStrippedReason() {
        EndpointRequest request = draftWithItem();

        request.cancel(RILEY, "riley", "  wrong VPC\n", LATER);

        assertThat(request.status()).isEqualTo(RequestStatus.CANCELLED);
        TimelineEntry cancelled = request.timeline().get(1);
        assertThat(cancelled.kind()).isEqualTo("CANCELLED");
        assertThat(cancelled.message()).isEqualTo("Cancelled: wrong VPC");
        assertThat(cancelled.fromStatus()).isEqualTo(RequestStatus.DRAFT);
        assertThat(cancelled.toStatus()).isEqualTo(RequestStatus.CANCELLED);
        assertThat(events(request)).singleElement()
                .isEqualTo(new RequestCancelled(request.id(), RILEY, "  wrong VPC\n"));
    }

    @Test
    void cancelWithoutAReasonSaysWhoCancelled() {
        EndpointRequest blank = draftWithItem();
        EndpointRequest none = draftWithItem();

        blank.cancel(RILEY, "riley", "   ", LATER);
        none.cancel(RILEY, "riley", null, LATER);

        assertThat(blank.timeline().get(1).message()).isEqualTo("Cancelled by the requester");
        assertThat(none.timeline().get(1).message()).isEqualTo("Cancelled by the requester");
    }

    @Test
    void aSubmittedRequestCanBeCancelledAndEveryMoveIsInTheTimeline() {
        EndpointRequest request = draftWithItem();
        request.submit(RILEY, "riley", LATER);

        request.cancel(RILEY, "riley", "no longer needed", LATER.plusSeconds(60));

        assertThat(request.timeline()).extracting(TimelineEntry::kind).containsExactly("CREATED", "SUBMITTED", "CANCELLED");
        assertThat(request.timeline()).extracting(TimelineEntry::toStatus)
                .containsExactly(RequestStatus.DRAFT, RequestStatus.SUBMITTED, RequestStatus.CANCELLED);
        assertThat(request.updatedAt()).isEqualTo(LATER.plusSeconds(60));
    }

    @Test
    void someoneElseCannotCancelAndACancelledRequestIsFinal() {
        EndpointRequest request = draftWithItem();
        assertThatThrownBy(() -> request.cancel(MALLORY, "mallory", "mine now", LATER))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("Only the requester can cancel this request");

        request.cancel(RILEY, "riley", null, LATER);

        assertThatThrownBy(() -> request.cancel(RILEY, "riley", null, LATER))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("CANCELLED is final");
        assertThatThrownBy(() -> request.submit(RILEY, "riley", LATER))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(request.timeline()).hasSize(2);
    }

    @Test
    void anItemKeepsItsIdsSortedAndWithoutDuplicates() {
        EndpointRequest request = draft();
        EndpointRequestItem item = new EndpointRequestItem(request.id().value(), 0, "sts", 1, EndpointType.Interface,
                "com.amazonaws.eu-west-1.sts", null, List.of(),
                List.of("subnet-0b000000", "subnet-0a000000", "subnet-0b000000"), List.of("sg-0b000000", "sg-0a000000"),
                true, PolicyChoice.ORGANIZATION, List.of(), List.of(), null, Map.of("z", "1", "a", "2"));

        assertThat(item.subnetIds()).containsExactly("subnet-0a000000", "subnet-0b000000");
        assertThat(item.securityGroupIds()).containsExactly("sg-0a000000", "sg-0b000000");
        assertThat(item.tags()).containsExactly(Map.entry("a", "2"), Map.entry("z", "1"));
        assertThat(item.policyChoice()).isEqualTo(PolicyChoice.ORGANIZATION);
    }

    @Test
    void anExpiryNamesWhatTheRequestWaitedFor() {
        UserId noor = new UserId(UUID.randomUUID());
        EndpointRequest waiting = draftWithItem();
        waiting.submit(RILEY, "riley", LATER);
        EndpointRequest sentBack = draftWithItem();
        sentBack.submit(RILEY, "riley", LATER);
        sentBack.requestChanges(noor, "noor", "which VPC?", LATER);

        waiting.expire(14, LATER.plusSeconds(60));
        sentBack.expire(14, LATER.plusSeconds(60));

        assertThat(waiting.status()).isEqualTo(RequestStatus.EXPIRED);
        assertThat(waiting.timeline().get(2).message()).isEqualTo("Expired: no decision within 14 days");
        assertThat(sentBack.status()).isEqualTo(RequestStatus.EXPIRED);
        assertThat(sentBack.timeline().get(3).message()).isEqualTo("Expired: not resubmitted within 14 days");
        assertThat(sentBack.timeline().get(3).actor()).isEqualTo("portal");
    }

    private static EndpointRequest draft() {
        return new EndpointRequest(UUID.randomUUID(), RILEY, "riley", new TeamId("payments"), "111111111111",
                "eu-west-1", "vpc-0a1b2c3d", "STS", "Batch jobs need STS", BigDecimal.TEN, null, null, null, CREATED);
    }

    private static EndpointRequest draftWithItem() {
        EndpointRequest request = draft();
        request.addItem(item(request, 0, "sts"));
        return request;
    }

    private static EndpointRequestItem item(EndpointRequest request, int position, String template) {
        return new EndpointRequestItem(request.id().value(), position, template, 1, EndpointType.Interface,
                "com.amazonaws.eu-west-1." + template, null, List.of(), List.of("subnet-0a1b2c3d"), List.of(), true,
                PolicyChoice.ORGANIZATION, List.of(), List.of(), null, Map.of());
    }

    /**
     * The domain events the aggregate registered since creation, without the per-move RequestStatusChanged
     * (drained, as RequestStore does before publishing).
     */
    private static Collection<?> events(EndpointRequest request) {
        return request.drainEvents().stream().filter(e -> !(e instanceof RequestStatusChanged)).toList();
    }

    @Test
    void everyMoveAnnouncesOneStatusChangeFromCreationOn() {
        EndpointRequest request = draftWithItem();
        request.submit(RILEY, "riley", LATER);
        request.cancel(RILEY, "riley", null, LATER);

        assertThat(request.drainEvents().stream().filter(RequestStatusChanged.class::isInstance)
                .map(RequestStatusChanged.class::cast).map(e -> e.from() + "->" + e.to()))
                .containsExactly("null->DRAFT", "DRAFT->SUBMITTED", "SUBMITTED->CANCELLED");
        assertThat(request.drainEvents()).isEmpty();
    }
}
