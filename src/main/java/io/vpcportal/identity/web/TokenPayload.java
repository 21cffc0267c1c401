package io.vpcportal.identity.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** JSON body of {@code POST /api/v1/tokens}. Without {@code expiresInDays} the token lasts 90 days. */
record TokenPayload(
        @NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters") String name,
        @Min(value = 1, message = "must be at least 1 day") @Max(value = 366, message = "must be at most 366 days")
        Integer expiresInDays) {
}
