package io.vpcportal.inventory;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.identity.Role;
import io.vpcportal.inventory.internal.RegionNetworkStore;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The VPCs of a region as the inventory last saw them, with what a comparison between VPCs needs in one read:
 * their zones, the Transit Gateways their route tables route to, their live endpoints with policy and zones, and
 * the private hosted zones associated with them. Requesters see the VPCs of their teams' accounts; approvers and
 * admins see all.
 */
@Service
public class RegionNetworks {

    /**
     * A VPC of the region.
     *
     * @param hubTag          the value of its {@code portal:hub} tag, or null when it has none
     * @param zones           the Availability Zones of its subnets
     * @param transitGateways the Transit Gateways a route of one of its route tables points to
     * @param hostedZones     names of the private hosted zones associated with it (lower case, no trailing dot)
     */
    public record VpcNetwork(String vpcId, String accountId, String region, String name, String hubTag,
            List<String> zones, List<String> transitGateways, List<NetworkEndpoint> endpoints,
            List<String> hostedZones, boolean stale) {
    }

    /**
     * A live endpoint of a VPC.
     *
     * @param policy its policy document as EC2 returned it (null: none read)
     * @param zones  the Availability Zones of its subnets (one ENI each; empty for gateway endpoints)
     */
    public record NetworkEndpoint(String id, String serviceName, String endpointType, boolean privateDns,
            String policy, List<String> zones) {
    }

    private final RegionNetworkStore store;
    private final AccountManagement accounts;

    RegionNetworks(RegionNetworkStore store, AccountManagement accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    /** The region's VPCs the caller may see, by account and VPC id. */
    @Transactional(readOnly = true)
    public List<VpcNetwork> of(PortalPrincipal by, String region) {
        return store.vpcs(region, null, visibleAccounts(by));
    }

    /** One VPC in any region, when the inventory has it and the caller may see it. */
    @Transactional(readOnly = true)
    public Optional<VpcNetwork> vpc(PortalPrincipal by, String vpcId) {
        return store.regionOf(vpcId).flatMap(region -> store.vpcs(region, vpcId, visibleAccounts(by)).stream()
                .findFirst());
    }

    /** Regions in which the inventory has seen at least one VPC. */
    public SortedSet<String> regions() {
        return store.regions();
    }

    private List<String> visibleAccounts(PortalPrincipal by) {
        if (by.hasRole(Role.ADMIN) || by.hasRole(Role.APPROVER)) {
            return null;
        }
        return accounts.usableBy(by.teams()).stream().map(AccountDetails::id).toList();
    }
}
