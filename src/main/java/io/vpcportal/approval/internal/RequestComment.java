package io.vpcportal.approval.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "request_comment")
public class RequestComment {

    @Id
    private UUID id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private UUID requestId;

    @Column(name = "author_id", nullable = false, updatable = false)
    private UUID authorId;

    @Column(name = "author_name", nullable = false, updatable = false)
    private String authorName;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected RequestComment() {
    }

    public RequestComment(UUID requestId, UUID authorId, String authorName, String body, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.requestId = requestId;
        this.authorId = authorId;
        this.authorName = authorName;
        this.body = body;
        this.createdAt = createdAt;
    }

    public UUID id() { return id; }
    public String authorName() { return authorName; }
    public String body() { return body; }
    public Instant createdAt() { return createdAt; }
}
