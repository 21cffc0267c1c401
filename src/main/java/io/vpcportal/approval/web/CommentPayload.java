package io.vpcportal.approval.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record CommentPayload(@NotBlank(message = "must not be blank") @Size(max = 4000, message = "must be at most 4000 characters") String body) {
}
