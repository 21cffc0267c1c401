package io.vpcportal.inventory;

import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.inventory.internal.EndpointReads;
import io.vpcportal.inventory.internal.InventoryQueries;
import io.vpcportal.inventory.internal.InventoryVisibility;
import io.vpcportal.inventory.internal.TopologyReads;
import io.vpcportal.platform.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory's reads: endpoints, VPCs and their topology as the caller may see them (requesters: their teams'
 * accounts; approvers and admins: every account). What the caller may not see is NotFound, as if it did not exist.
 */
@Service
public class InventoryReads {

    private final InventoryQueries queries;
    private final EndpointReads reads;
    private final TopologyReads topologies;
    private final InventoryVisibility visibility;

    InventoryReads(InventoryQueries queries, EndpointReads reads, TopologyReads topologies,
            InventoryVisibility visibility) {
        this.queries = queries;
        this.reads = reads;
        this.topologies = topologies;
        this.visibility = visibility;
    }

    @Transactional(readOnly = true)
    public EndpointPage endpoints(PortalPrincipal by, EndpointFilter filter, String cursor, int limit) {
        return queries.page(filter, visibility.visibleAccounts(by), cursor, limit);
    }

    /** Every matching row in list order, read page by page so that an export of any size needs little memory. */
    public void forEachEndpoint(PortalPrincipal by, EndpointFilter filter, Consumer<EndpointSummary> sink) {
        String cursor = null;
        do {
            EndpointPage page = queries.page(filter, visibility.visibleAccounts(by), cursor, InventoryQueries.MAX_LIMIT);
            page.items().forEach(sink);
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    /** May {@code by} see the inventory (VPCs, endpoints, ids) of {@code accountId}? */
    public boolean maySeeAccount(PortalPrincipal by, String accountId) {
        return accountId != null && visibility.mayView(by, accountId);
    }

    /** NotFound when unknown, or in an account the caller may not see. */
    @Transactional(readOnly = true)
    public EndpointDetails endpoint(PortalPrincipal by, String endpointId) {
        EndpointDetails details = reads.endpoint(endpointId).orElseThrow(() -> notFound(endpointId));
        if (!visibility.mayView(by, details.summary().accountId())) {
            throw notFound(endpointId);
        }
        return details;
    }

    @Transactional(readOnly = true)
    public VpcCoverage vpc(PortalPrincipal by, String vpcId) {
        String account = reads.accountOfVpc(vpcId).orElseThrow(() -> new NotFoundException("No VPC " + vpcId
                + " in the inventory"));
        if (!visibility.mayView(by, account)) {
            throw new NotFoundException("No VPC " + vpcId + " in the inventory");
        }
        return reads.vpc(vpcId);
    }

    /**
     * The VPC's subnets, route tables, NAT gateways, security groups and endpoints for drawing; empty when the
     * inventory has never seen the VPC, NotFound when it is in an account the caller may not see.
     */
    @Transactional(readOnly = true)
    public Optional<VpcTopology> topology(PortalPrincipal by, String vpcId) {
        Optional<String> account = reads.accountOfVpc(vpcId);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        if (!visibility.mayView(by, account.get())) {
            throw new NotFoundException("No VPC " + vpcId + " in the inventory");
        }
        return Optional.of(topologies.read(vpcId));
    }

    /** VPCs with a NAT gateway and no S3 or DynamoDB gateway endpoint, and VPCs with duplicate endpoints. */
    @Transactional(readOnly = true)
    public List<Recommendation> coverage(PortalPrincipal by) {
        return reads.coverage(visibility.visibleAccounts(by));
    }

    static NotFoundException notFound(String endpointId) {
        return new NotFoundException("No endpoint " + endpointId + " in the inventory");
    }
}
