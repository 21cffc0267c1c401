package io.vpcportal.policy.internal;

import io.vpcportal.policy.PolicyKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What the validator knows about where a document goes; every field but {@code kind} may be null. */
public record ValidationContext(PolicyKind kind, String serviceName, String endpointType, String region,
        String accountId, String organizationId, List<String> breakGlass, String bucketName, Instant now) {

    public ValidationContext {
        breakGlass = breakGlass == null ? List.of() : List.copyOf(breakGlass);
    }

    SimulationContext simulation() {
        Set<String> accounts = new TreeSet<>();
        breakGlass.stream().map(RequestPrincipal::parse).flatMap(Optional::stream)
                .map(RequestPrincipal::account).filter(Objects::nonNull).forEach(accounts::add);
        return new SimulationContext(accountId, organizationId, accounts, null, null, now);
    }
}
