package io.vpcportal.provisioning.internal;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.aws.AwsTarget;
import io.vpcportal.platform.CanonicalJsonWriter;
import io.vpcportal.platform.Digests;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.policy.EndpointPolicyInput;
import io.vpcportal.policy.PolicyManagement;
import io.vpcportal.provisioning.EndpointChange;
import io.vpcportal.provisioning.EndpointSpec;
import io.vpcportal.provisioning.EndpointState;
import io.vpcportal.provisioning.ProvisioningDetails.PlannedCall;
import io.vpcportal.request.RequestDetails.ItemDetails;
import io.vpcportal.request.RequestDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Computes what provisioning sends, item by item: the same request always gives the same specs, the same
 * client tokens and the same plan, byte for byte. Just over 300 lines on purpose: the plans of a create, a change and a
 * decommission share the few helpers that make their parameters canonical, and split apart they would drift.
 */
@Component
public class ProvisioningPlanner {

    private final PolicyManagement policies;

    ProvisioningPlanner(PolicyManagement policies) {
        this.policies = policies;
    }

    static final String ITEM_TAG = "portal:request-item";

    /**
     * One endpoint to create: where, what, and the tag that finds it again. {@code policyProblem} says why the
     * endpoint policy could not be generated (then nothing may be created).
     */
    public record ItemPlan(int position, AwsTarget target, EndpointSpec spec, String itemTag, String policyProblem) {
    }

    public List<ItemPlan> items(RequestDetails request, AccountDetails account) {
        List<ItemPlan> plans = new ArrayList<>();
        AwsTarget target = new AwsTarget(account.id(), request.region(), account.roleArn(), account.externalId(),
                request.id());
        // a change's endpoint keeps the tags of the request that owns it: that is how it is found again
        UUID owner = request.isChange() ? request.changeOf() : request.id();
        for (ItemDetails item : request.items()) {
            String itemTag = owner + "/" + (request.isChange() ? request.changePosition() : item.position());
            TreeMap<String, String> tags = new TreeMap<>(item.tags());
            // a Name the request (or the adopted endpoint) brings is kept
            tags.putIfAbsent("Name", abbreviate(item.templateKey() + " for " + request.team(), 250));
            tags.put("portal:request-id", owner.toString());
            tags.put(ITEM_TAG, itemTag);
            tags.put("portal:team", request.team());
            tags.put("portal:template", item.templateKey() + ":v" + item.templateVersion());
            String policy = null;
            String policyProblem = null;
            try {
                policy = policyDocument(request, item, account);
            } catch (InvalidInputException e) {
                policyProblem = e.violations().stream().map(v -> v.message()).collect(Collectors.joining("; "));
            }
            EndpointSpec withoutToken = new EndpointSpec(request.vpcId(), item.serviceName(), item.serviceRegion(),
                    item.endpointType(), item.routeTableIds(), item.subnetIds(), item.securityGroupIds(),
                    item.privateDns(), policy, null, tags);
            String token = clientToken(itemTag, withoutToken);
            EndpointSpec spec = new EndpointSpec(withoutToken.vpcId(), withoutToken.serviceName(),
                    withoutToken.serviceRegion(), withoutToken.endpointType(), withoutToken.routeTableIds(),
                    withoutToken.subnetIds(), withoutToken.securityGroupIds(), withoutToken.privateDns(),
                    withoutToken.policyDocument(), token, tags);
            plans.add(new ItemPlan(item.position(), target, spec, itemTag, policyProblem));
        }
        return plans;
    }

