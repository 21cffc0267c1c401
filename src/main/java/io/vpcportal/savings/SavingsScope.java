package io.vpcportal.savings;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.identity.Role;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which accounts' savings a reader sees, like the inventory: requesters the accounts their teams may use, approvers
 * and admins every account ({@code accountIds} null). The ledger holds account, VPC, endpoint and NAT gateway ids,
 * so every read of it for a person (page, API, CSV) goes through a scope.
 */
public record SavingsScope(Set<String> accountIds) {

    /** Every account: approvers, admins and the portal itself. */
    public static final SavingsScope EVERY_ACCOUNT = new SavingsScope(null);

    public SavingsScope {
        accountIds = accountIds == null ? null : Set.copyOf(accountIds);
    }

    /** What {@code reader} may see. */
    public static SavingsScope of(PortalPrincipal reader, AccountManagement accounts) {
        if (reader.hasRole(Role.ADMIN) || reader.hasRole(Role.APPROVER)) {
            return EVERY_ACCOUNT;
        }
        return new SavingsScope(accounts.usableBy(reader.teams()).stream().map(AccountDetails::id)
                .collect(Collectors.toSet()));
    }

    public boolean everyAccount() {
        return accountIds == null;
    }
}
