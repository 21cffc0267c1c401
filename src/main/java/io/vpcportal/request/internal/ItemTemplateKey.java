package io.vpcportal.request.internal;

import java.util.UUID;

/** The template key of one item of a request. */
public record ItemTemplateKey(UUID requestId, String templateKey) {
}
