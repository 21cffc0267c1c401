package io.vpcportal.organization;

import io.vpcportal.account.AccountEnvironment;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where accounts are discovered from and how they are registered.
 *
 * @param roleArn           the discovery role in the management or delegated-administrator account
 * @param externalId        the external id that role's trust policy asks for, or {@code null}
 * @param includeOus        OUs (or a root) to walk, nested OUs followed; empty for the whole organization
 * @param skipOus           OUs left out with everything below them
 * @param memberRolePattern the role the portal assumes in each member account, with {@code {accountId}}
 * @param regions           regions new accounts allow
 * @param environment       environment of new accounts
 * @param teamTagKey        the account tag whose value names the account's team(s), or {@code null}
 * @param ouTeams           OU id to team; for nested OUs the nearest OU in the table wins
 * @param updatedAt         when an admin last saved it ({@code null} in input)
 * @param updatedBy         who saved it ({@code null} in input)
 */
public record OrganizationSource(String roleArn, String externalId, List<String> includeOus, List<String> skipOus,
        String memberRolePattern, List<String> regions, AccountEnvironment environment, String teamTagKey,
        Map<String, String> ouTeams, Instant updatedAt, String updatedBy) {

    public OrganizationSource {
        includeOus = includeOus == null ? List.of() : List.copyOf(includeOus);
        skipOus = skipOus == null ? List.of() : List.copyOf(skipOus);
        regions = regions == null ? List.of() : List.copyOf(regions);
        ouTeams = ouTeams == null ? Map.of() : Map.copyOf(ouTeams);
    }

    /** The member role ARN of one account. */
    public String memberRoleOf(String accountId) {
        return memberRolePattern.replace("{accountId}", accountId);
    }
}
