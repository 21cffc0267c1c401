package io.vpcportal.request;

import static io.vpcportal.request.RequestStatus.ACTIVE;
import static io.vpcportal.request.RequestStatus.APPLIED;
import static io.vpcportal.request.RequestStatus.APPROVED;
import static io.vpcportal.request.RequestStatus.CANCELLED;
import static io.vpcportal.request.RequestStatus.CHANGES_REQUESTED;
import static io.vpcportal.request.RequestStatus.EXPIRED;
import static io.vpcportal.request.RequestStatus.DECOMMISSIONING;
import static io.vpcportal.request.RequestStatus.DECOMMISSION_REQUESTED;
import static io.vpcportal.request.RequestStatus.DELETED;
import static io.vpcportal.request.RequestStatus.DRAFT;
import static io.vpcportal.request.RequestStatus.FAILED;
import static io.vpcportal.request.RequestStatus.PROVISIONING;
import static io.vpcportal.request.RequestStatus.REJECTED;
import static io.vpcportal.request.RequestStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.platform.ConflictException;
import io.vpcportal.request.internal.IllegalTransitionException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The lifecycle table, written out once more by hand: a change to it must be deliberate on both sides. */
class RequestStatusTests {

    private static final Map<RequestStatus, Set<RequestStatus>> LEGAL = new EnumMap<>(Map.ofEntries(
            Map.entry(DRAFT, EnumSet.of(SUBMITTED, CANCELLED)),
            Map.entry(SUBMITTED, EnumSet.of(APPROVED, REJECTED, CHANGES_REQUESTED, CANCELLED, EXPIRED)),
            Map.entry(CHANGES_REQUESTED, EnumSet.of(SUBMITTED, CANCELLED, EXPIRED)),
            Map.entry(APPROVED, EnumSet.of(PROVISIONING, CANCELLED)),
            Map.entry(PROVISIONING, EnumSet.of(ACTIVE, FAILED, APPLIED)),
            Map.entry(FAILED, EnumSet.of(PROVISIONING, DECOMMISSION_REQUESTED, DECOMMISSIONING)),
            Map.entry(ACTIVE, EnumSet.of(DECOMMISSION_REQUESTED)),
            Map.entry(DECOMMISSION_REQUESTED, EnumSet.of(DECOMMISSIONING, ACTIVE)),
            Map.entry(DECOMMISSIONING, EnumSet.of(DELETED, FAILED)),
            Map.entry(REJECTED, EnumSet.noneOf(RequestStatus.class)),
            Map.entry(CANCELLED, EnumSet.noneOf(RequestStatus.class)),
            Map.entry(EXPIRED, EnumSet.noneOf(RequestStatus.class)),
            Map.entry(DELETED, EnumSet.noneOf(RequestStatus.class)),
            Map.entry(APPLIED, EnumSet.noneOf(RequestStatus.class))));

    static Stream<Arguments> legalMoves() {
        return LEGAL.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(to -> Arguments.of(e.getKey(), to)));
    }

    static Stream<Arguments> illegalMoves() {
        return Arrays.stream(RequestStatus.values()).flatMap(from -> Arrays.stream(RequestStatus.values())
                .filter(to -> !LEGAL.get(from).contains(to))
                .map(to -> Arguments.of(from, to)));
    }

    @Test
    void theTableCoversEveryStatusAndEveryPair() {
        assertThat(LEGAL).containsOnlyKeys(RequestStatus.values());
        assertThat(legalMoves().count() + illegalMoves().count())
                .isEqualTo((long) RequestStatus.values().length * RequestStatus.values().length);
        assertThat(legalMoves().count()).isEqualTo(23);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("legalMoves")
    void aLegalMoveReturnsTheTarget(RequestStatus from, RequestStatus to) {
        assertThat(from.canMoveTo(to)).isTrue();
        assertThat(from.moveTo(to)).isSameAs(to);
    }

    @ParameterizedTest(name = "{0} -/-> {1}")
    @MethodSource("illegalMoves")
    void anIllegalMoveIsRefused(RequestStatus from, RequestStatus to) {
        assertThat(from.canMoveTo(to)).isFalse();
        assertThatThrownBy(() -> from.moveTo(to))
                .isInstanceOf(IllegalTransitionException.class)
                .isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("A " + from + " request cannot become " + to);
    }

    @ParameterizedTest
    @EnumSource(RequestStatus.class)
    void nextIsExactlyTheTable(RequestStatus status) {
        assertThat(status.next()).containsExactlyInAnyOrderElementsOf(LEGAL.get(status));
    }

    @ParameterizedTest
    @EnumSource(value = RequestStatus.class, names = {"REJECTED", "CANCELLED", "DELETED", "APPLIED"})
    void finalStatusesGoNowhere(RequestStatus status) {
        assertThat(status.isTerminal()).isTrue();
        assertThat(status.isCancellable()).isFalse();
        assertThatThrownBy(() -> status.moveTo(DRAFT))
                .hasMessage("A " + status + " request cannot become DRAFT (" + status + " is final)");
    }

    @ParameterizedTest
    @EnumSource(value = RequestStatus.class, names = {"REJECTED", "CANCELLED", "EXPIRED", "DELETED", "APPLIED"},
            mode = EnumSource.Mode.EXCLUDE)
    void otherStatusesAreNotFinalAndNameWhereTheyCanGo(RequestStatus status) {
        assertThat(status.isTerminal()).isFalse();
        RequestStatus illegal = status == DRAFT ? ACTIVE : DRAFT;
        assertThatThrownBy(() -> status.moveTo(illegal)).hasMessageContaining("; it can become " + status.next());
    }

    @Test
    void onlyTheStatusesBeforeProvisioningAreCancellable() {
        assertThat(Arrays.stream(RequestStatus.values()).filter(RequestStatus::isCancellable))
                .containsExactlyInAnyOrder(DRAFT, SUBMITTED, CHANGES_REQUESTED, APPROVED);
    }

    @Test
    void everyStatusIsReachableFromDraftAndEveryPathCanEnd() {
        Set<RequestStatus> reachable = EnumSet.of(DRAFT);
        Deque<RequestStatus> todo = new ArrayDeque<>(reachable);
        while (!todo.isEmpty()) {
            for (RequestStatus next : todo.pop().next()) {
                if (reachable.add(next)) {
                    todo.push(next);
                }
            }
        }
        assertThat(reachable).containsExactlyInAnyOrder(RequestStatus.values());
        for (RequestStatus status : RequestStatus.values()) {
            assertThat(canReachTerminal(status)).as("%s can reach a final status", status).isTrue();
        }
    }

    private static boolean canReachTerminal(RequestStatus start) {
        Set<RequestStatus> seen = EnumSet.of(start);
        Deque<RequestStatus> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            RequestStatus status = todo.pop();
            if (status.isTerminal()) {
                return true;
            }
            status.next().stream().filter(seen::add).forEach(todo::push);
        }
        return false;
    }
}
