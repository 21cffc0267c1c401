package io.vpcportal.provisioning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What must be sent to bring an endpoint from its current state to the approved one: for {@code ModifyVpcEndpoint}
 * ids to add and remove, the new policy document (null: keep) and private DNS (null: keep); for {@code CreateTags}
 * the approved tags that are missing or hold another value, for {@code DeleteTags} the keys that were not approved
 * (tags AWS manages, {@code aws:…}, are never touched). Computed from what EC2 describes, so a retry after a
 * partial success sends only what is still missing.
 */
public record EndpointChange(List<String> addRouteTableIds, List<String> removeRouteTableIds, List<String> addSubnetIds,
        List<String> removeSubnetIds, List<String> addSecurityGroupIds, List<String> removeSecurityGroupIds,
        String policyDocument, Boolean privateDns, SortedMap<String, String> setTags, List<String> removeTagKeys) {

    public EndpointChange(List<String> addRouteTableIds, List<String> removeRouteTableIds, List<String> addSubnetIds,
            List<String> removeSubnetIds, List<String> addSecurityGroupIds, List<String> removeSecurityGroupIds,
            String policyDocument, Boolean privateDns) {
        this(addRouteTableIds, removeRouteTableIds, addSubnetIds, removeSubnetIds, addSecurityGroupIds,
                removeSecurityGroupIds, policyDocument, privateDns, new TreeMap<>(), List.of());
    }

    public EndpointChange {
        addRouteTableIds = List.copyOf(addRouteTableIds);
        removeRouteTableIds = List.copyOf(removeRouteTableIds);
        addSubnetIds = List.copyOf(addSubnetIds);
        removeSubnetIds = List.copyOf(removeSubnetIds);
        addSecurityGroupIds = List.copyOf(addSecurityGroupIds);
        removeSecurityGroupIds = List.copyOf(removeSecurityGroupIds);
        setTags = Collections.unmodifiableSortedMap(new TreeMap<>(setTags));
        removeTagKeys = List.copyOf(removeTagKeys);
    }

    /**
     * The difference between {@code current} (as EC2 describes it) and {@code desired} (the approved spec).
     * Policies are compared in canonical form, so formatting differences never cause a modify. A desired policy
     * of null (a service without endpoint policies) leaves the policy alone; private DNS only counts for
     * interface endpoints.
     */
    public static EndpointChange between(EndpointState current, EndpointSpec desired, UnaryOperator<String> canonical) {
        String policy = null;
        if (desired.policyDocument() != null && (current.policyDocument() == null
                || !canonical.apply(desired.policyDocument()).equals(canonical.apply(current.policyDocument())))) {
            policy = desired.policyDocument();
        }
        Boolean privateDns = "Interface".equals(desired.endpointType()) && desired.privateDns() != current.privateDns()
                ? desired.privateDns() : null;
        return new EndpointChange(missing(desired.routeTableIds(), current.routeTableIds()),
                missing(current.routeTableIds(), desired.routeTableIds()),
                missing(desired.subnetIds(), current.subnetIds()), missing(current.subnetIds(), desired.subnetIds()),
                missing(desired.securityGroupIds(), current.securityGroupIds()),
                missing(current.securityGroupIds(), desired.securityGroupIds()), policy, privateDns,
                tagsToSet(desired.tags(), current.tags()), tagsToRemove(desired.tags(), current.tags()));
    }

    /** Tags AWS itself sets ({@code aws:…}): no one may change them, and they are no one's drift. */
    public static boolean awsManaged(String tagKey) {
        return tagKey.regionMatches(true, 0, "aws:", 0, 4);
    }

    private static SortedMap<String, String> tagsToSet(Map<String, String> desired, Map<String, String> current) {
        SortedMap<String, String> set = new TreeMap<>();
        if (desired != null) {
            desired.forEach((key, value) -> {
                if (!awsManaged(key) && (current == null || !Objects.equals(current.get(key), value))) {
                    set.put(key, value);
                }
            });
        }
        return set;
    }

    private static List<String> tagsToRemove(Map<String, String> desired, Map<String, String> current) {
        if (desired == null || current == null) {
            return List.of();
        }
        return current.keySet().stream().filter(k -> !awsManaged(k) && !desired.containsKey(k)).sorted().toList();
    }

    /** Nothing to send: the endpoint is already as approved. */
    public boolean isEmpty() {
        return !modifiesEndpoint() && !changesTags();
    }

    /** Something for {@code ModifyVpcEndpoint}. */
    public boolean modifiesEndpoint() {
        return !(addRouteTableIds.isEmpty() && removeRouteTableIds.isEmpty() && addSubnetIds.isEmpty()
                && removeSubnetIds.isEmpty() && addSecurityGroupIds.isEmpty() && removeSecurityGroupIds.isEmpty()
                && policyDocument == null && privateDns == null);
    }

    /** Something for {@code CreateTags} or {@code DeleteTags}. */
    public boolean changesTags() {
        return !setTags.isEmpty() || !removeTagKeys.isEmpty();
    }

    /** The call's parameters by their EC2 names, as the plan and the call log show them. */
    public Map<String, Object> parameters(String endpointId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("VpcEndpointId", endpointId);
        put(p, "AddRouteTableIds", addRouteTableIds);
        put(p, "RemoveRouteTableIds", removeRouteTableIds);
        put(p, "AddSubnetIds", addSubnetIds);
        put(p, "RemoveSubnetIds", removeSubnetIds);
        put(p, "AddSecurityGroupIds", addSecurityGroupIds);
        put(p, "RemoveSecurityGroupIds", removeSecurityGroupIds);
        if (policyDocument != null) {
            p.put("PolicyDocument", policyDocument);
        }
        if (privateDns != null) {
            p.put("PrivateDnsEnabled", privateDns);
        }
        return p;
    }

    /** A one-line account of the change, for the timeline. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        part(parts, "add route tables", addRouteTableIds);
        part(parts, "remove route tables", removeRouteTableIds);
        part(parts, "add subnets", addSubnetIds);
        part(parts, "remove subnets", removeSubnetIds);
        part(parts, "add security groups", addSecurityGroupIds);
        part(parts, "remove security groups", removeSecurityGroupIds);
        if (policyDocument != null) {
            parts.add("new endpoint policy");
        }
        if (privateDns != null) {
            parts.add("private DNS " + (privateDns ? "on" : "off"));
        }
        if (!setTags.isEmpty()) {
            parts.add("set tags " + String.join(", ", setTags.keySet()));
        }
        part(parts, "remove tags", removeTagKeys);
        return parts.isEmpty() ? "no change" : String.join(", ", parts);
    }

    private static List<String> missing(List<String> wanted, List<String> present) {
        List<String> have = present == null ? List.of() : present;
        return wanted.stream().filter(Objects::nonNull).filter(id -> !have.contains(id)).distinct().sorted().toList();
    }

    private static void put(Map<String, Object> p, String name, List<String> ids) {
        if (!ids.isEmpty()) {
            p.put(name, ids);
        }
    }

    private static void part(List<String> parts, String label, List<String> ids) {
        if (!ids.isEmpty()) {
            parts.add(label + " " + String.join(", ", ids));
        }
    }
}
