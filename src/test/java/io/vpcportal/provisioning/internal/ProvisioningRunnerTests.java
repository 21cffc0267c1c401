package io.vpcportal.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.aws.AwsCallFailed;
import io.vpcportal.aws.AwsTarget;
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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How the runner sends a create's client token. The reaction to an {@code IdempotentParameterMismatch} on create: EC2 saw the same client token with
 * other parameters, so a retry (with the same token) cannot succeed and a new token could create a second
 * endpoint. The job stops for an operator, the request fails with a message saying so, nothing is retried.
 */
class ProvisioningRunnerTests {

    private final RequestQueries requests = mock(RequestQueries.class);
    private final RequestLifecycle lifecycle = mock(RequestLifecycle.class);
    private final AccountManagement accounts = mock(AccountManagement.class);
    private final ProvisioningPlanner planner = mock(ProvisioningPlanner.class);
    private final Preflight preflight = mock(Preflight.class);
    private final VpcEndpointGateway ec2 = mock(VpcEndpointGateway.class);
    private final ProvisioningStore store = mock(ProvisioningStore.class);
    private final BucketPolicyGateway s3 = mock(BucketPolicyGateway.class);
    private final ProvisioningRunner runner = new ProvisioningRunner(requests, lifecycle, accounts, planner, preflight, ec2,
            store,
            new ProvisioningProperties(8, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(10)), s3,
            mock(PolicyManagement.class));

    @Test
    void anIdempotentParameterMismatchOnCreateStopsForAnOperatorWithoutRetry() {
        UUID id = UUID.randomUUID();
        EndpointRequestId requestId = new EndpointRequestId(id);
        approvedRequestInTheTestAccount(id, requestId);
        AwsTarget target = new AwsTarget("123456789012", "eu-west-1", null, null, id);
        EndpointSpec spec = new EndpointSpec("vpc-11111111", "com.amazonaws.eu-west-1.s3", null, "Gateway",
                List.of("rtb-11111111"), List.of(), List.of(), false, null, "vpce-portal-token", new TreeMap<>());
        when(planner.items(any(), any())).thenReturn(List.of(new ItemPlan(0, target, spec, id + "/0", null)));
        when(store.startAttempt(id)).thenReturn(1);
        when(store.endpoint(id, 0)).thenReturn(Optional.empty());
        when(ec2.findByItemTag(target, id + "/0")).thenReturn(List.of());
        when(preflight.check(any(), any())).thenReturn(List.of());
        when(ec2.create(target, spec)).thenThrow(new AwsCallFailed("CreateVpcEndpoint", "IdempotentParameterMismatch",
                "The client token has already been used with different parameters", false, null));

        runner.run(id); // returns normally: no RetryLater, so db-scheduler does not schedule another attempt

        verify(ec2, times(1)).create(target, spec);
        verify(store).status(eq(id), eq("NEEDS_OPERATOR"), eq("create"),
                argThat(m -> m.contains("IdempotentParameterMismatch") && m.contains("an operator must look")));
        verify(lifecycle).provisioningFailed(eq(requestId), argThat(m -> m.contains("IdempotentParameterMismatch")));
        verify(lifecycle, never()).provisioned(any(), any());
        verify(store, never()).status(eq(id), eq("QUEUED"), anyString(), any());
        verify(store, never()).endpoint(eq(id), anyInt(), anyString(), argThat(e -> e != null), anyString(), any());
        assertThat(new AwsCallFailed("CreateVpcEndpoint", "IdempotentParameterMismatch", "x", false, null)
                .idempotencyMismatch()).isTrue();
    }

    @Test
    void aCreateWhoseAnswerWasLostIsSentAgainWithTheTokenItWasFirstSentWith() {
        UUID id = UUID.randomUUID();
        EndpointRequestId requestId = new EndpointRequestId(id);
        approvedRequestInTheTestAccount(id, requestId);
        AwsTarget target = new AwsTarget("123456789012", "eu-west-1", null, null, id);
        // this release computes another token than the release that sent the first create
        EndpointSpec spec = new EndpointSpec("vpc-11111111", "com.amazonaws.eu-west-1.s3", null, "Gateway",
                List.of("rtb-11111111"), List.of(), List.of(), false, null, "vpce-portal-new", new TreeMap<>());
        EndpointSpec sentBefore = spec.withClientToken("vpce-portal-first");
        when(planner.items(any(), any())).thenReturn(List.of(new ItemPlan(0, target, spec, id + "/0", null)));
        when(store.startAttempt(id)).thenReturn(2);
        when(store.endpoint(id, 0)).thenReturn(Optional.of(
                new ProvisioningDetails.EndpointProgress(0, null, "creating", null, "vpce-portal-first")));
        when(ec2.findByItemTag(target, id + "/0")).thenReturn(List.of()); // not visible yet
        when(preflight.check(any(), any())).thenReturn(List.of());
        EndpointState available = new EndpointState("vpce-0123", "com.amazonaws.eu-west-1.s3", "available", null,
                List.of("rtb-11111111"), List.of(), List.of(), false, null, new TreeMap<>());
        when(ec2.create(eq(target), any())).thenReturn(available);
        when(ec2.describe(target, "vpce-0123")).thenReturn(Optional.of(available));

        runner.run(id);

        verify(ec2).create(target, sentBefore);
        verify(ec2, never()).create(target, spec);
        verify(store).endpoint(id, 0, "vpce-portal-first", "vpce-0123", "available", null);
    }

    private void approvedRequestInTheTestAccount(UUID id, EndpointRequestId requestId) {
        when(requests.find(requestId)).thenReturn(Optional.of(request(id, RequestStatus.APPROVED)),
                Optional.of(request(id, RequestStatus.PROVISIONING)));
        when(accounts.find("123456789012")).thenReturn(Optional.of(new AccountDetails("123456789012", "test", null, null,
                AccountEnvironment.NON_PRODUCTION, new TreeSet<>(List.of("eu-west-1")), new TreeSet<>(List.of("team")),
                null, new TreeSet<>(), Instant.now())));
    }

    private static RequestDetails request(UUID id, RequestStatus status) {
        return new RequestDetails(id, "t", status, "someone", "team", "123456789012", "eu-west-1", "vpc-11111111",
                "why", BigDecimal.ZERO, null, Instant.now(), Instant.now(), Instant.now(),
                List.of(new RequestDetails.ItemDetails(0, "s3-gateway", 1, "Gateway", "com.amazonaws.eu-west-1.s3", null,
                        List.of("rtb-11111111"), List.of(), List.of(), false, "full-access", List.of(), List.of(), null,
                        new TreeMap<>())), List.of());
    }
}
