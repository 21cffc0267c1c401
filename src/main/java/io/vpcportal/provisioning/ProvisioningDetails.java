package io.vpcportal.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** How far provisioning of a request got: the plan, each endpoint and every AWS call made. */
public record ProvisioningDetails(UUID requestId, String mode, String status, String step, int attempts,
        String lastError, Instant updatedAt, List<PlannedCall> plan, List<EndpointProgress> endpoints,
        List<AwsCallRecord> calls) {

    /** One call of the plan, with the exact parameters it sends. */
    public record PlannedCall(int seq, Integer position, String action, String summary, String parameters) {
    }

    public record EndpointProgress(int position, String vpcEndpointId, String state, String lastError,
            String clientToken) {
    }

    public record AwsCallRecord(Instant at, String action, String target, String outcome, int durationMs,
            String errorCode, String message) {
    }
}
