package io.vpcportal.policy.web;

import io.vpcportal.policy.AccessCheck;
import io.vpcportal.policy.NetworkPath;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One row of an access matrix. */
record AccessCheckPayload(
        @Schema(example = "arn:aws:iam::111111111111:role/app", description = "IAM ARN, service principal, or * (anonymous)")
        @NotBlank(message = "must not be blank") @Size(max = 2048) String principal,
        @Schema(example = "s3:PutObject") @NotBlank(message = "must not be blank") @Size(max = 200) String action,
        @Schema(example = "arn:aws:s3:::my-bucket/*") @NotBlank(message = "must not be blank") @Size(max = 2048) String resource,
        @NotNull(message = "must be THIS_ENDPOINT, OTHER_ENDPOINT or OUTSIDE_VPC") NetworkPath path,
        @Schema(description = "true: needed; false: must be impossible; absent: just show it") Boolean expectAllowed,
        @Size(max = 12) String resourceAccount) {

    AccessCheck toCheck() {
        return new AccessCheck(principal, action, resource, path, expectAllowed, resourceAccount);
    }
}
