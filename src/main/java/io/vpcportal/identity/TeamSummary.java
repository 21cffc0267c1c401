package io.vpcportal.identity;

import io.vpcportal.shared.TeamId;

/** A team as other modules may see it. */
public record TeamSummary(TeamId id, String name) {
}
