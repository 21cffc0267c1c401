package io.vpcportal.request.internal;

import io.vpcportal.request.RequestStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of a request's history. Entries are only ever added. */
@Entity
@Table(name = "request_timeline_entry")
public class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private UUID requestId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    private RequestStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", updatable = false)
    private RequestStatus toStatus;

    @Column(updatable = false)
    private String message;

    protected TimelineEntry() {
    }

    TimelineEntry(UUID requestId, Instant occurredAt, String actor, String kind, RequestStatus fromStatus,
            RequestStatus toStatus, String message) {
        this.requestId = requestId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.kind = kind;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.message = message;
    }

    public Long id() { return id; }
    public Instant occurredAt() { return occurredAt; }
    public String actor() { return actor; }
    public String kind() { return kind; }
    public RequestStatus fromStatus() { return fromStatus; }
    public RequestStatus toStatus() { return toStatus; }
    public String message() { return message; }
}
