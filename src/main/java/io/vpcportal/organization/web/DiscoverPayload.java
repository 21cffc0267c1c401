package io.vpcportal.organization.web;

import jakarta.validation.constraints.NotNull;

/** JSON body of {@code POST /api/v1/organization/discover}. */
record DiscoverPayload(@NotNull(message = "must be true or false") Boolean dryRun) {
}
