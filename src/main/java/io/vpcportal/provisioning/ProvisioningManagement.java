package io.vpcportal.provisioning;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.aws.AwsAccess;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.provisioning.ProvisioningDetails.PlannedCall;
import io.vpcportal.provisioning.internal.ExtraSteps;
import io.vpcportal.provisioning.internal.ProvisioningPlanner;
import io.vpcportal.provisioning.internal.ProvisioningStore;
import io.vpcportal.request.DecommissionApproved;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestApproved;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestLifecycle;
import io.vpcportal.request.RequestQueries;
import io.vpcportal.request.RequestStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Starts provisioning when a request is approved, in the approval's own transaction: the plan is stored
 * and, when AWS is configured, a durable job is scheduled; nothing is lost between the two.
 */
@Service
public class ProvisioningManagement {

    private final RequestQueries requests;
    private final RequestLifecycle lifecycle;
    private final AccountManagement accounts;
    private final ProvisioningPlanner planner;
    private final ProvisioningStore store;
    private final AwsAccess aws;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> provisionTask;
    private final Clock clock;
    private final ExtraSteps extra;

    ProvisioningManagement(RequestQueries requests, RequestLifecycle lifecycle, AccountManagement accounts,
            ProvisioningPlanner planner,
            ProvisioningStore store, AwsAccess aws, @Lazy SchedulerClient scheduler, OneTimeTask<Void> provisionTask,
            Clock clock, ExtraSteps extra) {
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.accounts = accounts;
        this.planner = planner;
        this.store = store;
        this.aws = aws;
        this.scheduler = scheduler;
        this.provisionTask = provisionTask;
        this.clock = clock;
        this.extra = extra;
    }

    @EventListener
    void on(RequestApproved approved) {
        RequestDetails request = requests.find(approved.requestId()).orElseThrow();
        AccountDetails account = accounts.find(request.accountId()).orElseThrow();
        List<PlannedCall> plan = plan(request, account);
        boolean apply = aws.applies();
        if (!store.createJob(request.id(), request.isChange() ? "MODIFY" : request.isAdoption() ? "ADOPT" : "CREATE",
                apply ? "APPLY" : "PLAN",
                apply ? "QUEUED" : "PLANNED", plan)) {
            return;
        }
        if (apply) {
            scheduler.scheduleIfNotExists(provisionTask.instance(request.id().toString()), clock.instant());
            lifecycle.note(approved.requestId(), "PLANNED", "Provisioning queued: " + plan.size() + " AWS calls planned");
        } else {
            lifecycle.note(approved.requestId(), "PLANNED", "Plan ready (" + plan.size()
                    + " AWS calls). AWS is not configured, so nothing was created: this is plan-only mode.");
        }
    }

    /**
     * An admin adopted an endpoint directly: its request is ACTIVE at once, without approval. Queue the same
     * adoption job an approved adoption gets, which records the endpoint as the request's (so a change or a
     * decommission finds it) and tags it with the portal's tags (so every later sync links it); the request stays
     * ACTIVE whatever the job finds. Plan-only mode keeps the plan.
     */
    public void adoptedDirectly(EndpointRequestId requestId) {
        RequestDetails request = requests.find(requestId).orElseThrow();
        if (!request.isAdoption()) {
            throw new IllegalArgumentException(requestId + " is not an adoption");
        }
        AccountDetails account = accounts.find(request.accountId()).orElseThrow();
        boolean apply = aws.applies();
        if (store.createJob(request.id(), "ADOPT", apply ? "APPLY" : "PLAN", apply ? "QUEUED" : "PLANNED",
                plan(request, account)) && apply) {
            scheduler.scheduleIfNotExists(provisionTask.instance(request.id().toString()), clock.instant());
        }
    }