    /** The calls, in order, with their exact parameters: shown to approvers and kept with the job. */
    public List<PlannedCall> calls(RequestDetails request, AccountDetails account) {
        List<PlannedCall> calls = new ArrayList<>();
        int seq = 1;
        if (account.roleArn() != null) {
            calls.add(new PlannedCall(seq++, null, "sts:AssumeRole", "Assume " + account.roleArn(),
                    canonical(map("RoleArn", account.roleArn(), "ExternalId", "(the account's external id)",
                            "RoleSessionName", "vpce-portal-" + request.id().toString().substring(0, 23)))));
        }
        for (ItemPlan item : items(request, account)) {
            EndpointSpec s = item.spec();
            calls.add(new PlannedCall(seq++, item.position(), "ec2:DescribeVpcEndpointServices",
                    "Check that " + s.serviceName() + " exists" + (s.serviceRegion() == null ? "" : " in " + s.serviceRegion()),
                    canonical(map("ServiceNames", List.of(s.serviceName()), "ServiceRegions",
                            s.serviceRegion() == null ? null : List.of(s.serviceRegion())))));
            calls.add(new PlannedCall(seq++, item.position(), "ec2:Describe*",
                    "Preflight: the VPC, its DNS attributes, subnets, route tables and security groups",
                    canonical(map("VpcId", s.vpcId(), "SubnetIds", s.subnetIds(), "RouteTableIds", s.routeTableIds(),
                            "SecurityGroupIds", s.securityGroupIds()))));
            calls.add(new PlannedCall(seq++, item.position(), "ec2:DescribeVpcEndpoints",
                    "Look for an endpoint already tagged " + item.itemTag() + " (never create twice)",
                    canonical(map("Filters", List.of(map("Name", "tag:" + ITEM_TAG, "Values", List.of(item.itemTag())))))));
            calls.add(new PlannedCall(seq++, item.position(), "ec2:CreateVpcEndpoint",
                    "Create the " + s.endpointType() + " endpoint for " + s.serviceName()
                            + (item.policyProblem() == null ? "" : " (blocked: the endpoint policy cannot be generated: "
                            + item.policyProblem() + ")"), canonical(createParameters(s))));
            calls.add(new PlannedCall(seq++, item.position(), "ec2:DescribeVpcEndpoints",
                    "Wait until the endpoint is available", canonical(map("VpcEndpointIds", List.of("(the new id)")))));
            RequestDetails.ItemDetails details = request.items().stream()
                    .filter(i -> i.position() == item.position()).findFirst().orElseThrow();
            if (s.serviceName().endsWith(".s3")) {
                for (String bucket : details.bucketNames()) {
                    calls.add(new PlannedCall(seq++, item.position(), "s3:GetBucketPolicy + s3:PutBucketPolicy",
                            "Merge the portal's statement into the policy of " + bucket + " ("
                                    + (account.breakGlassPrincipalArns().isEmpty() ? "audit stage: the account has no "
                                    + "break-glass principal" : "enforced; break-glass principals excepted")
                                    + "); other statements are kept",
                            canonical(map("Bucket", bucket, "ExpectedBucketOwner", account.id(),
                                    "Statement", "VpcePortal… Deny s3:* unless aws:SourceVpce = (the new id)"))));
                }
            }
        }
        return calls;
    }

    /**
     * The calls of an adoption: nothing is created; the endpoint is read (it must still be there, for the approved
     * service) and given the portal's tags, which link it to the request.
     */
    public List<PlannedCall> adoptionCalls(RequestDetails request, AccountDetails account) {
        List<PlannedCall> calls = new ArrayList<>();
        int seq = assumeRole(calls, request, account);
        ItemPlan item = items(request, account).get(0);
        String id = request.adoptsEndpointId();
        calls.add(new PlannedCall(seq++, 0, "ec2:DescribeVpcEndpoints", "Read " + id + ": it must still exist, for "
                + item.spec().serviceName() + ", and belong to no other request", canonical(map("VpcEndpointIds",
                List.of(id)))));
        SortedMap<String, String> portalTags = new TreeMap<>(item.spec().tags());
        calls.add(new PlannedCall(seq++, 0, "ec2:CreateTags", "Tag " + id + " with the portal's tags (those it already "
                + "has are not sent again; its other tags stay); no endpoint is created", canonical(map("Resources",
                List.of(id), "Tags", portalTags))));
        return calls;
    }

    /** The approved state of item {@code position} of {@code request}, as the spec a create would send. */
    ItemPlan item(RequestDetails request, AccountDetails account, int position) {
        return items(request, account).stream().filter(i -> i.position() == position).findFirst()
                .orElseThrow(() -> new IllegalStateException("No item " + position + " in request " + request.id()));
    }

    /** The endpoint as the approved state of the request describes it (what the plan diffs against). */
    static EndpointState approvedState(ItemPlan item, String endpointId) {
        EndpointSpec s = item.spec();
        return new EndpointState(endpointId, s.serviceName(), "available", null, s.routeTableIds(), s.subnetIds(),
                s.securityGroupIds(), s.privateDns(), s.policyDocument(), s.tags());
    }

