package io.vpcportal.policy.web;

import io.vpcportal.policy.PolicyKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A document to judge. The service name (endpoint policies) and the account (break-glass principals for bucket
 * policies) enable more checks.
 */
record PolicyValidationPayload(
        @NotBlank(message = "must not be blank") @Size(max = 100_000) String document,
        @NotNull(message = "must be ENDPOINT or BUCKET") PolicyKind kind,
        @Size(max = 200) String serviceName,
        @Size(max = 30) String endpointType,
        @Size(max = 20) String region,
        @Size(max = 12) String accountId,
        @Size(max = 63) String bucketName) {
}
