package io.vpcportal.account;

import io.vpcportal.shared.TeamId;
import java.time.Instant;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An AWS account as the portal knows it. The external id is shown to admins only.
 *
 * @param organizationId          the account's AWS Organization, or {@code null}
 * @param breakGlassPrincipalArns roles and users that bucket policies must never lock out
 */
public record AccountDetails(String id, String name, String roleArn, String externalId,
        AccountEnvironment environment, SortedSet<String> regions, SortedSet<String> teams, String organizationId,
        SortedSet<String> breakGlassPrincipalArns, Instant updatedAt) {

    public AccountDetails {
        breakGlassPrincipalArns = breakGlassPrincipalArns == null ? new TreeSet<>() : breakGlassPrincipalArns;
    }

    /** Details without policy settings. */
    public AccountDetails(String id, String name, String roleArn, String externalId, AccountEnvironment environment,
            SortedSet<String> regions, SortedSet<String> teams, Instant updatedAt) {
        this(id, name, roleArn, externalId, environment, regions, teams, null, new TreeSet<>(), updatedAt);
    }

    public boolean allowsRegion(String region) {
        return regions.contains(region);
    }

    public boolean usableBy(TeamId team) {
        return teams.contains(team.value());
    }
}