    /**
     * The calls of a change: read the endpoint, check new ids, modify exactly what differs, wait, then the
     * bucket policies. The modify shown is the diff against the approved state; at run time it is taken
     * against what EC2 describes.
     */
    public List<PlannedCall> changeCalls(RequestDetails change, RequestDetails original, String endpointId,
            AccountDetails account) {
        List<PlannedCall> calls = new ArrayList<>();
        int seq = assumeRole(calls, change, account);
        ItemPlan desired = items(change, account).get(0);
        ItemPlan approved = item(original, account, change.changePosition());
        String id = endpointId != null ? endpointId
                : "(the endpoint of request " + original.id() + ", item " + change.changePosition() + ")";
        EndpointChange diff = EndpointChange.between(approvedState(approved, id), desired.spec(), policies::canonical);
        calls.add(new PlannedCall(seq++, 0, "ec2:DescribeVpcEndpoints", "Read " + id + " as it is now",
                canonical(map("VpcEndpointIds", List.of(id)))));
        if (!diff.addRouteTableIds().isEmpty() || !diff.addSubnetIds().isEmpty() || !diff.addSecurityGroupIds().isEmpty()) {
            calls.add(new PlannedCall(seq++, 0, "ec2:Describe*",
                    "Preflight: the new subnets, route tables and security groups exist in " + desired.spec().vpcId()
                            + ", one subnet per Availability Zone",
                    canonical(map("VpcId", desired.spec().vpcId(), "SubnetIds", diff.addSubnetIds(),
                            "RouteTableIds", diff.addRouteTableIds(), "SecurityGroupIds", diff.addSecurityGroupIds()))));
        }
        calls.add(new PlannedCall(seq++, 0, "ec2:ModifyVpcEndpoint", "Modify " + id + ": " + diff.summary()
                + (desired.policyProblem() == null ? "" : " (blocked: the endpoint policy cannot be generated: "
                + desired.policyProblem() + ")")
                + "; computed against the approved state, sent as the difference to what EC2 describes",
                canonical(diff.parameters(id))));
        if (diff.changesTags()) {
            calls.add(new PlannedCall(seq++, 0, "ec2:CreateTags + ec2:DeleteTags", "Tag " + id
                    + " as approved: the request's tags and the portal's own; tags AWS manages (aws:…) are left alone",
                    canonical(map("Resources", List.of(id), "Tags", diff.setTags(), "RemoveTagKeys", diff.removeTagKeys()))));
        }
        calls.add(new PlannedCall(seq++, 0, "ec2:DescribeVpcEndpoints", "Wait until " + id + " is available again",
                canonical(map("VpcEndpointIds", List.of(id)))));
        RequestDetails.ItemDetails before = itemOf(original, change.changePosition());
        RequestDetails.ItemDetails after = change.items().get(0);
        if (after.serviceName().endsWith(".s3")) {
            for (String bucket : after.bucketNames()) {
                if (!before.bucketNames().contains(bucket)) {
                    calls.add(new PlannedCall(seq++, 0, "s3:GetBucketPolicy + s3:PutBucketPolicy",
                            "Merge the portal's statement for " + id + " into the policy of " + bucket
                                    + "; other statements are kept",
                            canonical(map("Bucket", bucket, "ExpectedBucketOwner", account.id()))));
                }
            }
            for (String bucket : before.bucketNames()) {
                if (!after.bucketNames().contains(bucket)) {
                    calls.add(removal(seq++, 0, bucket, id, account));
                }
            }
        }
        return calls;
    }