    /**
     * A decommission was approved: the request's job becomes a delete job with its own plan, queued when AWS
     * is configured, otherwise kept as the plan of what would be deleted.
     */
    @EventListener
    void on(DecommissionApproved approved) {
        RequestDetails request = requests.find(approved.requestId()).orElseThrow();
        AccountDetails account = accounts.find(request.accountId()).orElseThrow();
        List<PlannedCall> plan = plan(request, account);
        boolean apply = aws.applies();
        if (!store.replaceJob(request.id(), "DELETE", apply ? "APPLY" : "PLAN", apply ? "QUEUED" : "PLANNED", plan)) {
            return;
        }
        if (apply) {
            scheduler.scheduleIfNotExists(provisionTask.instance(request.id().toString()), clock.instant());
            lifecycle.note(approved.requestId(), "PLANNED", "Decommissioning queued: " + plan.size() + " AWS calls planned");
        } else {
            lifecycle.note(approved.requestId(), "PLANNED", "Decommission plan ready (" + plan.size()
                    + " AWS calls). AWS is not configured, so nothing was deleted: this is plan-only mode.");
        }
    }

    /** The calls for what the request asks now: create its endpoints, apply a change, or delete them. */
    private List<PlannedCall> plan(RequestDetails request, AccountDetails account) {
        if (request.isChange()) {
            RequestDetails original = requests.find(new EndpointRequestId(request.changeOf())).orElseThrow();
            String endpointId = store.endpoint(original.id(), request.changePosition())
                    .map(ProvisioningDetails.EndpointProgress::vpcEndpointId).orElse(null);
            return planner.changeCalls(request, original, endpointId, account);
        }
        if (request.status() == RequestStatus.DECOMMISSION_REQUESTED || request.status() == RequestStatus.DECOMMISSIONING
                || store.operation(request.id()).filter("DELETE"::equals).isPresent()) {
            Map<Integer, String> ids = new TreeMap<>();
            request.items().forEach(i -> store.endpoint(request.id(), i.position())
                    .map(ProvisioningDetails.EndpointProgress::vpcEndpointId)
                    .ifPresent(endpoint -> ids.put(i.position(), endpoint)));
            return extra.undoPlan(request, planner.deleteCalls(request, ids, account));
        }
        if (request.isAdoption()) {
            return planner.adoptionCalls(request, account);
        }
        return extra.plan(request, planner.calls(request, account));
    }

    /**
     * The tags item {@code position} of the request gives its endpoint: the request's own and the portal's
     * ({@code Name} unless the request names it, {@code portal:…}). Empty for an unknown request or item.
     */
    public Optional<SortedMap<String, String>> tagsOf(UUID requestId, int position) {
        return requests.find(new EndpointRequestId(requestId)).flatMap(request -> accounts.find(request.accountId())
                .flatMap(account -> planner.items(request, account).stream().filter(i -> i.position() == position)
                        .findFirst().map(i -> (SortedMap<String, String>) new TreeMap<>(i.spec().tags()))));
    }

    public Optional<ProvisioningDetails> progress(UUID requestId) {
        return store.details(requestId);
    }

    /** The plan for a request as it stands, computed now (also before approval, for the approval view). */
    public List<PlannedCall> preview(UUID requestId) {
        RequestDetails request = requests.find(new EndpointRequestId(requestId))
                .orElseThrow(() -> new NotFoundException("No request " + requestId));
        AccountDetails account = accounts.find(request.accountId()).orElseThrow();
        return plan(request, account);
    }

    /** An operator asks for another attempt of a failed job. */
    public void retry(UUID requestId) {
        RequestDetails request = requests.find(new EndpointRequestId(requestId))
                .orElseThrow(() -> new NotFoundException("No request " + requestId));
        String status = store.jobStatus(requestId).orElseThrow(() -> new ConflictException("Request " + requestId
                + " has no provisioning job"));
        if (!aws.applies()) {
            throw new ConflictException("AWS is not configured (plan-only mode): nothing to retry");
        }
        if (!(status.equals("FAILED") || status.equals("NEEDS_OPERATOR") || status.equals("PLANNED"))
                || !(request.status() == RequestStatus.FAILED || request.status() == RequestStatus.APPROVED)) {
            throw new ConflictException("Only a failed job can be retried (job " + status + ", request "
                    + request.status() + ")");
        }
        store.status(requestId, "QUEUED", "retry", null);
        scheduler.scheduleIfNotExists(provisionTask.instance(requestId.toString()), clock.instant());
    }
}
