package io.vpcportal.inventory.internal;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.identity.Role;
import io.vpcportal.platform.ForbiddenException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who sees which part of the inventory: approvers and admins every account, everyone else the accounts their teams
 * may use; and who may change it (admins).
 */
@Component
public class InventoryVisibility {

    private final AccountManagement accounts;

    InventoryVisibility(AccountManagement accounts) {
        this.accounts = accounts;
    }

    /** The accounts {@code by} may see; null: every account. */
    public List<String> visibleAccounts(PortalPrincipal by) {
        return seesAll(by) ? null : accounts.usableBy(by.teams()).stream().map(AccountDetails::id).toList();
    }

    public boolean mayView(PortalPrincipal by, String accountId) {
        return seesAll(by) || accounts.find(accountId).map(a -> by.teams().stream().anyMatch(a::usableBy)).orElse(false);
    }

    static boolean seesAll(PortalPrincipal p) {
        return p.hasRole(Role.ADMIN) || p.hasRole(Role.APPROVER);
    }

    /** Forbidden unless {@code p} is an administrator. */
    public static void requireAdmin(PortalPrincipal p) {
        if (!p.hasRole(Role.ADMIN)) {
            throw new ForbiddenException("Only administrators may do this");
        }
    }
}
