package io.vpcportal.policy.internal;

import io.vpcportal.policy.PreviewOptions;
import java.time.Instant;
import java.util.Set;

/**
 * The world a simulation runs in: the endpoint's account, organization and network, and the time of the request
 * ({@code aws:CurrentTime}).
 *
 * @param organizationAccounts accounts whose principals and resources carry {@code aws:PrincipalOrgID} /
 *                             {@code aws:ResourceOrgID} (the endpoint's account is always one of them when the
 *                             organization is known)
 */
public record SimulationContext(String accountId, String organizationId, Set<String> organizationAccounts,
        String vpcId, String endpointId, Instant now) {

    /** Identifiers that stand for "another endpoint, in another VPC of the same organization". */
    public static final String OTHER_ENDPOINT_ID = "vpce-0therendpoint0000";
    public static final String OTHER_VPC_ID = "vpc-0thervpc00000000";
    public static final String PENDING_VPC_ID = "vpc-pending";

    public SimulationContext {
        organizationAccounts = organizationAccounts == null ? Set.of() : Set.copyOf(organizationAccounts);
        vpcId = vpcId == null ? PENDING_VPC_ID : vpcId;
        endpointId = endpointId == null ? PreviewOptions.PENDING_ENDPOINT_ID : endpointId;
    }

    public boolean inOrganization(String account) {
        return organizationId != null && account != null
                && (account.equals(accountId) || organizationAccounts.contains(account));
    }
}
