package io.vpcportal.notification;

import io.vpcportal.request.RequestStatus;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * What a webhook can subscribe to, by its name on the wire ({@code X-Portal-Event}). To add a type: a constant
 * here, and either an entry in {@link #ON_ARRIVAL} (for a request entering a status) or a listener method in
 * the outbox for another event.
 */
public enum WebhookEventType {
    SUBMITTED("request.submitted", "Submitted for approval"),
    APPROVAL_NEEDED("approval.needed", "Approval needed from a team"),
    APPROVED("request.approved", "Approved"),
    REJECTED("request.rejected", "Rejected"),
    CHANGES_REQUESTED("request.changes_requested", "Changes requested"),
    PROVISIONED("request.provisioned", "Provisioned (endpoints active)"),
    FAILED("request.failed", "Provisioning failed"),
    CHANGE_APPLIED("request.change_applied", "Change applied to an endpoint"),
    DECOMMISSION_REQUESTED("request.decommission_requested", "Decommission requested"),
    DECOMMISSION_APPROVED("request.decommission_approved", "Decommission approved (deleting)"),
    DELETED("request.deleted", "Decommissioned (endpoints deleted)"),
    ENDPOINT_DRIFTED("endpoint.drifted", "A managed endpoint drifted from its approved state"),
    ENDPOINT_ADOPTED("endpoint.adopted", "An endpoint found in AWS was adopted (nothing created)");

    /** Request lifecycle moves that notify, by the status the request arrives in. */
    private static final Map<RequestStatus, WebhookEventType> ON_ARRIVAL = Map.of(
            RequestStatus.SUBMITTED, SUBMITTED,
            RequestStatus.APPROVED, APPROVED,
            RequestStatus.REJECTED, REJECTED,
            RequestStatus.CHANGES_REQUESTED, CHANGES_REQUESTED,
            RequestStatus.ACTIVE, PROVISIONED,
            RequestStatus.FAILED, FAILED,
            RequestStatus.APPLIED, CHANGE_APPLIED,
            RequestStatus.DECOMMISSION_REQUESTED, DECOMMISSION_REQUESTED,
            RequestStatus.DECOMMISSIONING, DECOMMISSION_APPROVED,
            RequestStatus.DELETED, DELETED);

    private final String wireName;
    private final String label;

    WebhookEventType(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }

    public static Optional<WebhookEventType> onArrivalIn(RequestStatus status) {
        return Optional.ofNullable(ON_ARRIVAL.get(status));
    }

    /**
     * As {@link #onArrivalIn}, for a request that adopts an endpoint instead of creating one: it becomes ACTIVE
     * (directly, or after its approval tagged the endpoint) as {@link #ENDPOINT_ADOPTED}, never as provisioned.
     */
    public static Optional<WebhookEventType> onArrivalIn(RequestStatus from, RequestStatus status, boolean adoption) {
        if (adoption && status == RequestStatus.ACTIVE && (from == null || from == RequestStatus.PROVISIONING)) {
            return Optional.of(ENDPOINT_ADOPTED);
        }
        return onArrivalIn(status);
    }

    public static Optional<WebhookEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
