package io.vpcportal.request;

import io.vpcportal.request.internal.IllegalTransitionException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of an endpoint request. Each status knows where it may go next. A change request (kind CHANGE)
 * ends {@link #APPLIED} instead of ACTIVE: the endpoint it changes stays with the request that created it.
 */
public enum RequestStatus {
    DRAFT, SUBMITTED, CHANGES_REQUESTED, APPROVED, REJECTED, CANCELLED, EXPIRED, PROVISIONING, ACTIVE, FAILED,
    DECOMMISSION_REQUESTED, DECOMMISSIONING, DELETED, APPLIED;

    public Set<RequestStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, CANCELLED);
            case SUBMITTED -> EnumSet.of(APPROVED, REJECTED, CHANGES_REQUESTED, CANCELLED, EXPIRED);
            case CHANGES_REQUESTED -> EnumSet.of(SUBMITTED, CANCELLED, EXPIRED);
            case APPROVED -> EnumSet.of(PROVISIONING, CANCELLED);
            case PROVISIONING -> EnumSet.of(ACTIVE, FAILED, APPLIED);
            case FAILED -> EnumSet.of(PROVISIONING, DECOMMISSION_REQUESTED, DECOMMISSIONING);
            case ACTIVE -> EnumSet.of(DECOMMISSION_REQUESTED);
            case DECOMMISSION_REQUESTED -> EnumSet.of(DECOMMISSIONING, ACTIVE);
            case DECOMMISSIONING -> EnumSet.of(DELETED, FAILED);
            case REJECTED, CANCELLED, EXPIRED, DELETED, APPLIED -> EnumSet.noneOf(RequestStatus.class);
        };
    }

    public boolean canMoveTo(RequestStatus target) {
        return next().contains(target);
    }

    /** The target status, or {@link IllegalTransitionException} when the lifecycle does not allow the move. */
    public RequestStatus moveTo(RequestStatus target) {
        if (!canMoveTo(target)) {
            throw new IllegalTransitionException(this, target);
        }
        return target;
    }

    public boolean isTerminal() {
        return next().isEmpty();
    }

    /** Can the requester still change the request's content? */
    public boolean isEditable() {
        return this == DRAFT || this == CHANGES_REQUESTED;
    }

    /** Is it waiting for approvers? */
    public boolean isAwaitingDecision() {
        return this == SUBMITTED;
    }

    /** Can the requester still withdraw it? */
    public boolean isCancellable() {
        return canMoveTo(CANCELLED);
    }
}
