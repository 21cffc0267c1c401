package io.vpcportal.request.internal;

import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.request.RequestFilter;
import io.vpcportal.request.RequestPage;
import io.vpcportal.shared.TeamId;
import jakarta.persistence.criteria.Predicate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists requests newest first with keyset pagination: the cursor holds the last row's (created_at, id), so a
 * page costs the same however deep it is and rows inserted meanwhile never shift it.
 */
@Component
public class RequestPages {

    static final int MAX_LIMIT = 100;

    private final EndpointRequestRepository requests;

    RequestPages(EndpointRequestRepository requests) {
        this.requests = requests;
    }

    @Transactional(readOnly = true)
    public RequestPage page(PortalPrincipal by, RequestFilter filter, String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.parse(cursor);
        Specification<EndpointRequest> spec = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (!Requesters.isAdminOrApprover(by)) {
                List<String> teams = by.teams().stream().map(TeamId::value).toList();
                Predicate own = cb.equal(root.get("requesterId"), by.id().value());
                where.add(teams.isEmpty() ? own : cb.or(own, root.get("team").in(teams)));
            }
            if (filter.mineOnly()) {
                where.add(cb.equal(root.get("requesterId"), by.id().value()));
            }
            if (filter.status() != null) {
                where.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.team() != null && !filter.team().isBlank()) {
                where.add(cb.equal(root.get("team"), filter.team()));
            }
            if (filter.accountId() != null && !filter.accountId().isBlank()) {
                where.add(cb.equal(root.get("accountId"), filter.accountId()));
            }
            if (after != null) {
                where.add(cb.or(cb.lessThan(root.get("createdAt"), after.createdAt()),
                        cb.and(cb.equal(root.get("createdAt"), after.createdAt()),
                                cb.lessThan(root.<UUID>get("id"), after.id()))));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        List<EndpointRequest> rows = requests.findAll(spec,
                PageRequest.of(0, limit + 1, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))))
                .getContent();
        boolean more = rows.size() > limit;
        List<EndpointRequest> page = more ? rows.subList(0, limit) : rows;
        String next = more ? Cursor.of(page.get(page.size() - 1)).encode() : null;
        return new RequestPage(page.stream().map(RequestViews::summary).toList(), next);
    }

    record Cursor(Instant createdAt, UUID id) {

        static Cursor of(EndpointRequest r) {
            return new Cursor(r.createdAt(), r.id().value());
        }

        String encode() {
            String raw = createdAt.getEpochSecond() + "." + createdAt.getNano() + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String text) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                int colon = raw.indexOf(':');
                int dot = raw.indexOf('.');
                if (colon < 0 || dot < 0 || dot > colon) {
                    throw new IllegalArgumentException("shape");
                }
                Instant at = Instant.ofEpochSecond(Long.parseLong(raw.substring(0, dot)),
                        Long.parseLong(raw.substring(dot + 1, colon)));
                return new Cursor(at, UUID.fromString(raw.substring(colon + 1)));
            } catch (RuntimeException e) {
                throw new InvalidInputException("cursor", "is not a cursor this API returned");
            }
        }
    }
}
