package io.vpcportal.sharing.internal;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.catalog.CatalogManagement;
import io.vpcportal.catalog.EndpointTemplateDetails;
import io.vpcportal.catalog.EndpointType;
import io.vpcportal.catalog.PolicyChoice;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.inventory.InventoryReads;
import io.vpcportal.inventory.VpcTopology;
import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.sharing.HubSpoke;
import io.vpcportal.sharing.SharedEndpointDraft;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * What a hub must be, checked against the catalog, the registered accounts and the inventory before a request is
 * stored: the hub VPC in the request's region, a service that can be shared, spokes in the same region that reach
 * the hub over a Transit Gateway they share. The live checks (DNS attributes, overlapping zones) run again in
 * provisioning's preflight, against what AWS says then.
 */
@Component
public class SharedEndpointRules {

    static final int MAX_SPOKES = 100;

    private final CatalogManagement catalog;
    private final AccountManagement accounts;
    private final InventoryReads inventory;

    SharedEndpointRules(CatalogManagement catalog, AccountManagement accounts, InventoryReads inventory) {
        this.catalog = catalog;
        this.accounts = accounts;
        this.inventory = inventory;
    }

    /** The outcome of a check that passed: the service's name in the region, its zone names, the shared gateway. */
    public record Checked(EndpointTemplateDetails template, String serviceName, List<String> zoneNames,
            String transitGatewayId) {
    }

