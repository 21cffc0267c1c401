package io.vpcportal.notification.internal;

import io.vpcportal.approval.ApprovalNeeded;
import io.vpcportal.identity.Contact;
import io.vpcportal.identity.UserContacts;
import io.vpcportal.notification.MailKind;
import io.vpcportal.notification.NotificationPreferences;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestQueries;
import io.vpcportal.request.RequestStatus;
import io.vpcportal.request.RequestStatusChanged;
import io.vpcportal.shared.TeamId;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns events into mails, in the transaction of the change (as the webhook outbox does): approvers of the team
 * whose stage became active, and the requester when their request is decided, provisioned or fails. A recipient
 * without an address, or who turned the kind off, gets nothing; without an SMTP server nothing is written.
 */
@Component
class MailOutbox {

    private final MailServer server;
    private final MailDeliveryRepository mails;
    private final MailTexts texts;
    private final UserContacts contacts;
    private final NotificationPreferences preferences;
    private final RequestQueries requests;
    private final Clock clock;

    MailOutbox(MailServer server, MailDeliveryRepository mails, MailTexts texts, UserContacts contacts,
            NotificationPreferences preferences, RequestQueries requests, Clock clock) {
        this.server = server;
        this.mails = mails;
        this.texts = texts;
        this.contacts = contacts;
        this.preferences = preferences;
        this.requests = requests;
        this.clock = clock;
    }

    @EventListener
    void on(ApprovalNeeded event) {
        if (!server.configured()) {
            return;
        }
        requests.find(new EndpointRequestId(event.requestId())).ifPresent(r ->
                toApprovers(MailKind.APPROVAL_WAITING, r, event.approverTeam(),
                        to -> texts.approvalWaiting(to, r, event.stage(), event.approverTeam())));
    }

    @EventListener
    void on(RequestStatusChanged event) {
        MailKind kind = switch (event.to()) {
            case APPROVED, REJECTED, CHANGES_REQUESTED -> MailKind.REQUEST_DECIDED;
            case ACTIVE -> event.from() == RequestStatus.PROVISIONING ? MailKind.REQUEST_PROVISIONED : null;
            case FAILED -> MailKind.REQUEST_FAILED;
            default -> null;
        };
        if (kind == null || !server.configured()) {
            return;
        }
        RequestDetails r = requests.find(event.requestId()).orElse(null);
        if (r == null) {
            return;
        }
        contacts.byUsername(r.requester()).ifPresent(to -> send(kind, to, r, switch (kind) {
            case REQUEST_DECIDED -> texts.decided(to, r, event.to(), event.actor(), event.message());
            case REQUEST_PROVISIONED -> texts.provisioned(to, r, event.message());
            default -> texts.failed(to, r, event.message());
        }));
    }

    /** Mails the approvers of {@code team} about {@code r}, except its requester (who may not decide it). */
    void toApprovers(MailKind kind, RequestDetails r, String team, Function<Contact, MailText> text) {
        List<Contact> approvers = contacts.approversOf(new TeamId(team));
        for (Contact to : approvers) {
            if (!to.username().equals(r.requester())) {
                send(kind, to, r, text.apply(to));
            }
        }
    }

    private void send(MailKind kind, Contact to, RequestDetails r, MailText text) {
        if (to.reachable() && preferences.wants(to.id(), kind)) {
            mails.save(new MailDelivery(kind, to.username(), to.email(), text, r.id(), clock.instant()));
        }
    }
}
