package io.vpcportal.provisioning.internal;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.aws.AwsCallFailed;
import io.vpcportal.aws.AwsTarget;
import io.vpcportal.policy.BucketPolicySpec;
import io.vpcportal.policy.BucketRestriction;
import io.vpcportal.policy.EnforcementMode;
import io.vpcportal.policy.PolicyManagement;
import io.vpcportal.provisioning.BucketPolicyGateway;
import io.vpcportal.provisioning.EndpointSpec;
import io.vpcportal.provisioning.EndpointState;
import io.vpcportal.provisioning.ProvisioningDetails;
import io.vpcportal.provisioning.ProvisioningProperties;
import io.vpcportal.provisioning.VpcEndpointGateway;
import io.vpcportal.provisioning.internal.ProvisioningPlanner.ItemPlan;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestLifecycle;
import io.vpcportal.request.RequestQueries;
import io.vpcportal.request.RequestStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One attempt at provisioning a request. Safe to run again at any point: an endpoint id is stored the moment
 * EC2 returns it, and before any create the endpoint is looked up by its request tag, so a crash, a lost
 * response or a retry never makes a second endpoint. NotFound right after a create means "not visible yet".
 * Other modules' {@link io.vpcportal.provisioning.ProvisioningSteps} are checked before the first create and run once
 * every endpoint is usable.
 * Over 300 lines on purpose: the create, its wait and the bucket policies share the attempt's error handling.
 */
