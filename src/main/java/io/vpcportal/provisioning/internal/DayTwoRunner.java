package io.vpcportal.provisioning.internal;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.aws.AwsCallFailed;
import io.vpcportal.aws.AwsTarget;
import io.vpcportal.policy.PolicyManagement;
import io.vpcportal.provisioning.BucketPolicyGateway;
import io.vpcportal.provisioning.EndpointChange;
import io.vpcportal.provisioning.EndpointState;
import io.vpcportal.provisioning.ProvisioningDetails;
import io.vpcportal.provisioning.ProvisioningProperties;
import io.vpcportal.provisioning.VpcEndpointGateway;
import io.vpcportal.provisioning.internal.ProvisioningPlanner.ItemPlan;
import io.vpcportal.provisioning.internal.ProvisioningRunner.EndpointBroken;
import io.vpcportal.provisioning.internal.ProvisioningRunner.PreflightFailed;
import io.vpcportal.provisioning.internal.ProvisioningRunner.RetryLater;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestLifecycle;
import io.vpcportal.request.RequestQueries;
import io.vpcportal.request.RequestStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One attempt at a day-2 job: a change (describe, diff, {@code ModifyVpcEndpoint}, bucket policies) or a
 * decommission (bucket policy statements out, {@code DeleteVpcEndpoints}, confirm it is gone). Safe to run again
 * at any point: the diff is taken against what EC2 describes, and an endpoint already gone is not deleted twice.
 */
@Component
class DayTwoRunner {

    private static final Logger log = LoggerFactory.getLogger(DayTwoRunner.class);
    private static final Duration MAX_POLL = Duration.ofSeconds(30);

    private final RequestQueries requests;
    private final RequestLifecycle lifecycle;
    private final AccountManagement accounts;
    private final ProvisioningPlanner planner;
    private final Preflight preflight;
    private final VpcEndpointGateway ec2;
    private final BucketPolicyGateway s3;
    private final ProvisioningStore store;
    private final ProvisioningProperties properties;
    private final PolicyManagement policies;
    private final ProvisioningRunner runner;

    DayTwoRunner(RequestQueries requests, RequestLifecycle lifecycle, AccountManagement accounts,
            ProvisioningPlanner planner,
            Preflight preflight, VpcEndpointGateway ec2, BucketPolicyGateway s3, ProvisioningStore store,
            ProvisioningProperties properties, PolicyManagement policies, ProvisioningRunner runner) {
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.accounts = accounts;
        this.planner = planner;
        this.preflight = preflight;
        this.ec2 = ec2;
        this.s3 = s3;
        this.store = store;
        this.properties = properties;
        this.policies = policies;
        this.runner = runner;
    }

    /** Is the request's job a change or a decommission? */
    boolean handles(UUID requestId) {
        return store.operation(requestId).filter(op -> op.equals("MODIFY") || op.equals("DELETE")).isPresent();
    }

    void run(UUID requestId) {
        EndpointRequestId id = new EndpointRequestId(requestId);
        RequestDetails request = requests.find(id).orElse(null);
        String operation = store.operation(requestId).orElse("");
        boolean change = operation.equals("MODIFY");
        if (request == null || !(change ? (request.status() == RequestStatus.APPROVED
                || request.status() == RequestStatus.PROVISIONING || request.status() == RequestStatus.FAILED)
                : (request.status() == RequestStatus.DECOMMISSIONING || request.status() == RequestStatus.FAILED))) {
            log.info("Nothing to {} for {} ({})", operation, requestId, request == null ? "gone" : request.status());
            return;
        }
        AccountDetails account = accounts.find(request.accountId()).orElseThrow();
        int attempt = store.startAttempt(requestId);
        try {
            if (change) {
                lifecycle.startProvisioning(id, "Applying the change (attempt " + attempt + ")");
                applyChange(request, account);
            } else {
                lifecycle.startDecommissioning(id, "Decommissioning started (attempt " + attempt + ")");
                decommission(request, account);
            }
        } catch (PreflightFailed e) {
            fail(id, "NEEDS_OPERATOR", "preflight", e.getMessage());
        } catch (EndpointBroken e) {
            fail(id, "FAILED", "wait", e.getMessage());
        } catch (AwsCallFailed e) {
            if (!e.retryable()) {
                fail(id, "FAILED", "aws", e.getMessage());
                return;
            }
            store.status(requestId, "QUEUED", "retry", e.getMessage());
            throw new RetryLater(e.getMessage(), e);
        }
    }