    /**
     * The calls of a decommission, per endpoint: the portal's bucket policy statements first (a Deny naming a
     * deleted endpoint would lock the bucket), then the delete, then a look that confirms it is gone.
     */
    public List<PlannedCall> deleteCalls(RequestDetails request, Map<Integer, String> endpointIds, AccountDetails account) {
        List<PlannedCall> calls = new ArrayList<>();
        int seq = assumeRole(calls, request, account);
        for (ItemDetails item : request.items()) {
            String id = endpointIds.getOrDefault(item.position(), "(the endpoint tagged " + request.id() + "/"
                    + item.position() + ")");
            if (item.serviceName().endsWith(".s3")) {
                for (String bucket : item.bucketNames()) {
                    calls.add(removal(seq++, item.position(), bucket, id, account));
                }
            }
            calls.add(new PlannedCall(seq++, item.position(), "ec2:DeleteVpcEndpoints", "Delete " + id + " ("
                    + item.serviceName() + ")", canonical(map("VpcEndpointIds", List.of(id)))));
            calls.add(new PlannedCall(seq++, item.position(), "ec2:DescribeVpcEndpoints",
                    "Confirm " + id + " is gone (deleted or unknown)", canonical(map("VpcEndpointIds", List.of(id)))));
        }
        return calls;
    }

    private static PlannedCall removal(int seq, int position, String bucket, String endpointId, AccountDetails account) {
        return new PlannedCall(seq, position, "s3:GetBucketPolicy + s3:Put/DeleteBucketPolicy",
                "Remove " + endpointId + " from the portal's statements in the policy of " + bucket + "; other "
                        + "statements are kept, and the policy is deleted only when nothing else is left",
                canonical(map("Bucket", bucket, "ExpectedBucketOwner", account.id())));
    }

    private static int assumeRole(List<PlannedCall> calls, RequestDetails request, AccountDetails account) {
        if (account.roleArn() == null) {
            return 1;
        }
        calls.add(new PlannedCall(1, null, "sts:AssumeRole", "Assume " + account.roleArn(),
                canonical(map("RoleArn", account.roleArn(), "ExternalId", "(the account's external id)",
                        "RoleSessionName", "vpce-portal-" + request.id().toString().substring(0, 23)))));
        return 2;
    }

    private static ItemDetails itemOf(RequestDetails request, int position) {
        return request.items().stream().filter(i -> i.position() == position).findFirst()
                .orElseThrow(() -> new IllegalStateException("No item " + position + " in request " + request.id()));
    }

    static Map<String, Object> createParameters(EndpointSpec s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("VpcId", s.vpcId());
        p.put("ServiceName", s.serviceName());
        p.put("VpcEndpointType", s.endpointType());
        p.put("ClientToken", s.clientToken());
        if (s.serviceRegion() != null) {
            p.put("ServiceRegion", s.serviceRegion());
        }
        if (!s.routeTableIds().isEmpty()) {
            p.put("RouteTableIds", s.routeTableIds());
        }
        if (!s.subnetIds().isEmpty()) {
            p.put("SubnetIds", s.subnetIds());
        }
        if (!s.securityGroupIds().isEmpty()) {
            p.put("SecurityGroupIds", s.securityGroupIds());
        }
        if (!"Gateway".equals(s.endpointType())) {
            p.put("PrivateDnsEnabled", s.privateDns());
        }
        p.put("PolicyDocument", s.policyDocument() == null ? "(AWS default: full access)" : s.policyDocument());
        p.put("TagSpecifications", List.of(map("ResourceType", "vpc-endpoint", "Tags", s.tags())));
        return p;
    }

    /**
     * The endpoint policy sent with the create, generated by the policy engine from the item's choice and the
     * account's organization and break-glass settings: canonical, so a retry sends the same bytes. Null where
     * the service takes no endpoint policy (partner services, Gateway Load Balancer).
     */
    private String policyDocument(RequestDetails request, ItemDetails item, AccountDetails account) {
        return policies.preview(new EndpointPolicyInput(request.region(), item.serviceName(),
                item.endpointType(), item.policyChoice(), item.bucketNames(), item.tableNames(), item.customPolicy(),
                account.organizationId(), List.copyOf(account.breakGlassPrincipalArns()), account.id())).endpointPolicy();
    }

    /**
     * The {@code ClientToken} of an item's create: a digest of its tag and everything the create sends, in the
     * writer's stored layout, so that a request in flight across an upgrade retries with the same token.
     */
    static String clientToken(String itemTag, EndpointSpec withoutToken) {
        return "vpce-portal-" + sha256(itemTag + "|" + CanonicalJsonWriter.writeStored(withoutToken)).substring(0, 52);
    }

    static String canonical(Object value) {
        return CanonicalJsonWriter.write(value);
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return map;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String sha256(String text) {
        return Digests.sha256Hex(text);
    }
}
