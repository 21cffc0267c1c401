package io.vpcportal.account;

import io.vpcportal.shared.TeamId;
import java.time.Instant;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An AWS account as the portal knows it. The external id is shown to admins only.
 *
 * @param organizationId          the account's AWS Organization, or {@code null}
 * @param breakGlassPrincipalArns roles and users that bucket policies must never lock out
 * @param source                  registered by an admin or discovered from AWS Organizations
 * @param active                  false once the account left the organization, was suspended or closed: it keeps its
 *                                history but is no longer synced nor offered for new requests
 * @param inactiveReason          why it is inactive, or {@code null}
 * @param tags                    its AWS Organizations tags (discovered accounts only)
 */
public record AccountDetails(String id, String name, String roleArn, String externalId,
        AccountEnvironment environment, SortedSet<String> regions, SortedSet<String> teams, String organizationId,
        SortedSet<String> breakGlassPrincipalArns, Instant updatedAt, AccountSource source, boolean active,
        String inactiveReason, SortedMap<String, String> tags) {

    public AccountDetails {
        breakGlassPrincipalArns = breakGlassPrincipalArns == null ? new TreeSet<>() : breakGlassPrincipalArns;
        source = source == null ? AccountSource.HAND : source;
        tags = tags == null ? new TreeMap<>() : tags;
    }

    /** An active account registered by hand. */
    public AccountDetails(String id, String name, String roleArn, String externalId,
            AccountEnvironment environment, SortedSet<String> regions, SortedSet<String> teams, String organizationId,
            SortedSet<String> breakGlassPrincipalArns, Instant updatedAt) {
        this(id, name, roleArn, externalId, environment, regions, teams, organizationId, breakGlassPrincipalArns,
                updatedAt, AccountSource.HAND, true, null, null);
    }

    /** Details without policy settings. */
    public AccountDetails(String id, String name, String roleArn, String externalId, AccountEnvironment environment,
            SortedSet<String> regions, SortedSet<String> teams, Instant updatedAt) {
        this(id, name, roleArn, externalId, environment, regions, teams, null, new TreeSet<>(), updatedAt);
    }

    /** The same account with another external id (masked or removed for readers who may not see it). */
    public AccountDetails withExternalId(String value) {
        return new AccountDetails(id, name, roleArn, value, environment, regions, teams, organizationId,
                breakGlassPrincipalArns, updatedAt, source, active, inactiveReason, tags);
    }

    public boolean allowsRegion(String region) {
        return regions.contains(region);
    }

    public boolean usableBy(TeamId team) {
        return teams.contains(team.value());
    }
}
