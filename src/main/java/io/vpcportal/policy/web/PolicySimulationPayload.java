package io.vpcportal.policy.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Documents and the rows to decide with them. */
record PolicySimulationPayload(
        @Size(max = 100_000) String endpointPolicy,
        @Size(max = 100_000) String bucketPolicy,
        @Size(max = 12) String accountId,
        @Size(max = 50) List<@NotNull(message = "must not hold null") @Pattern(regexp = "\\d{12}", message = "must be 12-digit account ids") String> organizationAccountIds,
        @Size(max = 21) String vpcId,
        @Size(max = 22) String endpointId,
        @NotEmpty(message = "must hold at least one row") @Size(max = 500) List<@NotNull(message = "must not hold null") @Valid AccessCheckPayload> matrix) {
}
