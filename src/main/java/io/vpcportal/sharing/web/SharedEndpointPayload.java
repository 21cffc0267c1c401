package io.vpcportal.sharing.web;

import io.vpcportal.sharing.HubSpoke;
import io.vpcportal.sharing.SharedEndpointDraft;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * JSON body of {@code POST /api/v1/shared-endpoints}. Sizes are capped here; every other check is the domain's,
 * shared with the HTML form.
 */
record SharedEndpointPayload(
        @Size(max = 40) String team,
        @Size(max = 40) String hubAccountId,
        @Size(max = 40) String region,
        @Size(max = 40) String hubVpcId,
        @Size(max = 100) String templateKey,
        @Size(max = 50) List<@Size(max = 64) String> subnetIds,
        @Size(max = 5) List<@Size(max = 64) String> securityGroupIds,
        @Size(max = 200) String title,
        @Size(max = 4000) String justification,
        @Size(max = 100) List<@Valid Spoke> spokes) {

    /** @param region left out: the hub's region (a spoke in another region is refused) */
    record Spoke(@Size(max = 40) String accountId, @Size(max = 40) String vpcId, @Size(max = 40) String region) {
    }

    SharedEndpointDraft toDraft() {
        return new SharedEndpointDraft(team, hubAccountId, region, hubVpcId, templateKey, subnetIds, securityGroupIds,
                title, justification, spokes == null ? List.of() : spokes.stream()
                .map(s -> s == null ? null : new HubSpoke(s.accountId(), s.vpcId(), s.region())).toList());
    }
}
