package io.vpcportal.account;

import java.util.SortedSet;

/** What an admin sets on an account, when registering it or editing it. */
public record AccountChange(String name, String roleArn, String externalId, AccountEnvironment environment,
        SortedSet<String> regions, SortedSet<String> teams) {
}
