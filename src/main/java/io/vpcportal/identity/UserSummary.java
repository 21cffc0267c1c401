package io.vpcportal.identity;

import io.vpcportal.shared.TeamId;
import io.vpcportal.shared.UserId;
import java.util.Set;

/** A user as other modules may see them. */
public record UserSummary(UserId id, String username, String displayName, Set<Role> roles, Set<TeamId> teams) {
}
