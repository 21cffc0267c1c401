package io.vpcportal.policy.internal;

import io.vpcportal.policy.PolicyKind;
import java.time.Instant;
import java.util.List;

/** What the validator knows about where a document goes; every field but {@code kind} may be null. */
public record ValidationContext(PolicyKind kind, String serviceName, String endpointType, String region,
        String accountId, String organizationId, List<String> breakGlass, String bucketName, Instant now) {

    public ValidationContext {
        breakGlass = breakGlass == null ? List.of() : List.copyOf(breakGlass);
    }

    SimulationContext simulation() {
        java.util.Set<String> accounts = new java.util.TreeSet<>();
        breakGlass.stream().map(RequestPrincipal::parse).flatMap(java.util.Optional::stream)
                .map(RequestPrincipal::account).filter(java.util.Objects::nonNull).forEach(accounts::add);
        return new SimulationContext(accountId, organizationId, accounts, null, null, now);
    }
}
