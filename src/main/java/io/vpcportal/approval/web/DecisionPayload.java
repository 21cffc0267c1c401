package io.vpcportal.approval.web;

import jakarta.validation.constraints.Size;

/** Body of approve ({@code comment}, optional) and of reject / request-changes ({@code reason}, required). */
record DecisionPayload(@Size(max = 2000, message = "must be at most 2000 characters") String comment,
        @Size(max = 2000, message = "must be at most 2000 characters") String reason) {
}
