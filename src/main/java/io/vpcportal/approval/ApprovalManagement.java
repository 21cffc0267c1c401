package io.vpcportal.approval;

import io.vpcportal.approval.internal.ApprovalProperties;
import io.vpcportal.approval.internal.ApprovalRouting;
import io.vpcportal.approval.ApprovalCaseDetails.DecisionDetails;
import io.vpcportal.approval.ApprovalCaseDetails.StageDetails;
import io.vpcportal.approval.internal.ApprovalCase;
import io.vpcportal.approval.internal.ApprovalCaseRepository;
import io.vpcportal.approval.internal.ApprovalDecision;
import io.vpcportal.approval.internal.CaseStage;
import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.identity.Role;
import io.vpcportal.identity.UserSummary;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.ForbiddenException;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.platform.TextRules;
import io.vpcportal.request.DecommissionRequested;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestCancelled;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestLifecycle;
import io.vpcportal.request.RequestQueries;
import io.vpcportal.request.RequestSubmitted;
import io.vpcportal.request.SelfApprovalNotAllowed;
import io.vpcportal.shared.TeamId;
import io.vpcportal.shared.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routes submitted requests to their approvers, records decisions and carries the request to its outcome.
 * Separation of duties holds here, in the request aggregate and in the database.
 */
@Service
@Transactional
public class ApprovalManagement {

    private static final int MAX_COMMENT = 2000;