    public Checked check(PortalPrincipal by, SharedEndpointDraft draft) {
        List<FieldViolation> v = new ArrayList<>();
        require(v, "team", draft.team());
        require(v, "hubAccountId", draft.hubAccountId());
        require(v, "region", draft.region());
        require(v, "hubVpcId", draft.hubVpcId());
        require(v, "templateKey", draft.templateKey());
        if (draft.subnetIds().isEmpty()) {
            v.add(new FieldViolation("subnetIds", "must name at least one subnet of the hub VPC"));
        }
        if (draft.spokes().isEmpty()) {
            v.add(new FieldViolation("spokes", "must name at least one spoke VPC"));
        } else if (draft.spokes().size() > MAX_SPOKES) {
            v.add(new FieldViolation("spokes", "at most " + MAX_SPOKES + " spoke VPCs per hub"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        String region = draft.region();
        Optional<EndpointTemplateDetails> template = catalog.current(draft.templateKey());
        String serviceName = null;
        List<String> zoneNames = List.of();
        if (template.isEmpty()) {
            v.add(new FieldViolation("templateKey", "no template " + draft.templateKey() + " in the catalog"));
        } else {
            String why = notShareable(template.get());
            serviceName = template.get().serviceNameIn(region).orElse(null);
            if (why != null) {
                v.add(new FieldViolation("templateKey", why));
            } else if (serviceName == null) {
                v.add(new FieldViolation("templateKey", template.get().name() + " is not offered in " + region));
            } else {
                zoneNames = HubNames.zoneNames(serviceName, region);
                if (zoneNames.isEmpty()) {
                    v.add(new FieldViolation("templateKey", serviceName + " has no AWS private DNS name a hub's zone "
                            + "could answer for"));
                }
            }
        }
        Set<String> hubGateways = new TreeSet<>();
        Optional<VpcTopology> hub = topology(by, draft.hubVpcId());
        if (hub.isEmpty()) {
            v.add(new FieldViolation("hubVpcId", "VPC " + draft.hubVpcId() + " is not in the inventory (or not visible "
                    + "to you): sync account " + draft.hubAccountId() + " first"));
        } else {
            if (!hub.get().accountId().equals(draft.hubAccountId())) {
                v.add(new FieldViolation("hubVpcId", "VPC " + draft.hubVpcId() + " belongs to account "
                        + hub.get().accountId() + ", not to " + draft.hubAccountId()));
            }
            if (!hub.get().region().equals(region)) {
                v.add(new FieldViolation("hubVpcId", "VPC " + draft.hubVpcId() + " is in " + hub.get().region()
                        + ", not in " + region + ": a hub serves the VPCs of its own region"));
            }
            hubGateways.addAll(transitGateways(hub.get()));
            if (hubGateways.isEmpty()) {
                v.add(new FieldViolation("hubVpcId", "VPC " + draft.hubVpcId() + " has no route to a Transit Gateway: "
                        + "spokes could not reach its endpoint"));
            }
        }
        Set<String> shared = new TreeSet<>(hubGateways);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < draft.spokes().size(); i++) {
            shared.retainAll(checkSpoke(by, draft, i, hubGateways, seen, v));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        if (shared.isEmpty()) {
            throw new InvalidInputException("spokes", "the spokes reach the hub over different Transit Gateways ("
                    + hubGateways + "): one hub serves the spokes of one Transit Gateway");
        }
        return new Checked(template.orElseThrow(), serviceName, zoneNames, shared.iterator().next());
    }

    private Set<String> checkSpoke(PortalPrincipal by, SharedEndpointDraft draft, int i, Set<String> hubGateways,
            Set<String> seen, List<FieldViolation> v) {
        HubSpoke spoke = draft.spokes().get(i);
        String at = "spokes[" + i + "].";
        if (spoke == null || blank(spoke.vpcId()) || blank(spoke.accountId())) {
            v.add(new FieldViolation(at + "vpcId", "each spoke needs accountId and vpcId"));
            return Set.of();
        }
        if (spoke.vpcId().equals(draft.hubVpcId())) {
            v.add(new FieldViolation(at + "vpcId", "the hub VPC itself is not a spoke"));
            return Set.of();
        }
        if (!seen.add(spoke.vpcId())) {
            v.add(new FieldViolation(at + "vpcId", spoke.vpcId() + " is listed twice"));
            return Set.of();
        }
        if (spoke.region() != null && !spoke.region().isBlank() && !spoke.region().equals(draft.region())) {
            v.add(new FieldViolation(at + "region", "a hub in " + draft.region() + " serves VPCs of " + draft.region()
                    + " only, not of " + spoke.region()));
            return Set.of();
        }
        Optional<AccountDetails> account = accounts.find(spoke.accountId());
        if (account.isEmpty() || !account.get().active()) {
            v.add(new FieldViolation(at + "accountId", "account " + spoke.accountId() + " is not registered (or not "
                    + "active) in the portal: its role makes the association"));
            return Set.of();
        }
        Optional<VpcTopology> topology = topology(by, spoke.vpcId());
        if (topology.isEmpty() || !topology.get().accountId().equals(spoke.accountId())) {
            v.add(new FieldViolation(at + "vpcId", "VPC " + spoke.vpcId() + " of account " + spoke.accountId()
                    + " is not in the inventory (or not visible to you)"));
            return Set.of();
        }
        if (!topology.get().region().equals(draft.region())) {
            v.add(new FieldViolation(at + "vpcId", "VPC " + spoke.vpcId() + " is in " + topology.get().region()
                    + ": a hub in " + draft.region() + " serves VPCs of " + draft.region() + " only"));
            return Set.of();
        }
        Set<String> gateways = transitGateways(topology.get());
        Set<String> common = new TreeSet<>(gateways);
        common.retainAll(hubGateways);
        if (common.isEmpty() && !hubGateways.isEmpty()) {
            v.add(new FieldViolation(at + "vpcId", "VPC " + spoke.vpcId() + " cannot reach the hub: "
                    + (gateways.isEmpty() ? "none of its route tables routes to a Transit Gateway"
                    : "its routes go to " + gateways + ", the hub's to " + hubGateways)));
        }
        return common;
    }

    /** Why the template's service cannot be served from a hub, or null when it can. */
    static String notShareable(EndpointTemplateDetails t) {
        if (t.endpointType() != EndpointType.Interface) {
            return t.name() + " is a " + t.endpointType() + " endpoint: only interface endpoints can be shared (S3 "
                    + "and DynamoDB gateway endpoints are free and stay in every VPC)";
        }
        String pattern = t.serviceNamePattern() == null ? "" : t.serviceNamePattern();
        if (pattern.endsWith(".s3") || pattern.endsWith(".dynamodb")) {
            return t.name() + " stays per VPC: S3 and DynamoDB are reached through each VPC's free gateway endpoint";
        }
        if (t.partner()) {
            return t.name() + " is a partner service: its private DNS name belongs to its provider, no hub zone can "
                    + "answer for it";
        }
        if (t.defaultPolicy() == PolicyChoice.CUSTOM || t.defaultPolicy() == PolicyChoice.S3_BUCKETS
                || t.defaultPolicy() == PolicyChoice.DYNAMODB_TABLES) {
            return t.name() + " takes an endpoint policy written per VPC: one shared endpoint has one policy for all "
                    + "spokes";
        }
        return null;
    }

    static Set<String> transitGateways(VpcTopology vpc) {
        Set<String> gateways = new TreeSet<>();
        vpc.routeTables().forEach(t -> t.routes().forEach(route -> {
            int arrow = route.lastIndexOf(" -> ");
            String target = arrow < 0 ? route : route.substring(arrow + 4).strip();
            if (target.startsWith("tgw-")) {
                gateways.add(target);
            }
        }));
        return gateways;
    }

    private Optional<VpcTopology> topology(PortalPrincipal by, String vpcId) {
        try {
            return inventory.topology(by, vpcId);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static void require(List<FieldViolation> v, String field, String value) {
        if (blank(value)) {
            v.add(new FieldViolation(field, "must not be blank"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
