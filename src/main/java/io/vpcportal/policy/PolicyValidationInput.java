package io.vpcportal.policy;

import java.util.List;

/**
 * A document to judge and what is known about where it goes. Only {@code document} and {@code kind} are required;
 * the rest enables more checks (service actions, AWS-owned buckets, break-glass principals).
 *
 * @param bucketName for bucket policies: the bucket (else read from the statements' resources)
 */
public record PolicyValidationInput(String document, PolicyKind kind, String serviceName, String endpointType,
        String region, String accountId, String organizationId, List<String> breakGlassPrincipalArns,
        String bucketName) {

    public PolicyValidationInput {
        breakGlassPrincipalArns = breakGlassPrincipalArns == null ? List.of() : breakGlassPrincipalArns;
    }

    public static PolicyValidationInput endpoint(String document, String serviceName, String endpointType) {
        return new PolicyValidationInput(document, PolicyKind.ENDPOINT, serviceName, endpointType, null, null, null,
                List.of(), null);
    }

    public static PolicyValidationInput bucket(String document, String bucketName, List<String> breakGlass) {
        return new PolicyValidationInput(document, PolicyKind.BUCKET, null, null, null, null, null, breakGlass,
                bucketName);
    }
}
