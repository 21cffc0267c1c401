package io.vpcportal.approval;

import io.vpcportal.approval.internal.RequestComment;
import io.vpcportal.approval.internal.RequestCommentRepository;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.TextRules;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestQueries;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The comment thread of a request: everyone who may see the request may read and add to it. */
@Service
@Transactional
public class CommentManagement {

    static final int MAX_BODY = 4000;

    private final RequestCommentRepository comments;
    private final RequestQueries requests;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommentManagement(RequestCommentRepository comments, RequestQueries requests, ApplicationEventPublisher events,
            Clock clock) {
        this.comments = comments;
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CommentDetails> thread(PortalPrincipal by, UUID requestId) {
        requireVisible(by, requestId);
        return comments.findByRequestIdOrderByCreatedAtAsc(requestId).stream()
                .map(c -> new CommentDetails(c.id(), c.authorName(), c.body(), c.createdAt())).toList();
    }

    public CommentDetails add(PortalPrincipal by, UUID requestId, String body) {
        requireVisible(by, requestId);
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "must not be blank");
        }
        if (body.length() > MAX_BODY || TextRules.containsNul(body)) {
            throw new InvalidInputException("body", "must be at most " + MAX_BODY + " characters of text");
        }
        RequestComment comment = comments.save(new RequestComment(requestId, by.id().value(), by.getUsername(),
                body.strip(), clock.instant().truncatedTo(ChronoUnit.MICROS)));
        events.publishEvent(new CommentAdded(requestId, by.getUsername(), comment.body()));
        return new CommentDetails(comment.id(), comment.authorName(), comment.body(), comment.createdAt());
    }

    private void requireVisible(PortalPrincipal by, UUID requestId) {
        requests.requireVisible(by, requestId);
    }
}
