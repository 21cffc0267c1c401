package io.vpcportal.request.web;

import jakarta.validation.constraints.Size;

/** Optional body of {@code POST /api/v1/requests/{id}/cancel}. */
record CancelPayload(@Size(max = 500, message = "must be at most 500 characters") String reason) {
}
