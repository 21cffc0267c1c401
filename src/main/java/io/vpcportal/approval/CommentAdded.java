package io.vpcportal.approval;

import java.util.UUID;

/** Someone commented on a request. */
public record CommentAdded(UUID requestId, String author, String body) {
}
