package io.vpcportal.account;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What an admin sets on an account, when registering it or editing it.
 *
 * @param organizationId          the account's AWS Organization ({@code o-...}), or {@code null}
 * @param breakGlassPrincipalArns roles and users that bucket policies must never lock out
 */
public record AccountChange(String name, String roleArn, String externalId, AccountEnvironment environment,
        SortedSet<String> regions, SortedSet<String> teams, String organizationId,
        SortedSet<String> breakGlassPrincipalArns) {

    public AccountChange {
        breakGlassPrincipalArns = breakGlassPrincipalArns == null ? new TreeSet<>() : breakGlassPrincipalArns;
    }

    /** A change without policy settings. */
    public AccountChange(String name, String roleArn, String externalId, AccountEnvironment environment,
            SortedSet<String> regions, SortedSet<String> teams) {
        this(name, roleArn, externalId, environment, regions, teams, null, new TreeSet<>());
    }
}
