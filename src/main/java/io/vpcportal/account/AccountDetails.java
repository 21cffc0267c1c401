package io.vpcportal.account;

import io.vpcportal.shared.TeamId;
import java.time.Instant;
import java.util.SortedSet;

/** An AWS account as the portal knows it. The external id is shown to admins only. */
public record AccountDetails(String id, String name, String roleArn, String externalId,
        AccountEnvironment environment, SortedSet<String> regions, SortedSet<String> teams, Instant updatedAt) {

    public boolean allowsRegion(String region) {
        return regions.contains(region);
    }

    public boolean usableBy(TeamId team) {
        return teams.contains(team.value());
    }
}
