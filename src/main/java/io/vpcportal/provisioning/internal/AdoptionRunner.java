package io.vpcportal.provisioning.internal;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.aws.AwsCallFailed;
import io.vpcportal.policy.PolicyManagement;
import io.vpcportal.provisioning.EndpointChange;
import io.vpcportal.provisioning.EndpointState;
import io.vpcportal.provisioning.ProvisioningProperties;
import io.vpcportal.provisioning.VpcEndpointGateway;
import io.vpcportal.provisioning.internal.ProvisioningPlanner.ItemPlan;
import io.vpcportal.provisioning.internal.ProvisioningRunner.PreflightFailed;
import io.vpcportal.provisioning.internal.ProvisioningRunner.RetryLater;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestLifecycle;
import io.vpcportal.request.RequestQueries;
import io.vpcportal.request.RequestStatus;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One attempt at an approved adoption: the endpoint exists, so nothing is created. Describe it (still there,
 * still the service and VPC that were approved, not taken by another request), tag it with the portal's tags
 * so that the inventory links it to the request, then the request is ACTIVE. Safe to run again: the tags sent
 * are the difference to what EC2 describes, and only added (the endpoint's own tags stay).
 */
@Component
class AdoptionRunner {

    private static final Logger log = LoggerFactory.getLogger(AdoptionRunner.class);

    private final RequestQueries requests;
    private final RequestLifecycle lifecycle;
    private final AccountManagement accounts;
    private final ProvisioningPlanner planner;
    private final VpcEndpointGateway ec2;
    private final ProvisioningStore store;
    private final ProvisioningProperties properties;
    private final PolicyManagement policies;

    AdoptionRunner(RequestQueries requests, RequestLifecycle lifecycle, AccountManagement accounts,
            ProvisioningPlanner planner,
            VpcEndpointGateway ec2, ProvisioningStore store, ProvisioningProperties properties,
            PolicyManagement policies) {
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.accounts = accounts;
        this.planner = planner;
        this.ec2 = ec2;
        this.store = store;
        this.properties = properties;
        this.policies = policies;
    }

    boolean handles(UUID requestId) {
        return store.operation(requestId).filter("ADOPT"::equals).isPresent();
    }

    void run(UUID requestId) {
        EndpointRequestId id = new EndpointRequestId(requestId);
        RequestDetails request = requests.find(id).orElse(null);
        // an admin's direct adoption is ACTIVE already: the job only records and tags the endpoint
        boolean direct = request != null && request.isAdoption() && request.status() == RequestStatus.ACTIVE
                && !store.jobStatus(requestId).filter("SUCCEEDED"::equals).isPresent();
        if (request == null || !request.isAdoption() || !(direct || request.status() == RequestStatus.APPROVED
                || request.status() == RequestStatus.PROVISIONING || request.status() == RequestStatus.FAILED)) {
            log.info("Nothing to adopt for {} ({})", requestId, request == null ? "gone" : request.status());
            return;
        }
        AccountDetails account = accounts.find(request.accountId()).orElseThrow();
        int attempt = store.startAttempt(requestId);
        if (!direct) {
            lifecycle.startProvisioning(id, "Adopting " + request.adoptsEndpointId() + " (attempt " + attempt + ")");
        }
        try {
            adopt(request, planner.items(request, account).get(0), direct);
        } catch (PreflightFailed e) {
            fail(id, "NEEDS_OPERATOR", "preflight", e.getMessage());
        } catch (AwsCallFailed e) {
            if (!e.retryable()) {
                fail(id, "FAILED", "aws", e.getMessage());
                return;
            }
            store.status(requestId, "QUEUED", "retry", e.getMessage());
            throw new RetryLater(e.getMessage(), e);
        }
    }

    private void adopt(RequestDetails request, ItemPlan item, boolean direct) {
        UUID id = request.id();
        String endpointId = request.adoptsEndpointId();
        store.status(id, "RUNNING", "describe", null);
        EndpointState current = ec2.describe(item.target(), endpointId).filter(e -> !e.broken())
                .orElseThrow(() -> new PreflightFailed("Endpoint " + endpointId + " no longer exists in account "
                        + request.accountId() + ": there is nothing to adopt"));
        if (!item.spec().serviceName().equals(current.serviceName())) {
            throw new PreflightFailed("Endpoint " + endpointId + " is for " + current.serviceName() + ", not "
                    + item.spec().serviceName() + " as approved");
        }
        String owner = current.tags().get(ProvisioningPlanner.ITEM_TAG);
        if (owner != null && !owner.equals(item.itemTag())) {
            throw new PreflightFailed("Endpoint " + endpointId + " already belongs to request item " + owner);
        }
        store.endpoint(id, 0, item.spec().clientToken(), endpointId, current.state(), null);
        EndpointChange diff = EndpointChange.between(current, item.spec(), policies::canonical);
        EndpointChange tags = new EndpointChange(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                null, null, diff.setTags(), List.of());
        if (tags.changesTags()) {
            store.status(id, "RUNNING", "tag", null);
            ec2.modify(item.target(), endpointId, tags);
            lifecycle.note(new EndpointRequestId(id), "TAGGED", "Tagged " + endpointId + ": " + tags.summary());
        }
        store.status(id, "SUCCEEDED", "done", null);
        if (!direct) {
            lifecycle.adoptionCompleted(new EndpointRequestId(id), endpointId);
        }
    }

    void giveUp(UUID requestId, String lastError) {
        fail(new EndpointRequestId(requestId), "FAILED", "retry", "Gave up after " + properties.maxAttempts()
                + " attempts: " + lastError);
    }

    private void fail(EndpointRequestId id, String jobStatus, String step, String error) {
        store.status(id.value(), jobStatus, step, error);
        RequestDetails request = requests.find(id).orElseThrow();
        if (request.status() == RequestStatus.PROVISIONING) {
            lifecycle.provisioningFailed(id, error);
        } else if (request.status() == RequestStatus.ACTIVE) {
            lifecycle.note(id, "ADOPTION", "Tagging the adopted endpoint failed: " + error);
        }
    }
}
