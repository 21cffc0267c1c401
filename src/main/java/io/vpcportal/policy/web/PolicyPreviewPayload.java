package io.vpcportal.policy.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.vpcportal.policy.BucketRestriction;
import io.vpcportal.policy.EnforcementMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * One request item, as the request form has it. The organization id and break-glass principals come from the
 * account's settings ({@code accountId}).
 */
record PolicyPreviewPayload(
        @Schema(example = "us-east-1") @NotBlank(message = "must not be blank") @Size(max = 20) String region,
        @Schema(example = "com.amazonaws.us-east-1.s3") @NotBlank(message = "must not be blank") @Size(max = 200) String serviceName,
        @Schema(example = "Gateway") @Size(max = 30) String endpointType,
        @Schema(example = "s3-buckets") @NotBlank(message = "must not be blank") @Size(max = 30) String policyChoice,
        @Size(max = 20) List<@NotNull(message = "must not hold null") @Size(max = 63) String> bucketNames,
        @Size(max = 20) List<@NotNull(message = "must not hold null") @Size(max = 255) String> tableNames,
        @Size(max = 100_000) String customPolicy,
        @Schema(example = "111111111111") @Size(max = 12) String accountId,
        @Size(max = 21) String vpcId,
        @Size(max = 20) List<@NotNull(message = "must not hold null") @Size(max = 22) String> endpointIds,
        @Schema(description = "default SOURCE_VPCE") BucketRestriction bucketRestriction,
        @Schema(description = "default ENFORCE") EnforcementMode enforcement,
        @Size(max = 100_000) String currentEndpointPolicy,
        @Size(max = 20) Map<@Size(max = 63) String, @NotNull(message = "must not hold null") @Size(max = 100_000) String> currentBucketPolicies,
        @Size(max = 50) List<@NotNull(message = "must not hold null") @Valid AccessCheckPayload> expectedAccesses) {
}