    void giveUp(UUID requestId, String lastError) {
        fail(new EndpointRequestId(requestId), "FAILED", "retry", "Gave up after " + properties.maxAttempts()
                + " attempts: " + lastError);
    }

    private void applyChange(RequestDetails change, AccountDetails account) {
        UUID id = change.id();
        RequestDetails original = requests.find(new EndpointRequestId(change.changeOf())).orElseThrow();
        ItemPlan desired = planner.items(change, account).get(0);
        if (desired.policyProblem() != null) {
            throw new PreflightFailed("The endpoint policy cannot be generated: " + desired.policyProblem());
        }
        String endpointId = endpointOf(original.id(), change.changePosition(), desired.target());
        if (endpointId == null) {
            throw new PreflightFailed("Request " + original.id() + " has no endpoint for item "
                    + change.changePosition() + ": nothing to change");
        }
        store.status(id, "RUNNING", "describe", null);
        EndpointState current = ec2.describe(desired.target(), endpointId).filter(e -> !e.broken())
                .orElseThrow(() -> new PreflightFailed("Endpoint " + endpointId + " no longer exists in account "
                        + account.id() + ": an operator must look (the inventory shows what is there)"));
        store.endpoint(id, 0, desired.spec().clientToken(), endpointId, current.state(), null);
        EndpointChange diff = EndpointChange.between(current, desired.spec(), policies::canonical);
        if (diff.isEmpty()) {
            lifecycle.note(new EndpointRequestId(id), "MODIFIED", endpointId + " is already as approved: nothing sent");
        } else {
            if (!diff.addSubnetIds().isEmpty() || !diff.addRouteTableIds().isEmpty()
                    || !diff.addSecurityGroupIds().isEmpty() || Boolean.TRUE.equals(diff.privateDns())) {
                store.status(id, "RUNNING", "preflight", null);
                List<String> problems = preflight.network(desired.target(), desired.spec());
                if (!problems.isEmpty()) {
                    throw new PreflightFailed("Preflight of the change: " + String.join("; ", problems));
                }
            }
            store.status(id, "RUNNING", "modify", null);
            ec2.modify(desired.target(), endpointId, diff);
            lifecycle.note(new EndpointRequestId(id), "MODIFIED", (diff.modifiesEndpoint() ? "ModifyVpcEndpoint " : "Tagged ")
                    + endpointId + ": " + diff.summary());
        }
        store.status(id, "RUNNING", "wait", null);
        EndpointState ready = runner.waitUntilUsable(desired, endpointId);
        store.endpoint(id, 0, desired.spec().clientToken(), endpointId, ready.state(), null);
        store.status(id, "RUNNING", "bucket-policies", null);
        if (desired.spec().serviceName().endsWith(".s3")) {
            runner.restrictBuckets(change, account, desired, endpointId);
            List<String> kept = change.items().get(0).bucketNames();
            for (String bucket : itemOf(original, change.changePosition()).bucketNames()) {
                if (!kept.contains(bucket)) {
                    unrestrict(id, account, desired.target(), bucket, endpointId);
                }
            }
        }
        store.status(id, "SUCCEEDED", "done", null);
        lifecycle.changeApplied(new EndpointRequestId(id), endpointId);
    }

    private void decommission(RequestDetails request, AccountDetails account) {
        UUID id = request.id();
        List<String> deleted = new ArrayList<>();
        List<ItemPlan> items = planner.items(request, account);
        if (!items.isEmpty()) {
            runner.undoExtraSteps(request, items.get(0).target());
        }
        for (ItemPlan item : items) {
            String endpointId = endpointOf(id, item.position(), item.target());
            if (endpointId == null) {
                lifecycle.note(new EndpointRequestId(id), "DECOMMISSION", "Endpoint " + (item.position() + 1)
                        + " was never created: nothing to delete");
                continue;
            }
            RequestDetails.ItemDetails details = itemOf(request, item.position());
            if (details.serviceName().endsWith(".s3")) {
                store.status(id, "RUNNING", "bucket-policies", null);
                for (String bucket : details.bucketNames()) {
                    unrestrict(id, account, item.target(), bucket, endpointId);
                }
            }
            Optional<EndpointState> before = ec2.describe(item.target(), endpointId);
            if (before.isPresent() && !before.get().is("deleted")) {
                store.status(id, "RUNNING", "delete", null);
                ec2.delete(item.target(), endpointId);
            }
            store.endpoint(id, item.position(), item.spec().clientToken(), endpointId, "deleting", null);
            store.status(id, "RUNNING", "confirm", null);
            waitUntilGone(item, endpointId);
            store.endpoint(id, item.position(), item.spec().clientToken(), endpointId, "deleted", null);
            deleted.add(endpointId);
        }
        store.status(id, "SUCCEEDED", "done", null);
        lifecycle.decommissioned(new EndpointRequestId(id), deleted);
    }

