package io.vpcportal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.request.RequestStatus;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WebhookEventTypeTests {

    @Test
    void requestsArrivingInTheseStatusesNotify() {
        assertThat(WebhookEventType.onArrivalIn(RequestStatus.SUBMITTED)).hasValue(WebhookEventType.SUBMITTED);
        assertThat(WebhookEventType.onArrivalIn(RequestStatus.APPROVED)).hasValue(WebhookEventType.APPROVED);
        assertThat(WebhookEventType.onArrivalIn(RequestStatus.REJECTED)).hasValue(WebhookEventType.REJECTED);
        assertThat(WebhookEventType.onArrivalIn(RequestStatus.CHANGES_REQUESTED))
                .hasValue(WebhookEventType.CHANGES_REQUESTED);
        assertThat(WebhookEventType.onArrivalIn(RequestStatus.ACTIVE)).hasValue(WebhookEventType.PROVISIONED);
        assertThat(WebhookEventType.onArrivalIn(RequestStatus.FAILED)).hasValue(WebhookEventType.FAILED);
        assertThat(WebhookEventType.onArrivalIn(RequestStatus.APPLIED)).hasValue(WebhookEventType.CHANGE_APPLIED);
        assertThat(WebhookEventType.onArrivalIn(RequestStatus.DECOMMISSION_REQUESTED))
                .hasValue(WebhookEventType.DECOMMISSION_REQUESTED);
        assertThat(WebhookEventType.onArrivalIn(RequestStatus.DECOMMISSIONING))
                .hasValue(WebhookEventType.DECOMMISSION_APPROVED);
        assertThat(WebhookEventType.onArrivalIn(RequestStatus.DELETED)).hasValue(WebhookEventType.DELETED);
    }

    @Test
    void otherStatusesDoNot() {
        assertThat(Arrays.stream(RequestStatus.values()).filter(s -> WebhookEventType.onArrivalIn(s).isEmpty()))
                .containsExactlyInAnyOrder(RequestStatus.DRAFT, RequestStatus.CANCELLED, RequestStatus.EXPIRED,
                        RequestStatus.PROVISIONING);
    }

    @Test
    void anAdoptionBecomingActiveIsAnAdoptionNotAProvisioning() {
        assertThat(WebhookEventType.onArrivalIn(null, RequestStatus.ACTIVE, true)).hasValue(WebhookEventType.ENDPOINT_ADOPTED);
        assertThat(WebhookEventType.onArrivalIn(RequestStatus.PROVISIONING, RequestStatus.ACTIVE, true))
                .hasValue(WebhookEventType.ENDPOINT_ADOPTED);
        assertThat(WebhookEventType.onArrivalIn(RequestStatus.PROVISIONING, RequestStatus.ACTIVE, false))
                .hasValue(WebhookEventType.PROVISIONED);
        assertThat(WebhookEventType.onArrivalIn(RequestStatus.SUBMITTED, RequestStatus.APPROVED, true))
                .hasValue(WebhookEventType.APPROVED);
    }

    @Test
    void wireNamesAreUniqueAndFitTheColumn() {
        assertThat(Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName))
                .doesNotHaveDuplicates().allMatch(n -> n.length() <= 40 && n.matches("[a-z]+\\.[a-z_]+"));
        assertThat(WebhookEventType.fromWireName("approval.needed")).hasValue(WebhookEventType.APPROVAL_NEEDED);
        assertThat(WebhookEventType.fromWireName("request.cancelled")).isEmpty();
    }
}
