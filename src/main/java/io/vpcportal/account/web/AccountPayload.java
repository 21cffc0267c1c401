package io.vpcportal.account.web;

import io.vpcportal.account.AccountChange;
import io.vpcportal.account.AccountEnvironment;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.TreeSet;

/**
 * JSON body to register or edit an AWS account. {@code id} is only read when registering; the organization id and
 * the break-glass principals feed the policy engine.
 */
record AccountPayload(
        @Size(max = 20) String id,
        @NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters") String name,
        @Size(max = 2048) String roleArn,
        @Size(max = 1224) String externalId,
        @NotNull(message = "must be PRODUCTION or NON_PRODUCTION") AccountEnvironment environment,
        @NotNull(message = "must name at least one region") @Size(max = 40) List<@NotNull(message = "must not hold null") @Size(max = 20) String> regions,
        @Size(max = 100) List<@NotNull(message = "must not hold null") @Size(max = 40) String> teams,
        @Size(max = 34) String organizationId,
        @Size(max = 20) List<@NotNull(message = "must not hold null") @Size(max = 2048) String> breakGlassPrincipalArns) {

    AccountChange toChange() {
        return new AccountChange(name, roleArn, externalId, environment, new TreeSet<>(regions),
                teams == null ? new TreeSet<>() : new TreeSet<>(teams), organizationId,
                breakGlassPrincipalArns == null ? new TreeSet<>() : new TreeSet<>(breakGlassPrincipalArns));
    }
}
