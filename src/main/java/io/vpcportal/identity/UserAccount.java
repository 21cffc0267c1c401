package io.vpcportal.identity;

/** A user as admins manage them: who, whether they may sign in, and with what. */
public record UserAccount(UserSummary user, boolean enabled, boolean hasPassword, boolean singleSignOn) {
}
