package io.vpcportal.identity.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The "new API token" form. */
record TokenForm(
        @NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters") String name,
        @Min(value = 1, message = "must be at least 1 day") @Max(value = 366, message = "must be at most 366 days")
        Integer expiresInDays) {
}