@Component
class ProvisioningRunner {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningRunner.class);
    private static final Duration MAX_POLL = Duration.ofSeconds(30);
    /** The step while a partner endpoint is {@code pendingAcceptance}: created, not usable, not failed. */
    static final String WAITING_FOR_PROVIDER = "waiting-for-provider";

    /** The attempt failed in a way a retry can fix (throttling, 5xx, an endpoint still pending). */
    static class RetryLater extends RuntimeException {
        RetryLater(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final RequestQueries requests;
    private final RequestLifecycle lifecycle;
    private final AccountManagement accounts;
    private final ProvisioningPlanner planner;
    private final Preflight preflight;
    private final VpcEndpointGateway ec2;
    private final ProvisioningStore store;
    private final ProvisioningProperties properties;
    private final BucketPolicyGateway s3;
    private final PolicyManagement policies;
    private final ExtraSteps extra;

    ProvisioningRunner(RequestQueries requests, RequestLifecycle lifecycle, AccountManagement accounts,
            ProvisioningPlanner planner,
            Preflight preflight, VpcEndpointGateway ec2, ProvisioningStore store, ProvisioningProperties properties,
            BucketPolicyGateway s3, PolicyManagement policies) {
        this(requests, lifecycle, accounts, planner, preflight, ec2, store, properties, s3, policies, ExtraSteps.none());
    }

    @Autowired
    ProvisioningRunner(RequestQueries requests, RequestLifecycle lifecycle, AccountManagement accounts,
            ProvisioningPlanner planner, Preflight preflight, VpcEndpointGateway ec2, ProvisioningStore store, ProvisioningProperties properties,
            BucketPolicyGateway s3, PolicyManagement policies, ExtraSteps extra) {
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.accounts = accounts;
        this.planner = planner;
        this.preflight = preflight;
        this.ec2 = ec2;
        this.store = store;
        this.properties = properties;
        this.s3 = s3;
        this.policies = policies;
        this.extra = extra;
    }

    void run(UUID requestId) {
        EndpointRequestId id = new EndpointRequestId(requestId);
        RequestDetails request = requests.find(id).orElse(null);
        if (request == null || !(request.status() == RequestStatus.APPROVED
                || request.status() == RequestStatus.PROVISIONING || request.status() == RequestStatus.FAILED)) {
            log.info("Nothing to provision for {} ({})", requestId, request == null ? "gone" : request.status());
            return;
        }
        AccountDetails account = accounts.find(request.accountId()).orElseThrow();
        int attempt = store.startAttempt(requestId);
        lifecycle.startProvisioning(id, "Provisioning started (attempt " + attempt + ")");
        List<ItemPlan> items = planner.items(request, account);
        List<String> endpointIds = new ArrayList<>();
        try {
            if (!items.isEmpty() && extra.any(request)) {
                // before anything is created: a hub's checks cover other VPCs and accounts, not just the endpoint's
                store.status(requestId, "RUNNING", "preflight", null);
                List<String> problems = extra.preflight(request, items.get(0).target());
                if (!problems.isEmpty()) {
                    throw new PreflightFailed("Preflight: " + String.join("; ", problems));
                }
            }
            for (ItemPlan item : items) {
                endpointIds.add(provision(item, items));
            }
            if (!items.isEmpty() && extra.any(request)) {
                store.status(requestId, "RUNNING", "extra-steps", null);
                Map<Integer, String> byPosition = new TreeMap<>();
                for (int i = 0; i < items.size(); i++) {
                    byPosition.put(items.get(i).position(), endpointIds.get(i));
                }
                extra.apply(request, items.get(0).target(), byPosition);
            }
            store.status(requestId, "RUNNING", "bucket-policies", null);
            for (int i = 0; i < items.size(); i++) {
                restrictBuckets(request, account, items.get(i), endpointIds.get(i));
            }
        } catch (PreflightFailed e) {
            fail(id, "NEEDS_OPERATOR", "preflight", e.getMessage());
            return;
        } catch (AwsCallFailed e) {
            if (e.idempotencyMismatch()) {
                fail(id, "NEEDS_OPERATOR", "create", e.getMessage()
                        + " (the same client token was used with other parameters: an operator must look, not a retry)");
                return;
            }
            if (!e.retryable()) {
                fail(id, "FAILED", "aws", e.getMessage());
                return;
            }
            store.status(requestId, "QUEUED", "retry", e.getMessage());
            throw new RetryLater(e.getMessage(), e);
        } catch (EndpointBroken e) {
            fail(id, "FAILED", "wait", e.getMessage());
            return;
        }
        store.status(requestId, "SUCCEEDED", "done", null);
        lifecycle.provisioned(id, endpointIds);
    }

    /**
     * Merges the portal's statement into the policy of each bucket the item names, so that the bucket only
     * accepts requests through the endpoint (break-glass principals excepted). Other statements stay as they
     * are. Without break-glass principals on the account the statement is staged in audit form, so that nobody
     * is locked out of a bucket by a portal that cannot know who must keep access.
     */
    void restrictBuckets(RequestDetails request, AccountDetails account, ItemPlan item, String endpointId) {
        RequestDetails.ItemDetails details = request.items().stream().filter(i -> i.position() == item.position())
                .findFirst().orElseThrow();
        if (details.bucketNames().isEmpty() || !details.serviceName().endsWith(".s3")) {
            return;
        }
        EnforcementMode mode = account.breakGlassPrincipalArns().isEmpty()
                ? EnforcementMode.AUDIT : EnforcementMode.ENFORCE;
        for (String bucket : details.bucketNames()) {
            store.withBucketLock(account.id(), bucket, () -> {
                String existing;
                try {
                    existing = s3.read(item.target(), bucket).orElse(null);
                } catch (AwsCallFailed e) {
                    if ("NoSuchBucket".equals(e.code()) || "AccessDenied".equals(e.code())) {
                        handOver(request, account, bucket, endpointId, mode, e.code());
                        return;
                    }
                    throw e;
                }
                Optional<String> merged = policies.mergeBucketPolicy(existing, spec(bucket, endpointId, account, mode));
                if (merged.isEmpty() || merged.get().equals(existing)) {
                    lifecycle.note(new EndpointRequestId(request.id()), "BUCKET_POLICY", "Bucket " + bucket
                            + ": nothing to change (" + (mode == EnforcementMode.AUDIT
                            ? "audit stage: the account has no break-glass principal yet" : "already restricted") + ")");
                    return;
                }
                try {
                    s3.write(item.target(), bucket, merged.get(), account.id());
                } catch (AwsCallFailed e) {
                    if ("AccessDenied".equals(e.code()) || "NoSuchBucket".equals(e.code())) {
                        handOver(request, account, bucket, endpointId, mode, e.code());
                        return;
                    }
                    throw e;
                }
                String readBack = s3.read(item.target(), bucket).orElse("");
                if (!readBack.contains(endpointId)) {
                    throw new AwsCallFailed("GetBucketPolicy", "NotYetVisible", "the policy of " + bucket
                            + " does not show " + endpointId + " yet", true, null);
                }
                lifecycle.note(new EndpointRequestId(request.id()), "BUCKET_POLICY", "Bucket " + bucket + " now "
                        + (mode == EnforcementMode.ENFORCE ? "only accepts requests through "
                        + endpointId + " (break-glass principals excepted)"
                        : "has the restriction to " + endpointId + " staged in audit form"));
            });
        }
    }

    private static BucketPolicySpec spec(String bucket, String endpointId, AccountDetails account,
            EnforcementMode mode) {
        return new BucketPolicySpec(bucket, BucketRestriction.SOURCE_VPCE,
                List.of(endpointId), List.copyOf(account.breakGlassPrincipalArns()), mode);
    }

    /**
     * The bucket is not the account's to change (another owner, or not created yet): the endpoint stays, and the
     * statement its owner should add is written to the timeline instead.
     */
    private void handOver(RequestDetails request, AccountDetails account, String bucket, String endpointId,
            EnforcementMode mode, String code) {
        String statement = policies.mergeBucketPolicy(null, spec(bucket, endpointId, account,
                EnforcementMode.ENFORCE)).orElse("");
        lifecycle.note(new EndpointRequestId(request.id()), "BUCKET_POLICY", "Bucket " + bucket
                + (code.equals("NoSuchBucket") ? " does not exist in account " + account.id()
                : " is not owned by account " + account.id() + " (or the portal's role may not change its policy)")
                + ": no bucket policy was written. Its owner should add: " + statement);
    }

    /** Removes what other modules' steps made for the request (a decommission, before its endpoints go). */
    void undoExtraSteps(RequestDetails request, AwsTarget target) {
        if (extra.any(request)) {
            store.status(request.id(), "RUNNING", "undo-extra-steps", null);
            extra.undo(request, target);
        }
    }

    /** Marks the job and the request failed after the last allowed attempt. */
    void giveUp(UUID requestId, String lastError) {
        fail(new EndpointRequestId(requestId), "FAILED", "retry", "Gave up after " + properties.maxAttempts()
                + " attempts: " + lastError);
    }

    private String provision(ItemPlan item, List<ItemPlan> all) {
        UUID requestId = item.target().requestId();
        Optional<ProvisioningDetails.EndpointProgress> progress = store.endpoint(requestId, item.position());
        String endpointId = progress.map(ProvisioningDetails.EndpointProgress::vpcEndpointId).orElse(null);
        // a create an earlier attempt sent (its answer lost) is sent again with the token it was sent with, even if
        // this release computes tokens differently: EC2 then answers with that endpoint instead of making a second
        EndpointSpec spec = progress.map(ProvisioningDetails.EndpointProgress::clientToken)
                .map(item.spec()::withClientToken).orElse(item.spec());
        if (endpointId == null) {
            endpointId = ec2.findByItemTag(item.target(), item.itemTag()).stream()
                    .filter(e -> !e.broken()).map(EndpointState::id).findFirst().orElse(null);
        }
        if (endpointId == null) {
            if (item.policyProblem() != null) {
                throw new PreflightFailed("The endpoint policy of " + item.spec().serviceName() + " cannot be generated: "
                        + item.policyProblem());
            }
            store.status(requestId, "RUNNING", "preflight", null);
            List<String> problems = preflight.check(item, all);
            if (!problems.isEmpty()) {
                throw new PreflightFailed("Preflight of " + item.spec().serviceName() + ": " + String.join("; ", problems));
            }
            store.endpoint(requestId, item.position(), spec.clientToken(), null, "creating", null);
            store.status(requestId, "RUNNING", "create", null);
            EndpointState created = ec2.create(item.target(), spec);
            endpointId = created.id();
        }
        store.endpoint(requestId, item.position(), spec.clientToken(), endpointId, "pending", null);
        store.status(requestId, "RUNNING", "wait", null);
        EndpointState ready = waitUntilUsable(item, endpointId);
        store.endpoint(requestId, item.position(), spec.clientToken(), endpointId, ready.state(), null);
        return endpointId;
    }

    EndpointState waitUntilUsable(ItemPlan item, String endpointId) {
        Instant deadline = Instant.now().plus(properties.waitTimeout());
        Duration pause = properties.pollInterval();
        boolean waitingForProvider = false;
        while (true) {
            Optional<EndpointState> state = ec2.describe(item.target(), endpointId);
            if (state.isPresent() && state.get().usable()) {
                if (waitingForProvider) {
                    store.status(item.target().requestId(), "RUNNING", "wait", null);
                }
                return state.get();
            }
            if (state.isPresent() && state.get().waitingForProvider() && !waitingForProvider) {
                // not usable and not broken: the partner accepts connections by hand or by its own automation
                waitingForProvider = true;
                store.endpoint(item.target().requestId(), item.position(), item.spec().clientToken(), endpointId,
                        state.get().state(), null);
                store.status(item.target().requestId(), "RUNNING", WAITING_FOR_PROVIDER, null);
                lifecycle.note(new EndpointRequestId(item.target().requestId()), "WAITING_FOR_PROVIDER", "Endpoint "
                        + endpointId + " waits for the provider of " + item.spec().serviceName()
                        + " to accept the connection (pendingAcceptance); the portal keeps looking");
            }
            if (state.isPresent() && state.get().broken()) {
                store.endpoint(item.target().requestId(), item.position(), item.spec().clientToken(), endpointId,
                        state.get().state(), state.get().lastError());
                throw new EndpointBroken("Endpoint " + endpointId + " is " + state.get().state()
                        + (state.get().lastError() == null ? "" : ": " + state.get().lastError()));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AwsCallFailed("Wait", "StillPending", "endpoint " + endpointId + " is "
                        + state.map(EndpointState::state).orElse("not visible yet") + " after "
                        + properties.waitTimeout(), true, null);
            }
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : pause.multipliedBy(2);
        }
    }

    private void fail(EndpointRequestId id, String jobStatus, String step, String error) {
        store.status(id.value(), jobStatus, step, error);
        RequestDetails request = requests.find(id).orElseThrow();
        if (request.status() == RequestStatus.PROVISIONING) {
            lifecycle.provisioningFailed(id, error);
        }
    }

    static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryLater("Interrupted while waiting", e);
        }
    }

    static class PreflightFailed extends RuntimeException {
        PreflightFailed(String message) {
            super(message);
        }
    }

    static class EndpointBroken extends RuntimeException {
        EndpointBroken(String message) {
            super(message);
        }
    }
}
