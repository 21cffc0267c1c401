package io.vpcportal.policy;

import java.util.List;

/**
 * Documents and the matrix to evaluate them on.
 *
 * @param endpointPolicy         applies to rows through {@link NetworkPath#THIS_ENDPOINT}; {@code null}: no policy
 *                               (the endpoint allows everything)
 * @param bucketPolicy           applies to rows on S3 resources; {@code null}: no bucket policy
 * @param accountId              the endpoint's (and by default the resources') account
 * @param organizationId         the organization of that account, when it has one
 * @param organizationAccountIds further accounts of the organization (principals there carry
 *                               {@code aws:PrincipalOrgID})
 * @param vpcId                  the endpoint's VPC; {@code null}: a placeholder
 * @param endpointId             the endpoint's id; {@code null}: {@value PreviewOptions#PENDING_ENDPOINT_ID}
 * @param matrix                 the rows to decide
 */
public record SimulationInput(String endpointPolicy, String bucketPolicy, String accountId, String organizationId,
        List<String> organizationAccountIds, String vpcId, String endpointId, List<AccessCheck> matrix) {

    public SimulationInput {
        organizationAccountIds = organizationAccountIds == null ? List.of() : organizationAccountIds;
        matrix = matrix == null ? List.of() : matrix;
    }
}
