package io.vpcportal.organization.web;

import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.organization.OrganizationSource;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** JSON body of {@code PUT /api/v1/organization}; the domain checks the formats and names the field. */
record OrganizationSourcePayload(
        @Size(max = 2048) String roleArn,
        @Size(max = 1224) String externalId,
        @Size(max = 200) List<@NotNull(message = "must not hold null") @Size(max = 80) String> includeOus,
        @Size(max = 200) List<@NotNull(message = "must not hold null") @Size(max = 80) String> skipOus,
        @Size(max = 2048) String memberRolePattern,
        @Size(max = 40) List<@NotNull(message = "must not hold null") @Size(max = 20) String> regions,
        AccountEnvironment environment,
        @Size(max = 128) String teamTagKey,
        @Size(max = 200) Map<@Size(max = 80) String, @NotNull(message = "must name a team") @Size(max = 40) String> ouTeams) {

    OrganizationSource toSource() {
        return new OrganizationSource(roleArn, externalId, includeOus, skipOus, memberRolePattern, regions, environment,
                teamTagKey, ouTeams, null, null);
    }
}
