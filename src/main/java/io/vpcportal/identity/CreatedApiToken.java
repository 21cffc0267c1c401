package io.vpcportal.identity;

/** A freshly created token: {@code token} is shown to its owner this once and never stored. */
public record CreatedApiToken(ApiTokenSummary summary, String token) {
}
