package io.vpcportal.inventory;

/**
 * Something a VPC should change.
 *
 * @param kind        {@code MISSING_S3_GATEWAY}, {@code MISSING_DYNAMODB_GATEWAY} or {@code DUPLICATE_ENDPOINTS}
 * @param requestLink the request form prefilled with the template, account, region, VPC and NAT gateway; null
 *                    when there is nothing to request
 */
public record Recommendation(String kind, String accountId, String region, String vpcId, String message,
        String templateKey, String requestLink) {
}