    private final ApprovalCaseRepository cases;
    private final ApprovalRouting routing;
    private final RequestQueries requests;
    private final RequestLifecycle lifecycle;
    private final IdentityManagement identity;
    private final ApprovalProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApprovalManagement(ApprovalCaseRepository cases, ApprovalRouting routing, RequestQueries requests,
            RequestLifecycle lifecycle,
            IdentityManagement identity, ApprovalProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.routing = routing;
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.identity = identity;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** A submission (or resubmission) starts a round: stages from the rules, or an automatic approval. */
    @EventListener
    void on(RequestSubmitted submitted) {
        startRound(submitted.requestId(), submitted.requester(), submitted.team());
    }

    /**
     * A decommission is decided like a submission: the rules that route the request's endpoints name the
     * stages, and a new round of the request's case starts.
     */
    @EventListener
    void on(DecommissionRequested requested) {
        startRound(requested.requestId(), requested.requester(), requested.team());
    }

    private void startRound(EndpointRequestId id, UserId requester, TeamId team) {
        RequestDetails request = requests.find(id)
                .orElseThrow(() -> new IllegalStateException("Submitted request not found: " + id));
        ApprovalRouting.Route route = routing.route(request);
        ApprovalCase approval = cases.findById(request.id())
                .orElseGet(() -> new ApprovalCase(request.id(), requester.value(), team.value()));
        approval.startRound(route.stages(), route.rules(), route.automatic(), now());
        cases.save(approval);
        if (route.automatic()) {
            lifecycle.approve(id, null, "portal", "automatically, by rule: " + String.join("; ", route.rules()));
        } else {
            announce(approval);
        }
    }

    @EventListener
    void on(RequestCancelled cancelled) {
        cases.findById(cancelled.requestId().value()).ifPresent(c -> c.close(CaseStatus.CANCELLED, now()));
    }

    /** An approver decides on the current stage of a request. */
    public ApprovalCaseDetails decide(PortalPrincipal by, UUID requestId, Decision decision, String comment) {
        // a request of another team answers as a missing one (404), as for every other cross-team access; then
        // whether the caller may decide at all (403), all before anything they sent is looked at
        requests.requireVisible(by, requestId);
        ApprovalCase approval = cases.findForDecision(requestId)
                .orElseThrow(() -> new NotFoundException("Request " + requestId + " has never been submitted"));
        if (approval.requesterId().equals(by.id().value())) {
            throw new SelfApprovalNotAllowed(new EndpointRequestId(requestId));
        }
        if (!by.hasRole(Role.APPROVER)) {
            throw new ForbiddenException("Deciding on requests needs the APPROVER role");
        }
        if (decision == null) {
            throw new InvalidInputException("decision", "must be APPROVE, REJECT or REQUEST_CHANGES");
        }
        String text = comment == null ? null : comment.strip();
        if ((decision != Decision.APPROVE) && (text == null || text.isEmpty())) {
            throw new InvalidInputException("reason",
                    "must say why, so that the requester knows what to change");
        }
        if (text != null && (text.length() > MAX_COMMENT || TextRules.containsNul(text))) {
            throw new InvalidInputException(decision == Decision.APPROVE ? "comment" : "reason",
                    "must be at most " + MAX_COMMENT + " characters");
        }
        CaseStage stage = approval.activeStage().orElseThrow(() -> new ConflictException(
                "This request is not waiting for a decision (" + approval.status() + ")"));
        TeamId team = new TeamId(stage.approverTeam());
        if (!by.hasRole(Role.APPROVER) || !by.isMemberOf(team)) {
            throw new ForbiddenException("Stage " + stage.position() + " is decided by approvers of team " + team);
        }
        List<UserSummary> approvers = identity.approversOf(team);
        Set<UUID> eligible = approvers.stream().map(u -> u.id().value()).collect(Collectors.toSet());
        TeamId requesterTeam = new TeamId(approval.requesterTeam());
        Set<UUID> insiders = approvers.stream().filter(u -> u.teams().contains(requesterTeam))
                .map(u -> u.id().value()).collect(Collectors.toSet());
        if (by.isMemberOf(requesterTeam)) {
            insiders.add(by.id().value());
        }
        CaseStatus before = approval.status();
        int stageBefore = approval.currentStage();
        CaseStatus after = approval.decide(by.id().value(), by.getUsername(), decision, text, eligible, insiders, now());
        cases.saveAndFlush(approval);
        events.publishEvent(new DecisionRecorded(requestId, approval.round(), stage.position(), by.getUsername(),
                decision, text));
        EndpointRequestId id = new EndpointRequestId(requestId);
        switch (after) {
            case APPROVED -> lifecycle.approve(id, by.id(), by.getUsername(), text);
            case REJECTED -> lifecycle.reject(id, by.id(), by.getUsername(), text);
            case CHANGES_REQUESTED -> lifecycle.requestChanges(id, by.id(), by.getUsername(), text);
            default -> {
                if (before == CaseStatus.PENDING && approval.currentStage() != stageBefore) {
                    announce(approval);
                }
            }
        }
        return details(approval);
    }

    /** Why {@code by} may not decide now, or empty when they may. */
    @Transactional(readOnly = true)
    public Optional<String> whyNotDecider(PortalPrincipal by, UUID requestId) {
        Optional<ApprovalCase> found = cases.findById(requestId);
        if (found.isEmpty()) {
            return Optional.of("The request has not been submitted.");
        }
        ApprovalCase approval = found.get();
        if (approval.requesterId().equals(by.id().value())) {
            return Optional.of("You requested it: somebody else decides.");
        }
        Optional<CaseStage> stage = approval.activeStage();
        if (stage.isEmpty()) {
            return Optional.of("It is not waiting for a decision.");
        }
        TeamId team = new TeamId(stage.get().approverTeam());
        if (!by.hasRole(Role.APPROVER) || !by.isMemberOf(team)) {
            return Optional.of("Stage " + stage.get().position() + " waits for approvers of team " + team + ".");
        }
        boolean decided = approval.decisions().stream().anyMatch(d -> d.round() == approval.round()
                && d.stagePosition() == stage.get().position() && d.decidedBy().equals(by.id().value()));
        return decided ? Optional.of("You already approved this stage; it waits for others.") : Optional.empty();
    }

    /**
     * Requests waiting on one of {@code by}'s teams, oldest first. A fixed number of statements however long the
     * inbox: the pending cases with their stages and decisions (sub-selects), then the requests' summaries at once.
     */
    @Transactional(readOnly = true)
    public List<InboxEntry> inbox(PortalPrincipal by) {
        if (!by.hasRole(Role.APPROVER)) {
            return List.of();
        }
        Instant now = now();
        record Waiting(ApprovalCase approval, CaseStage stage) {
        }
        List<Waiting> waiting = new ArrayList<>();
        for (ApprovalCase approval : cases.findByStatusOrderBySubmittedAtAsc(CaseStatus.PENDING)) {
            Optional<CaseStage> stage = approval.activeStage();
            if (stage.isEmpty() || approval.requesterId().equals(by.id().value())
                    || !by.isMemberOf(new TeamId(stage.get().approverTeam()))) {
                continue;
            }
            boolean decided = approval.decisions().stream().anyMatch(d -> d.round() == approval.round()
                    && d.stagePosition() == stage.get().position() && d.decidedBy().equals(by.id().value()));
            if (!decided) {
                waiting.add(new Waiting(approval, stage.get()));
            }
        }
        var summaries = requests.summaries(waiting.stream().map(w -> w.approval().requestId()).toList());
        List<InboxEntry> entries = new ArrayList<>();
        for (Waiting w : waiting) {
            var r = summaries.get(w.approval().requestId());
            if (r == null) {
                continue;
            }
            Instant since = w.stage().startedAt() == null ? w.approval().submittedAt() : w.stage().startedAt();
            long age = Duration.between(w.approval().submittedAt(), now).toHours();
            entries.add(new InboxEntry(r.id(), r.title(), r.requester(), r.team(), r.accountId(), r.region(),
                    w.stage().position(), w.approval().stages().size(), w.stage().approverTeam(), since, age,
                    age >= properties.slaHours()));
        }
        return entries;
    }

    @Transactional(readOnly = true)
    public Optional<ApprovalCaseDetails> caseOf(UUID requestId) {
        return cases.findById(requestId).map(this::details);
    }

    /** Closes requests nobody decided on in time; safe to run on several instances at once. */
    public int expireOverdue() {
        Instant limit = now().minus(Duration.ofDays(properties.expireAfterDays()));
        List<ApprovalCase> overdue = new ArrayList<>(cases.findByStatusAndSubmittedAtBefore(CaseStatus.PENDING, limit));
        // sent back for changes: the requester's time runs from the moment changes were requested
        overdue.addAll(cases.findByStatusAndDecidedAtBefore(CaseStatus.CHANGES_REQUESTED, limit));
        int expired = 0;
        for (ApprovalCase approval : overdue) {
            lifecycle.expire(new EndpointRequestId(approval.requestId()), properties.expireAfterDays());
            approval.close(CaseStatus.EXPIRED, now());
            expired++;
        }
        return expired;
    }

    private void announce(ApprovalCase approval) {
        approval.activeStage().ifPresent(s -> events.publishEvent(
                new ApprovalNeeded(approval.requestId(), s.position(), s.approverTeam(), s.mode())));
    }

    private ApprovalCaseDetails details(ApprovalCase approval) {
        List<DecisionDetails> all = approval.decisions().stream().map(ApprovalManagement::decision).toList();
        List<StageDetails> stages = approval.stages().stream().map(s -> new StageDetails(s.position(),
                s.approverTeam(), s.mode(), s.status(), s.startedAt(), s.completedAt(),
                all.stream().filter(d -> d.round() == approval.round() && d.stage() == s.position()).toList(),
                identity.approversOf(new TeamId(s.approverTeam())).stream()
                        .filter(u -> !u.id().value().equals(approval.requesterId()))
                        .map(UserSummary::username).toList())).toList();
        return new ApprovalCaseDetails(approval.requestId(), approval.round(), approval.status(),
                approval.currentStage(), approval.automatic(), approval.matchedRules(), approval.submittedAt(),
                approval.decidedAt(), stages, all.stream().filter(d -> d.round() < approval.round()).toList());
    }

    private static DecisionDetails decision(ApprovalDecision d) {
        return new DecisionDetails(d.round(), d.stagePosition(), d.decidedByName(), d.decision(), d.comment(),
                d.decidedAt());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
