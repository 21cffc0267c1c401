package io.vpcportal.account;

/** An admin registered an account ({@code before} null) or edited it. */
public record AccountChanged(String accountId, String by, AccountDetails before, AccountDetails after) {
}
