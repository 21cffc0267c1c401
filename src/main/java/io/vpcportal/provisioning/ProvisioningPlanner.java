package io.vpcportal.provisioning;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.provisioning.ProvisioningDetails.PlannedCall;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestDetails.ItemDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computes what provisioning sends, item by item: the same request always gives the same specs, the same
 * client tokens and the same plan, byte for byte.
 */
@Component
class ProvisioningPlanner {

    private final io.vpcportal.policy.PolicyManagement policies;

    ProvisioningPlanner(io.vpcportal.policy.PolicyManagement policies) {
        this.policies = policies;
    }

    static final String ITEM_TAG = "portal:request-item";
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    /**
     * One endpoint to create: where, what, and the tag that finds it again. {@code policyProblem} says why the
     * endpoint policy could not be generated (then nothing may be created).
     */
    record ItemPlan(int position, AwsTarget target, EndpointSpec spec, String itemTag, String policyProblem) {
    }

    List<ItemPlan> items(RequestDetails request, AccountDetails account) {
        List<ItemPlan> plans = new ArrayList<>();
        AwsTarget target = new AwsTarget(account.id(), request.region(), account.roleArn(), account.externalId(),
                request.id());
        for (ItemDetails item : request.items()) {
            String itemTag = request.id() + "/" + item.position();
            TreeMap<String, String> tags = new TreeMap<>(item.tags());
            tags.put("Name", abbreviate(item.templateKey() + " for " + request.team(), 250));
            tags.put("portal:request-id", request.id().toString());
            tags.put(ITEM_TAG, itemTag);
            tags.put("portal:team", request.team());
            tags.put("portal:template", item.templateKey() + ":v" + item.templateVersion());
            String policy = null;
            String policyProblem = null;
            try {
                policy = policyDocument(request, item, account);
            } catch (io.vpcportal.platform.InvalidInputException e) {
                policyProblem = e.violations().stream().map(v -> v.message()).collect(java.util.stream.Collectors.joining("; "));
            }
            EndpointSpec withoutToken = new EndpointSpec(request.vpcId(), item.serviceName(), item.serviceRegion(),
                    item.endpointType(), item.routeTableIds(), item.subnetIds(), item.securityGroupIds(),
                    item.privateDns(), policy, null, tags);
            String token = "vpce-portal-" + sha256(itemTag + "|" + canonical(withoutToken)).substring(0, 52);
            EndpointSpec spec = new EndpointSpec(withoutToken.vpcId(), withoutToken.serviceName(),
                    withoutToken.serviceRegion(), withoutToken.endpointType(), withoutToken.routeTableIds(),
                    withoutToken.subnetIds(), withoutToken.securityGroupIds(), withoutToken.privateDns(),
                    withoutToken.policyDocument(), token, tags);
            plans.add(new ItemPlan(item.position(), target, spec, itemTag, policyProblem));
        }
        return plans;
    }

    /** The calls, in order, with their exact parameters: shown to approvers and kept with the job. */
    List<PlannedCall> calls(RequestDetails request, AccountDetails account) {
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
        return policies.preview(new io.vpcportal.policy.EndpointPolicyInput(request.region(), item.serviceName(),
                item.endpointType(), item.policyChoice(), item.bucketNames(), item.tableNames(), item.customPolicy(),
                account.organizationId(), List.copyOf(account.breakGlassPrincipalArns()), account.id())).endpointPolicy();
    }

    static String canonical(Object value) {
        return CANONICAL.writeValueAsString(value);
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
        return io.vpcportal.platform.Digests.sha256Hex(text);
    }
}
