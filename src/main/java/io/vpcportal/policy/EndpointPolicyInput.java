package io.vpcportal.policy;

import java.util.List;

/**
 * One request item as the policy engine needs it, in plain values so that any module can build it. Lists may be
 * given in any order and may be {@code null}; the output does not depend on their order.
 *
 * @param serviceName             the endpoint service, such as {@code com.amazonaws.us-east-1.s3}
 * @param endpointType            {@code Gateway}, {@code Interface} or {@code GatewayLoadBalancer}
 * @param policyChoice            {@code full-access}, {@code organization}, {@code s3-buckets},
 *                                {@code dynamodb-tables}, {@code read-only} or {@code custom}
 * @param customPolicy            the requester's JSON, for {@code custom} only
 * @param organizationId          the account's organization ({@code o-...}), from the account settings
 * @param breakGlassPrincipalArns roles and users that bucket policies must never lock out, from the account
 * @param options                 endpoint ids, bucket restriction, staged mode, policies in force, expectations
 */
public record EndpointPolicyInput(String region, String serviceName, String endpointType, String policyChoice,
        List<String> bucketNames, List<String> tableNames, String customPolicy, String organizationId,
        List<String> breakGlassPrincipalArns, String accountId, PreviewOptions options) {

    public EndpointPolicyInput {
        bucketNames = bucketNames == null ? List.of() : bucketNames;
        tableNames = tableNames == null ? List.of() : tableNames;
        breakGlassPrincipalArns = breakGlassPrincipalArns == null ? List.of() : breakGlassPrincipalArns;
        options = options == null ? PreviewOptions.DEFAULTS : options;
    }

    public EndpointPolicyInput(String region, String serviceName, String endpointType, String policyChoice,
            List<String> bucketNames, List<String> tableNames, String customPolicy, String organizationId,
            List<String> breakGlassPrincipalArns, String accountId) {
        this(region, serviceName, endpointType, policyChoice, bucketNames, tableNames, customPolicy, organizationId,
                breakGlassPrincipalArns, accountId, PreviewOptions.DEFAULTS);
    }

    public EndpointPolicyInput withOptions(PreviewOptions newOptions) {
        return new EndpointPolicyInput(region, serviceName, endpointType, policyChoice, bucketNames, tableNames,
                customPolicy, organizationId, breakGlassPrincipalArns, accountId, newOptions);
    }
}
