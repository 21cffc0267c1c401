package io.vpcportal.approval;

import java.time.Instant;
import java.util.UUID;

public record CommentDetails(UUID id, String author, String body, Instant createdAt) {
}
