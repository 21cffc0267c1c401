package io.vpcportal.inventory.internal;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.request.QuickStartVpcs;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The VPC a quick start prefills: a VPC tagged {@value #TAG} with the quick start's key (for example
 * {@code standard}), in an active account and allowed region the caller's teams may use; the first by account and
 * VPC id when several are tagged. Its first available NAT gateway comes along for the savings estimate.
 */
@Component
public class InventoryQuickStarts implements QuickStartVpcs {

    /** The VPC tag naming the quick start whose architecture the VPC holds. */
    static final String TAG = "portal:quick-start";

    private final JdbcTemplate jdbc;
    private final AccountManagement accounts;

    InventoryQuickStarts(JdbcTemplate jdbc, AccountManagement accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    public Optional<Target> find(PortalPrincipal by, String key) {
        List<AccountDetails> usable = accounts.activeUsableBy(by.teams());
        if (usable.isEmpty()) {
            return Optional.empty();
        }
        record Vpc(String account, String region, String id) {
        }
        List<Vpc> vpcs = jdbc.query("""
                select account_id, region, resource_id from inventory_resource
                where resource_type = 'VPC' and account_id = any (?) and not stale
                  and (data::jsonb -> 'quickStart') @> to_jsonb(?::text) -- the tag's value, kept by the sync
                order by account_id, resource_id""", (rs, n) -> new Vpc(rs.getString(1), rs.getString(2),
                rs.getString(3)), usable.stream().map(AccountDetails::id).toArray(String[]::new), key);
        return vpcs.stream().filter(v -> usable.stream().anyMatch(a -> a.id().equals(v.account())
                && a.regions().contains(v.region()))).findFirst().map(v -> new Target(v.account(), v.region(), v.id(),
                jdbc.queryForList("select resource_id from inventory_resource where resource_type = 'NAT_GATEWAY' "
                        + "and vpc_id = ? and coalesce(state, 'available') = 'available' order by resource_id",
                        String.class, v.id()).stream().findFirst().orElse(null)));
    }
}
