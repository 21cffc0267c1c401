package io.vpcportal.audit.internal;

import static io.vpcportal.audit.AuditAction.REQUEST_CREATED;
import static io.vpcportal.audit.AuditAction.REQUEST_REVISED;
import static io.vpcportal.audit.AuditAction.REQUEST_STATUS_CHANGED;
import static io.vpcportal.audit.AuditSubjectType.REQUEST;

import io.vpcportal.audit.AuditAction;
import io.vpcportal.request.ChangeApplied;
import io.vpcportal.request.ChangeRequested;
import io.vpcportal.request.RequestRevised;
import io.vpcportal.request.RequestStatus;
import io.vpcportal.request.RequestStatusChanged;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One row per lifecycle move of a request, in the transaction that moves it. Only {@link RequestStatusChanged}
 * is recorded for moves: the more specific events (approved, rejected, cancelled…) describe the same moves and
 * would count them twice.
 */
@Component
class RequestAuditListener {

    private final AuditWriter audit;
    private final Clock clock;

    RequestAuditListener(AuditWriter audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(RequestStatusChanged event) {
        String id = event.requestId().toString();
        if (event.from() == null) {
            audit.write(event.at(), event.actor(), REQUEST_CREATED, REQUEST, id, null, state(event.to()),
                    event.message());
        } else {
            audit.write(event.at(), event.actor(), REQUEST_STATUS_CHANGED, REQUEST, id, state(event.from()),
                    state(event.to()), event.message());
        }
    }

    @EventListener
    void on(RequestRevised event) {
        audit.write(clock.instant(), event.by(), REQUEST_REVISED, REQUEST, event.requestId().toString(), null, null,
                "Request edited");
    }

    @EventListener
    void on(ChangeRequested event) {
        audit.write(clock.instant(), event.by(), AuditAction.REQUEST_CHANGE_REQUESTED, REQUEST,
                event.requestId().toString(), null, AuditWriter.fields("change", event.changeId().value(),
                        "position", event.position()), "Change " + event.changeId() + " of endpoint " + event.position()
                        + " requested");
    }

    @EventListener
    void on(ChangeApplied event) {
        audit.write(clock.instant(), "portal", AuditAction.REQUEST_CHANGE_APPLIED, REQUEST,
                event.requestId().toString(), null, AuditWriter.fields("change", event.changeId().value(),
                        "position", event.position(), "vpcEndpointId", event.vpcEndpointId()),
                "Change " + event.changeId() + " applied to " + event.vpcEndpointId());
    }

    private static Map<String, Object> state(RequestStatus status) {
        return AuditWriter.fields("status", status);
    }
}