    /** The endpoint of item {@code position}: as stored when it was created, else by its item tag. */
    private String endpointOf(UUID requestId, int position, AwsTarget target) {
        Optional<String> known = store.endpoint(requestId, position).map(ProvisioningDetails.EndpointProgress::vpcEndpointId);
        if (known.isPresent()) {
            return known.get();
        }
        return ec2.findByItemTag(target, requestId + "/" + position).stream().filter(e -> !e.is("deleted"))
                .map(EndpointState::id).findFirst().orElse(null);
    }

    /**
     * Takes the endpoint out of the portal's statements in a bucket's policy. Foreign statements stay as they
     * are; the policy is deleted only when the portal's statements were all it held.
     */
    private void unrestrict(UUID requestId, AccountDetails account, AwsTarget target, String bucket, String endpointId) {
        EndpointRequestId id = new EndpointRequestId(requestId);
        store.withBucketLock(account.id(), bucket, () -> {
            Optional<String> existing;
            try {
                existing = s3.read(target, bucket);
            } catch (AwsCallFailed e) {
                if ("NoSuchBucket".equals(e.code()) || "AccessDenied".equals(e.code())) {
                    lifecycle.note(id, "BUCKET_POLICY", "Bucket " + bucket + (e.code().equals("NoSuchBucket")
                            ? " does not exist" : " is not the portal's to change") + ": its owner should remove "
                            + endpointId + " from the statements starting with VpcePortal, if any");
                    return;
                }
                throw e;
            }
            if (existing.isEmpty()) {
                lifecycle.note(id, "BUCKET_POLICY", "Bucket " + bucket + " has no policy: nothing to remove");
                return;
            }
            Optional<String> kept = policies.removeFromBucketPolicy(existing.get(), endpointId);
            if (kept.isEmpty()) {
                s3.delete(target, bucket, account.id());
                lifecycle.note(id, "BUCKET_POLICY", "Bucket " + bucket + ": policy deleted (it held only the portal's "
                        + "statement for " + endpointId + ")");
                return;
            }
            if (policies.canonical(kept.get()).equals(policies.canonical(existing.get()))) {
                lifecycle.note(id, "BUCKET_POLICY", "Bucket " + bucket + ": no portal statement names " + endpointId);
                return;
            }
            s3.write(target, bucket, kept.get(), account.id());
            String readBack = s3.read(target, bucket).orElse("");
            if (readBack.contains(endpointId)) {
                throw new AwsCallFailed("GetBucketPolicy", "NotYetVisible", "the policy of " + bucket + " still shows "
                        + endpointId, true, null);
            }
            lifecycle.note(id, "BUCKET_POLICY", "Bucket " + bucket + ": the portal's statement for " + endpointId
                    + " removed, other statements kept");
        });
    }

    private void waitUntilGone(ItemPlan item, String endpointId) {
        Instant deadline = Instant.now().plus(properties.waitTimeout());
        Duration pause = properties.pollInterval();
        while (true) {
            Optional<EndpointState> state = ec2.describe(item.target(), endpointId);
            if (state.isEmpty() || state.get().is("deleted")) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AwsCallFailed("Wait", "StillThere", "endpoint " + endpointId + " is " + state.get().state()
                        + " after " + properties.waitTimeout(), true, null);
            }
            ProvisioningRunner.sleep(pause);
            pause = pause.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : pause.multipliedBy(2);
        }
    }

    private void fail(EndpointRequestId id, String jobStatus, String step, String error) {
        store.status(id.value(), jobStatus, step, error);
        RequestDetails request = requests.find(id).orElseThrow();
        if (request.status() == RequestStatus.PROVISIONING || request.status() == RequestStatus.DECOMMISSIONING) {
            lifecycle.provisioningFailed(id, error);
        }
    }

    private static RequestDetails.ItemDetails itemOf(RequestDetails request, int position) {
        return request.items().stream().filter(i -> i.position() == position).findFirst()
                .orElseThrow(() -> new IllegalStateException("No item " + position + " in request " + request.id()));
    }
}
